// Raw floor of the entity card: one hand-written statement fetching what the GraphQL card asks
// for (name; up to 20 role holders; for each person up to 20 other roles; for each of those
// organisations up to 10 list-entry types).
// @param uscc STRING  the enterprise
// @returns name, roles
MATCH (o:Subject {sid: $uscc})
CALL (o) {
  MATCH (o)<-[r]-(h:Subject)
  WITH r, h ORDER BY type(r), r.from, h.sid LIMIT 20
  CALL (h) {
    MATCH (h)-[r2]->(o2:Organization)
    WHERE o2.sid <> $uscc
    WITH r2, o2 ORDER BY type(r2), r2.from, o2.sid LIMIT 20
    CALL (o2) {
      MATCH (o2)-[:LISTED_AS]->(e:ListEntry)
      WITH e ORDER BY e.decisionDate DESC LIMIT 10
      RETURN collect(e.listType) AS lists
    }
    RETURN collect({role: type(r2), name: o2.name, lists: lists}) AS others
  }
  RETURN collect({role: type(r), from: r.from, to: r.to, name: h.name, others: others}) AS roles
}
RETURN o.name AS name, roles
