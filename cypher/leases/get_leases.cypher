// Every worker's lease: who holds it, until when (metrics, the scale-out test).
// @returns name, holder, expiresAt
MATCH (l:Lease)
RETURN l.name AS name, l.holder AS holder, l.expiresAt AS expiresAt
ORDER BY name
