// Ownership penetration (股权穿透) for analysts: for every upstream holder of a subject, the sum
// over the chains of current shareholdings (at most 10 hops) of the product of their ratios.
// Exact when the holdings have no cycle. With cross-holdings a chain cannot use an edge twice,
// so this under-counts the walks around the cycle; the service (`ownership(id, threshold)`,
// graph/risk/ownership.py) solves the linear system and is exact. Chains are enumerated here: on
// dense graphs prefer the service.
// Neo4j Browser / cypher-shell:
//   :param sid => '91110101MARK0W006X';
//   :param asOf => date('2026-06-30');
//   :param threshold => 0.25;
// @param sid STRING  the subject owned
// @param asOf DATE  the day every shareholding must cover
// @param threshold FLOAT  smallest total share reported
// @returns owner, ownerName, ownerKind, share, chains
MATCH p = (o:Subject)-[:SHAREHOLDER_OF*1..10]->(t:Organization {uscc: $sid})
WHERE o <> t
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf))
WITH o, reduce(x = 1.0, r IN relationships(p) | x * r.ratio) AS contribution
WITH o, sum(contribution) AS share, count(*) AS chains
WHERE share >= $threshold
RETURN o.sid AS owner, o.name AS ownerName, o.kind AS ownerKind, share, chains
ORDER BY share DESC, owner
