// Raw floor of `upsertEnterprise` creating an enterprise: the node alone, in one statement.
// @param uscc STRING  the new enterprise's USCC
// @param name STRING  its name
// @param region STRING  region code
// @param industry STRING  industry code
// @returns uscc
CREATE (o:Subject:Organization:Enterprise {sid: $uscc, uscc: $uscc, name: $name,
        kind: 'ENTERPRISE', status: 'ACTIVE', isSOE: false, region: $region,
        industry: $industry})
RETURN o.uscc AS uscc
