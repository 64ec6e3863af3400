// Benchmark floor: insert the authorities not yet present. The fastest idempotent insert we
// found on ArcadeDB: look the key up, CREATE with every property inline (MERGE there does not
// use the unique index, and a SET after CREATE costs ~10x an inline property).
// @param rows LIST<MAP>  {authorityId, name, level, domain, region}
// @returns count
UNWIND $rows AS r
OPTIONAL MATCH (old:Authority {authorityId: r.authorityId})
WITH r, old
WHERE old IS NULL
CREATE (:Authority {authorityId: r.authorityId, name: r.name, level: r.level, domain: r.domain,
                    region: r.region, participatesIn: r.participatesIn})
RETURN count(*) AS count
