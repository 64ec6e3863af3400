// Set the non-null properties of existing organisations of one kind. A row whose USCC is stored
// under another organisation kind matches nothing (a kind never changes).
// @template ORG_LABEL orgLabel  the label of the organisation kind (from the model)
// @param rows LIST<MAP>  {i: row number in the batch, k: USCC, p: properties to set, no nulls}
// @returns updated
UNWIND $rows AS r
MATCH (o:Subject {sid: r.k})
WHERE o:ORG_LABEL
SET o += r.p
RETURN collect(r.i) AS updated
