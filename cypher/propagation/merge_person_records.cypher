// Write the dishonest act into each reached natural person's own public credit information
// (P1, "记入自然人公共信用信息", 002 HLJ Art.33): a derived PersonDishonestyEntry record, linked
// to the person, the source entry, its issuing authority and the flag that carries it.
// @param records LIST<MAP>  {recordId, recordType, flagId, targetSid, sourceId, ruleId, title, legalBasis, decisionNo, decisionDate, publicationEnd, publishedAt}
// @returns recordId, created
UNWIND $records AS r
MATCH (p:Subject {sid: r.targetSid})
MATCH (src:ListEntry {entryId: r.sourceId})
MATCH (flag:Flag {flagId: r.flagId})
OPTIONAL MATCH (old:CreditRecord {recordId: r.recordId})
WITH r, p, src, flag, old IS NULL AS created
MERGE (rec:CreditRecord:PersonDishonestyEntry {recordId: r.recordId})
ON CREATE SET rec.recordType = r.recordType, rec.derived = true, rec.ruleId = r.ruleId,
              rec.sourceEntryId = r.sourceId, rec.publishedAt = r.publishedAt
SET rec.status = 'PUBLISHED', rec.title = r.title, rec.legalBasis = r.legalBasis,
    rec.decisionNo = r.decisionNo, rec.decisionDate = r.decisionDate,
    rec.publicationEnd = r.publicationEnd, rec.publicationStopped = false
MERGE (p)-[:HAS_RECORD]->(rec)
MERGE (rec)-[:DERIVED_FROM]->(src)
MERGE (flag)-[:RECORDED_AS]->(rec)
WITH r, src, rec, created
CALL (src, rec) {
  MATCH (src)-[:ISSUED_BY]->(a:Authority)
  MERGE (rec)-[:ISSUED_BY]->(a)
}
RETURN r.recordId AS recordId, created
