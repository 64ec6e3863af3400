// Raw floor of a dashboard's count: how many enterprises one region has.
// @param region STRING  region code
// @returns total
MATCH (s:Organization)
WHERE s.region = $region AND s:Enterprise
RETURN count(s) AS total
