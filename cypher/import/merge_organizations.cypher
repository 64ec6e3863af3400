// Create or update a batch of organisations of one kind, keyed by USCC (= their subject id).
// A lookup on the unique Subject.sid index decides per row: new nodes are created with their full
// label set (ArcadeDB cannot relabel a node created in the same transaction, and a MERGE on several
// labels does not use the index there), existing ones get the row's non-null properties. A row
// whose USCC is stored under another organisation kind is left out of `done` (kinds never change).
// @template ORG_LABEL orgLabel  the label of the organisation kind (from the model)
// @param rows LIST<MAP>  {i: row number in the batch, k: USCC, p: properties to set, no nulls}
// @returns done, created
UNWIND $rows AS r
OPTIONAL MATCH (e:Subject {sid: r.k})
WITH r, e
WHERE e IS NULL OR e:ORG_LABEL
FOREACH (_ IN CASE WHEN e IS NULL THEN [1] ELSE [] END |
  CREATE (o:Subject:Organization:ORG_LABEL {sid: r.k, status: 'ACTIVE', isSOE: false})
  SET o += r.p
)
SET e += r.p
RETURN collect(r.i) AS done, sum(CASE WHEN e IS NULL THEN 1 ELSE 0 END) AS created
