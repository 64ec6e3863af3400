// Linked risk (P19), ownership and control chains seen from the target: for each target
// organisation, every chain of current holdings (each at least `minShare`) or declared control of
// at most `maxHops` (≤ 4) edges that leads up to one of the given sources. The same paths as
// get_linked_chain_links restricted to these targets, anchored on each target's unique index; the
// lists run from the target up to the source (graph/risk/linked.py turns them round).
// @param targets LIST<STRING>  target organisations whose indicators are recomputed
// @param sources LIST<STRING>  source subjects (on a serious list, or graded C/D)
// @param minShare FLOAT  smallest shareholding ratio a chain may use
// @param maxHops INTEGER  longest chain (1..4)
// @param asOf DATE  the day every edge must cover
// @returns source, target, sids, names, kinds, roles, ratios, froms
UNWIND $targets AS key
MATCH (t:Organization {uscc: key})
MATCH p = (t)<-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..4]-(s:Subject)
WHERE length(p) <= $maxHops AND s <> t AND s.sid IN $sources
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf)
          AND (type(r) = 'ACTUAL_CONTROLLER_OF' OR r.ratio >= $minShare))
RETURN s.sid AS source, key AS target, [n IN nodes(p) | n.sid] AS sids,
       [n IN nodes(p) | n.name] AS names, [n IN nodes(p) | n.kind] AS kinds,
       [r IN relationships(p) | type(r)] AS roles, [r IN relationships(p) | r.ratio] AS ratios,
       [r IN relationships(p) | r.from] AS froms
