// Create the role edges of one type in a batch that do not exist yet, keyed by (holder, type,
// organisation, from). Both ends must exist: a row whose holder or organisation is unknown matches
// nothing (the importer retries it once the run has loaded every node, then rejects it).
// Properties go inline in the CREATE (a missing one is null, so not stored): ArcadeDB pays far
// more for a SET after a CREATE (bench/floor.py).
// @template ROLE relationship  the role type (from the model)
// @param rows LIST<MAP>  {i: row number, h: holder's subject id, o: USCC, f: from, p: {to, ratio, position}}
// @returns created
UNWIND $rows AS r
MATCH (h:Subject {sid: r.h})
MATCH (o:Organization {uscc: r.o})
OPTIONAL MATCH (h)-[e:ROLE {from: r.f}]->(o)
WITH r, h, o, e
WHERE e IS NULL
CREATE (h)-[:ROLE {from: r.f, to: r.p.to, ratio: r.p.ratio, position: r.p.position}]->(o)
RETURN collect(r.i) AS created
