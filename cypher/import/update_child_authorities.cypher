// Set the properties of existing authorities and link them to their parent, which must exist. An
// authority has one parent: a link to a former parent is removed.
// @param rows LIST<MAP>  {i: row number, k: authorityId, parent: parent's authorityId, p: properties}
// @returns updated
UNWIND $rows AS r
MATCH (a:Authority {authorityId: r.k})
MATCH (parent:Authority {authorityId: r.parent})
SET a += r.p
WITH r, a, parent
CALL (a, parent) {
  MATCH (a)-[old:PARENT_AUTHORITY]->(other:Authority)
  WHERE other <> parent
  DELETE old
}
MERGE (a)-[:PARENT_AUTHORITY]->(parent)
RETURN collect(r.i) AS updated
