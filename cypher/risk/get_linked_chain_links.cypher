// Linked risk (P19), ownership and control chains down from source subjects: organisations the
// source holds (every shareholding at least `minShare`) or controls (declared actual controller)
// directly or through at most `maxHops` (≤ 4) current edges. graph/risk/linked.py drops paths that
// repeat a subject and paths whose product of ratios falls below `minShare`.
// @param sources LIST<STRING>  source subjects (on a serious list, or graded C/D)
// @param minShare FLOAT  smallest shareholding ratio a chain may use
// @param maxHops INTEGER  longest chain (1..4)
// @param asOf DATE  the day every edge must cover
// @returns source, target, sids, names, kinds, roles, ratios, froms
UNWIND $sources AS key
MATCH (s:Subject {sid: key})
MATCH p = (s)-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..4]->(t:Organization)
WHERE length(p) <= $maxHops AND t <> s
  AND all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf)
          AND (type(r) = 'ACTUAL_CONTROLLER_OF' OR r.ratio >= $minShare))
RETURN key AS source, t.sid AS target, [n IN nodes(p) | n.sid] AS sids,
       [n IN nodes(p) | n.name] AS names, [n IN nodes(p) | n.kind] AS kinds,
       [r IN relationships(p) | type(r)] AS roles, [r IN relationships(p) | r.ratio] AS ratios,
       [r IN relationships(p) | r.from] AS froms
