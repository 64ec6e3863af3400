// Old-style subquery importing a variable with WITH.
// @returns y
MATCH (n:Enterprise)
CALL {
  WITH n
  RETURN n.name AS y
}
RETURN y
