// Set the non-null properties of existing credit records of one type. A record's subject and
// issuer are fixed when it is created; a recordId stored under another type matches nothing.
// @template RECORD_LABEL recordLabel  the label of the record type (from the model)
// @param rows LIST<MAP>  {i: row number, k: recordId, s: subject id, a: authorityId or null, p: properties}
// @returns updated
UNWIND $rows AS r
MATCH (c:CreditRecord {recordId: r.k})
WHERE c:RECORD_LABEL
SET c += r.p
RETURN collect(r.i) AS updated
