// List entries by id with their subject and authority, as the sanction services return them.
// @param ids LIST<STRING>  entry ids
// @returns entryId, listType, status, decisionNo, decisionDate, reason, legalBasis, validFrom, validUntil, removalConditions, remedies, removalReason, removedAt, derivedFrom, subjectSid, subjectName, authorityId, authorityName
UNWIND $ids AS id
MATCH (e:ListEntry {entryId: id})<-[:LISTED_AS]-(s:Subject)
OPTIONAL MATCH (e)-[:ISSUED_BY]->(a:Authority)
RETURN e.entryId AS entryId, e.listType AS listType, e.status AS status,
       e.decisionNo AS decisionNo, e.decisionDate AS decisionDate, e.reason AS reason,
       e.legalBasis AS legalBasis, e.validFrom AS validFrom, e.validUntil AS validUntil,
       e.removalConditions AS removalConditions, e.remedies AS remedies,
       e.removalReason AS removalReason, e.removedAt AS removedAt,
       e.derivedFrom AS derivedFrom, s.sid AS subjectSid, s.name AS subjectName,
       a.authorityId AS authorityId, a.name AS authorityName
