// Create or update a batch of role edges of one type, keyed by (holder, type, organisation, from).
// Both ends must exist: a row whose holder or organisation is unknown matches nothing and is left
// out of `done` (the importer retries it once the run has loaded every node, then rejects it).
// @template ROLE relationship  the role type (from the model)
// @param rows LIST<MAP>  {i: row number, h: holder's subject id, o: USCC, f: from, p: {to, ratio, position}}
// @returns done, created
UNWIND $rows AS r
MATCH (h:Subject {sid: r.h})
MATCH (o:Organization {uscc: r.o})
OPTIONAL MATCH (h)-[e:ROLE {from: r.f}]->(o)
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (h)-[x:ROLE {from: r.f}]->(o)
  SET x += r.p
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
