// Raw floor of a dashboard's count: how many enterprises one region has.
// @param region STRING  region code
// @returns total
MATCH (s:Enterprise)
WHERE s.region = $region
RETURN count(s) AS total
