// End a role: set the last day of the role edge identified by (holder, type, organisation, from).
// No row comes back when there is no such role.
// @template ROLE relationship  the role type (from the model)
// @param holder STRING  the holder's public id (person id or USCC)
// @param uscc STRING  the organisation
// @param from DATE  first day of the role (part of its identity)
// @param to DATE  last day of the role
// @returns from, to, ratio, position
MATCH (h:Subject {sid: $holder})-[x:ROLE {from: $from}]->(o:Organization {uscc: $uscc})
SET x.to = $to
RETURN x.from AS from, x.to AS to, x.ratio AS ratio, x.position AS position
