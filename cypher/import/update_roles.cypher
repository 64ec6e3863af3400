// Set the non-null properties (to, ratio, position) of existing role edges of one type.
// @template ROLE relationship  the role type (from the model)
// @param rows LIST<MAP>  {i: row number, h: holder's subject id, o: USCC, f: from, p: {to, ratio, position}}
// @returns updated
UNWIND $rows AS r
MATCH (h:Subject {sid: r.h})-[x:ROLE {from: r.f}]->(o:Organization {uscc: r.o})
SET x += r.p
RETURN collect(r.i) AS updated
