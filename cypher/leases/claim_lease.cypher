// Take or renew a worker's lease: granted when it is free, expired, or already this holder's.
// One statement in one transaction: two processes claiming at once conflict, and the one that
// reruns finds the lease taken (no row).
// @param name STRING  the worker (e.g. linked-risk-refresh)
// @param holder STRING  the claiming process
// @param now DATETIME  the claim's time
// @param until DATETIME  when the lease lapses unless renewed
// @returns holder, expiresAt
MERGE (l:Lease {name: $name})
ON CREATE SET l.holder = $holder, l.expiresAt = $until
WITH l
WHERE l.holder = $holder OR l.expiresAt < $now
SET l.holder = $holder, l.expiresAt = $until
RETURN l.holder AS holder, l.expiresAt AS expiresAt
