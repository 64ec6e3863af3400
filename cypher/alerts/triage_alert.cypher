// Confirm or dismiss one of the caller's alerts, with a reason.
// @param alertId STRING  the alert
// @param owner STRING  the caller
// @param decision STRING  CONFIRMED or DISMISSED
// @param reason STRING  why
// @param at DATETIME  when
// @returns alertId
MATCH (a:Alert {alertId: $alertId})
WHERE a.owner = $owner
SET a.triage = $decision, a.triageReason = $reason, a.triagedAt = $at
RETURN a.alertId AS alertId
