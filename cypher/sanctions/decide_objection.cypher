// Record the decision on a pending objection. A rejected objection lifts the mark (the entry
// is ACTIVE again); an upheld one is followed by the entry's removal in the same transaction.
// @param objectionId STRING  the objection
// @param decision STRING  UPHELD or REJECTED
// @param reasons STRING  reasons for the decision (required when rejected, Art.35)
// @param decidedAt DATE  day of the decision
// @returns objectionId, entryId, decision
MATCH (o:Objection {objectionId: $objectionId})-[:CONCERNS]->(e:ListEntry)
WHERE o.status = 'PENDING'
SET o.status = 'DECIDED', o.decision = $decision, o.reasons = $reasons,
    o.decidedAt = $decidedAt,
    e.status = CASE WHEN $decision = 'REJECTED' AND e.status = 'OBJECTION_PENDING'
                    THEN 'ACTIVE' ELSE e.status END
RETURN o.objectionId AS objectionId, e.entryId AS entryId, o.decision AS decision
