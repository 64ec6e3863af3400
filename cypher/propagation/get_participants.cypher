// The authorities taking part in the joint punishment of some list (P20: the entry is pushed to
// each of them for feedback), with the lists they take part in. Which authorities take part is
// authority data (`participatesIn`, docs/import-format.md).
// @returns authorityId, listTypes
MATCH (a:Authority)
WHERE size(coalesce(a.participatesIn, [])) > 0
RETURN a.authorityId AS authorityId, a.participatesIn AS listTypes
ORDER BY authorityId
