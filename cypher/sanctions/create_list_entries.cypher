// Write designation decisions as ACTIVE list entries (002 HLJ Art.28: a written decision with
// reason, basis, period, removal conditions and remedies), each linked to its subject, its
// designating authority and the persons it names as directly responsible for the debt.
// @param entries LIST<MAP>  {entryId, listType, subjectSid, authorityId, decisionNo, decisionDate, reason, legalBasis, validFrom, validUntil, removalConditions, remedies, responsibles}
// @param at DATETIME  when the designation was recorded
// @param actor STRING  who recorded it
// @returns entryId
UNWIND $entries AS x
MATCH (s:Subject {sid: x.subjectSid})
MATCH (a:Authority {authorityId: x.authorityId})
CREATE (e:ListEntry {entryId: x.entryId, listType: x.listType, status: 'ACTIVE',
                     decisionNo: x.decisionNo, decisionDate: x.decisionDate, reason: x.reason,
                     legalBasis: x.legalBasis, validFrom: x.validFrom, validUntil: x.validUntil,
                     removalConditions: x.removalConditions, remedies: x.remedies,
                     recordedAt: $at, recordedBy: $actor})
CREATE (s)-[:LISTED_AS]->(e)
CREATE (e)-[:ISSUED_BY]->(a)
WITH x, e
CALL (x, e) {
  UNWIND x.responsibles AS pid
  MATCH (p:Subject {sid: pid})
  CREATE (p)-[:DEBT_RESPONSIBLE_FOR]->(e)
}
RETURN x.entryId AS entryId
