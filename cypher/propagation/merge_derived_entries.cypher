// Create (or keep) the list entries a rule derives automatically: on the same subject (P2: a
// dishonest judgment debtor becomes a serious dishonest subject) or on a person the rule reaches
// (P6: the legal representative of an enterprise on the Huizhou negative list). The derived
// entry copies the decision, period and debt-responsible persons of its source and links to it
// and to the source's authority; it is created (ACTIVE) when its id is new, and afterwards only
// follows its source's decision data.
// @param entries LIST<MAP>  {entryId, listType, subjectSid, derivedFrom, ruleId, legalBasis, reason}
// @returns entryId, created
UNWIND $entries AS x
MATCH (src:ListEntry {entryId: x.derivedFrom})
MATCH (s:Subject {sid: x.subjectSid})
OPTIONAL MATCH (src)-[:ISSUED_BY]->(a:Authority)
WITH x, s, src, collect(a)[0] AS authority
OPTIONAL MATCH (old:ListEntry {entryId: x.entryId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (s)-[:LISTED_AS]->(e:ListEntry {entryId: x.entryId, listType: x.listType,
          status: 'ACTIVE', automatic: true, derivedFrom: x.derivedFrom,
          ruleId: x.ruleId})-[:DERIVED_FROM]->(src)
  FOREACH (issuer IN CASE WHEN authority IS NULL THEN [] ELSE [authority] END |
    CREATE (e)-[:ISSUED_BY]->(issuer)))
WITH x, src, old IS NULL AS created
MATCH (e:ListEntry {entryId: x.entryId})
SET e.decisionNo = src.decisionNo, e.decisionDate = src.decisionDate, e.reason = x.reason,
    e.legalBasis = x.legalBasis, e.validFrom = src.validFrom, e.validUntil = src.validUntil,
    e.removalConditions = src.removalConditions, e.remedies = src.remedies
WITH x, src, e, created
CALL (src, e) {
  MATCH (src)<-[:DEBT_RESPONSIBLE_FOR]-(p:Person)
  MERGE (p)-[:DEBT_RESPONSIBLE_FOR]->(e)
}
RETURN x.entryId AS entryId, created
