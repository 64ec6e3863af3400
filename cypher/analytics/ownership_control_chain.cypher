// Control chains for analysts: upward from a subject, the chains in which every step is either a
// declared actual controller (ACTUAL_CONTROLLER_OF) or a holder of more than `controlRatio`
// (at most 10 steps, every edge current), ending at a subject nobody controls that way. Where a
// company has both a declared controller and a majority holder, both chains appear; the service
// (`control(id)`, graph/risk/ownership.py) follows the declared one. Control is not the largest
// economic share (see ownership_beneficial_owners.cypher).
// Neo4j Browser / cypher-shell:
//   :param sid => '91110101MARK0W006X';
//   :param asOf => date('2026-06-30');
//   :param controlRatio => 0.5;
// @param sid STRING  the subject controlled
// @param asOf DATE  the day every edge must cover
// @param controlRatio FLOAT  a holder above this ratio controls
// @returns controller, controllerName, steps, chain, bases
MATCH p = (c:Subject)-[:SHAREHOLDER_OF|ACTUAL_CONTROLLER_OF*1..10]->(t:Organization {uscc: $sid})
WHERE all(r IN relationships(p) WHERE (r.from IS NULL OR r.from <= $asOf)
          AND (r.to IS NULL OR r.to >= $asOf)
          AND (type(r) = 'ACTUAL_CONTROLLER_OF' OR r.ratio > $controlRatio))
  AND NOT (c)<-[:ACTUAL_CONTROLLER_OF]-(:Subject)
  AND NOT any(x IN [(c)<-[h:SHAREHOLDER_OF]-(:Subject) WHERE (h.to IS NULL OR h.to >= $asOf)
                      AND (h.from IS NULL OR h.from <= $asOf) | h.ratio]
              WHERE x > $controlRatio)
RETURN c.sid AS controller, c.name AS controllerName, length(p) AS steps,
       [n IN nodes(p) | n.name] AS chain,
       [r IN relationships(p) | CASE type(r) WHEN 'ACTUAL_CONTROLLER_OF' THEN 'DECLARED'
                                ELSE 'MAJORITY' END] AS bases
ORDER BY steps, controller
