// Create or update a batch of authorities under a parent authority, which must already exist (a
// row whose parent is unknown is left out of `done` and retried later in the run). The authority
// has one parent: a link to a former parent is replaced.
// @param rows LIST<MAP>  {i: row number, k: authorityId, parent: parent's authorityId, p: properties}
// @returns done, created
UNWIND $rows AS r
MATCH (parent:Authority {authorityId: r.parent})
OPTIONAL MATCH (e:Authority {authorityId: r.k})
WITH r, parent, e IS NULL AS created
MERGE (a:Authority {authorityId: r.k})
SET a += r.p
WITH r, parent, a, created
CALL (a, parent) {
  MATCH (a)-[old:PARENT_AUTHORITY]->(other:Authority)
  WHERE other <> parent
  DELETE old
}
MERGE (a)-[:PARENT_AUTHORITY]->(parent)
RETURN collect(r.i) AS done, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created
