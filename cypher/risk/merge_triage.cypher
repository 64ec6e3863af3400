// Record a triage decision on an indicator, replacing an earlier one (the audit trail keeps
// every decision). The fingerprint is the evidence judged: when a recomputation changes it, the
// decision no longer applies and the indicator reads as CHANGED.
// @param indicatorId STRING  the indicator
// @param decision STRING  CONFIRMED or DISMISSED
// @param reason STRING  why
// @param by STRING  who (token subject)
// @param role STRING  their role
// @param at DATETIME  when
// @param fingerprint STRING  the evidence judged
// @returns indicatorId, decision, reason, by, role, at
MERGE (t:Triage {indicatorId: $indicatorId})
SET t.decision = $decision, t.reason = $reason, t.by = $by, t.role = $role, t.at = $at,
    t.fingerprint = $fingerprint
RETURN t.indicatorId AS indicatorId, t.decision AS decision, t.reason AS reason, t.by AS by,
       t.role AS role, t.at AS at
