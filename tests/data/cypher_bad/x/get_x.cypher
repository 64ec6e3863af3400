// Does things.
// @param a STRING  a
RETURN $b AS b
