// How many watches the caller has (`owner` null: all).
// @param owner STRING  the caller, or null for all
// @returns total
MATCH (w:Watch)
WHERE $owner IS NULL OR w.owner = $owner
RETURN count(w) AS total
