// Linked risk (P19), ownership and control chains, for analysts: organisations that a subject on a
// serious list (entry in force on `asOf`) holds or controls, directly or through at most 4 current
// edges: shareholdings of at least `minShare` each (and a product of at least `minShare`), or
// declared actual control. `share` is null on a chain of declared control only. The service
// (graph/risk/linked.py) also takes C/D-graded organisations as sources.
// Neo4j Browser / cypher-shell:
//   :param asOf => date('2026-06-30');
//   :param seriousLists => ['SERIOUS_DISHONESTY', 'JUDGMENT_DEFAULTER'];
//   :param minShare => 0.25;
//   :param limit => 100;
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
// @param asOf DATE  the day edges and entries must cover
// @param seriousLists LIST<STRING>  serious list types
// @param minShare FLOAT  smallest shareholding (and chain product) that counts
// @param limit INTEGER  rows to return
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @returns target, targetName, source, sourceName, hops, share, chain, roles
MATCH (e:ListEntry)
WHERE e.listType IN $seriousLists AND e.status IN $inForce
  AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
  AND (e.validUntil IS NULL OR e.validUntil >= $asOf)
MATCH (s:Subject)-[:LISTED_AS]->(e)
WITH DISTINCT s
MATCH p = (s)-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..4]->(t:Organization)
WHERE t <> s
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf)
          AND (type(r) = 'ACTUAL_CONTROLLER_OF' OR r.ratio >= $minShare))
WITH s, t, p, [r IN relationships(p) WHERE type(r) = 'SHAREHOLDER_OF' | r.ratio] AS ratios
WITH s, t, p, CASE WHEN size(ratios) = 0 THEN null
                   ELSE reduce(x = 1.0, v IN ratios | x * v) END AS share
WHERE share IS NULL OR share >= $minShare
RETURN t.sid AS target, t.name AS targetName, s.sid AS source, s.name AS sourceName,
       length(p) AS hops, share, [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | type(r)] AS roles
ORDER BY target, hops, source
LIMIT $limit
