// Create (or keep) the list entries a rule derives automatically (P2: a dishonest judgment
// debtor becomes a serious dishonest subject). The derived entry copies the decision, period and
// debt-responsible persons of its source and links to it; its status is set only on creation.
// @param entries LIST<MAP>  {entryId, listType, derivedFrom, ruleId, legalBasis, reason}
// @returns entryId, created
UNWIND $entries AS x
MATCH (s:Subject)-[:LISTED_AS]->(src:ListEntry {entryId: x.derivedFrom})
OPTIONAL MATCH (old:ListEntry {entryId: x.entryId})
WITH x, s, src, old IS NULL AS created
MERGE (e:ListEntry {entryId: x.entryId})
ON CREATE SET e.listType = x.listType, e.status = 'ACTIVE', e.automatic = true,
              e.derivedFrom = x.derivedFrom, e.ruleId = x.ruleId
SET e.decisionNo = src.decisionNo, e.decisionDate = src.decisionDate, e.reason = x.reason,
    e.legalBasis = x.legalBasis, e.validFrom = src.validFrom, e.validUntil = src.validUntil,
    e.removalConditions = src.removalConditions, e.remedies = src.remedies
MERGE (s)-[:LISTED_AS]->(e)
MERGE (e)-[:DERIVED_FROM]->(src)
WITH x, src, e, created
CALL (src, e) {
  MATCH (src)-[:ISSUED_BY]->(a:Authority)
  MERGE (e)-[:ISSUED_BY]->(a)
}
CALL (src, e) {
  MATCH (p:Person)-[:DEBT_RESPONSIBLE_FOR]->(src)
  MERGE (p)-[:DEBT_RESPONSIBLE_FOR]->(e)
}
RETURN x.entryId AS entryId, created
