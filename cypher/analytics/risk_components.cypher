// Story A-1 in plain Cypher, for analysts: organisations joined to a listed organisation through
// shared legal representatives or actual controllers (current roles), within `hops` shared holders
// (1 or 2), grouped by the listed organisation they reach. Government organs and public
// institutions are not followed (a state-asset administration controlling every SOE is a hub).
// A bounded approximation of the stored risk clusters, which `creditgraph analytics clusters`
// computes exactly (breadth-first, over every cluster role and shareholdings too).
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param seriousLists => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER'];
//   :param hops => 2;
//   :param limit => 20;
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
// @param asOf DATE  the day roles and entries must cover
// @param seriousLists LIST<STRING>  serious list types
// @param hops INTEGER  most shared holders on a chain (1 or 2)
// @param limit INTEGER  groups to return
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @returns listed, listedName, reached, size
MATCH (e:ListEntry)
WHERE e.listType IN $seriousLists AND e.status IN $inForce
  AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
MATCH (l:Organization)-[:LISTED_AS]->(e)
WITH DISTINCT l
MATCH p = (l)-[:LEGAL_REPRESENTATIVE_OF|ACTUAL_CONTROLLER_OF*2..4]-(m:Organization)
WHERE length(p) <= 2 * $hops AND m <> l
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf))
  AND none(n IN nodes(p) WHERE n.kind IN ['GOV_ORGAN', 'PUBLIC_INSTITUTION'])
WITH l, collect(DISTINCT m.name) AS reached
RETURN l.sid AS listed, l.name AS listedName, reached, size(reached) AS size
ORDER BY size DESC, listed
LIMIT $limit
