// Missing closing parenthesis.
// @param uscc STRING  the enterprise's USCC
// @returns e
MATCH (e:Enterprise {uscc: $uscc}
RETURN e
