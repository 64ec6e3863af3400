// Number of list entries among the given ids: the demo loader's "already loaded" check.
// @param entryIds LIST<STRING>  entry ids to look for
// @returns count
UNWIND $entryIds AS id
MATCH (e:ListEntry {entryId: id})
RETURN count(e) AS count
