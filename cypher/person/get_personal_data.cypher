// The protected personal data of each person (personal_data.protected in domain.yaml, except the
// ID hash, which no reader returns). Only for personal-data roles stating a purpose; every read is
// audited by the caller (api/extensions/auth.py).
// @param sids LIST<STRING>  person ids
// @returns sid, idType, birthDate, gender, address, phone
UNWIND $sids AS key
MATCH (p:Subject {sid: key})
WHERE p:Person
RETURN p.sid AS sid, p.idType AS idType, p.birthDate AS birthDate, p.gender AS gender,
       p.address AS address, p.phone AS phone
