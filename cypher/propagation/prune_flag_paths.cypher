// Drop VIA edges a flag no longer has (e.g. a role's dates were corrected), so the evidence
// always equals the current derivation.
// @param flags LIST<MAP>  {flagId, keys}: each flag with the path keys it keeps
// @returns pruned
UNWIND $flags AS f
MATCH (flag:Flag {flagId: f.flagId})-[v:VIA]->()
WHERE NOT v.key IN f.keys
DELETE v
RETURN count(*) AS pruned
