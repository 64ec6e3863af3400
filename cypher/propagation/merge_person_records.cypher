// Write the dishonest act into each reached natural person's own public credit information
// (P1, "记入自然人公共信用信息", 002 HLJ Art.33): a derived PersonDishonestyEntry record, linked
// to the person, the source entry, its issuing authority and the flag that carries it.
// A record's id derives from its flag, so its links never change: the record and its links are
// created when the id is new, and only its state is set otherwise. (ArcadeDB cannot use the
// recordId index for a MERGE on two labels and would scan every record.)
// @param records LIST<MAP>  {recordId, recordType, flagId, targetSid, sourceId, ruleId, title, legalBasis, decisionNo, decisionDate, publicationEnd, publishedAt}
// @returns recordId, created
UNWIND $records AS r
MATCH (p:Subject {sid: r.targetSid})
MATCH (src:ListEntry {entryId: r.sourceId})
MATCH (flag:Flag {flagId: r.flagId})
OPTIONAL MATCH (src)-[:ISSUED_BY]->(a:Authority)
WITH r, p, src, flag, collect(a)[0] AS authority
OPTIONAL MATCH (old:CreditRecord {recordId: r.recordId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
  CREATE (p)-[:HAS_RECORD]->(rec:CreditRecord:PersonDishonestyEntry {
            recordId: r.recordId, recordType: r.recordType, derived: true, ruleId: r.ruleId,
            sourceEntryId: r.sourceId, publishedAt: r.publishedAt})-[:DERIVED_FROM]->(src)
  CREATE (flag)-[:RECORDED_AS]->(rec)
  FOREACH (issuer IN CASE WHEN authority IS NULL THEN [] ELSE [authority] END |
    CREATE (rec)-[:ISSUED_BY]->(issuer)))
WITH r, old IS NULL AS created
MATCH (rec:CreditRecord {recordId: r.recordId})
SET rec.status = 'PUBLISHED', rec.title = r.title, rec.legalBasis = r.legalBasis,
    rec.decisionNo = r.decisionNo, rec.decisionDate = r.decisionDate,
    rec.publicationEnd = r.publicationEnd, rec.publicationStopped = false
RETURN r.recordId AS recordId, created
