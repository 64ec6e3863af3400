// The organisations the yearly Hebei batch grades: every organisation of a graded kind.
// @param kinds LIST<STRING>  organisation kinds the scheme grades (schemes.yaml hebei.graded_kinds)
// @returns sid
MATCH (o:Organization)
WHERE o.kind IN $kinds
RETURN o.sid AS sid
