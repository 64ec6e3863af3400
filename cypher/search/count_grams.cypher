// Recount some grams' `df` (how many subjects hold each), exactly; a gram no subject holds any
// more (after renames) is deleted. One step of `creditgraph search rebuild`.
// @param grams LIST<STRING>  the grams to recount
// @returns counted
UNWIND $grams AS g
MATCH (n:NameGram {g: g})
WITH n, COUNT { (n)<-[:HAS_GRAM]-(:Subject) } AS holders
SET n.df = holders
WITH n, holders
FOREACH (_ IN CASE WHEN holders = 0 THEN [1] ELSE [] END | DELETE n)
RETURN count(*) AS counted
