// Give a lease back (a worker stopping), so another process takes it at once.
// @param name STRING  the worker
// @param holder STRING  the process giving it back (only its own lease is released)
// @param now DATETIME  the release time: the lease lapses now
// @returns name
MATCH (l:Lease {name: $name})
WHERE l.holder = $holder
SET l.expiresAt = $now
RETURN l.name AS name
