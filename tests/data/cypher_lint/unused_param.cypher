// Declares a parameter it never uses.
// @param uscc STRING  the enterprise's USCC
// @param asOf DATE  never used
// @returns e
MATCH (e:Enterprise {uscc: $uscc})
RETURN e
