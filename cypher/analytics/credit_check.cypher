// What a credit check (逢办必查) shows about one organisation, read-only: list entries in force,
// sanction flags in force, risk indicators and the latest stored Hebei grade. The `creditCheck`
// mutation answers the same with the grade computed on the day, and records the check; this file
// records nothing.
// Neo4j Browser / cypher-shell:
//   :param uscc => '91110108MARK0K001J';
//   :param asOf => date('2026-06-30');
//   :param inForce => ['ACTIVE', 'OBJECTION_PENDING'];
// @param uscc STRING  the organisation
// @param asOf DATE  the day
// @param inForce LIST<STRING>  list-entry statuses in force (graph/rules/in_force.py)
// @returns sid, name, entries, flags, indicators, grade, gradePeriodEnd, checks
MATCH (s:Organization {uscc: $uscc})
OPTIONAL MATCH (s)<-[:RATED]-(ev:Evaluation {scheme: 'HEBEI_ABCD'})
WITH s, ev ORDER BY ev.periodEnd DESC
WITH s, head(collect(ev)) AS latest
RETURN s.sid AS sid, s.name AS name,
       [(s)-[:LISTED_AS]->(e:ListEntry) WHERE e.status IN $inForce
          AND (e.validFrom IS NULL OR e.validFrom <= $asOf)
          AND (e.validUntil IS NULL OR e.validUntil >= $asOf) | e.listType + ' ' + e.entryId]
         AS entries,
       [(s)<-[:FLAGGED]-(f:Flag) WHERE f.status = 'ACTIVE' | f.flagType + ' (' + f.ruleId + ')']
         AS flags,
       [(s)<-[:INDICATES]-(i:RiskIndicator) | i.indicatorType + ' ' + toString(i.score) + ' from '
          + i.sourceSid] AS indicators,
       latest.grade AS grade, latest.periodEnd AS gradePeriodEnd,
       size([(s)<-[:CHECKED]-(c:CreditCheck) | c]) AS checks
