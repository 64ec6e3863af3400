// Organisations by USCC, one row each for those that exist (the batch behind the loaders).
// @param usccs LIST<STRING>  the USCCs to fetch
// @returns uscc, name, kind, region, industry, isSOE, status, registeredAt
UNWIND $usccs AS key
MATCH (o:Organization {uscc: key})
RETURN o.uscc AS uscc, o.name AS name, o.kind AS kind, o.region AS region,
       o.industry AS industry, o.isSOE AS isSOE, o.status AS status,
       o.registeredAt AS registeredAt
