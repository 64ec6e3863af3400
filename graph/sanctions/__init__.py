"""Sanctions: designation, the life of a list entry (objection, repair, revocation, expiry),
full re-derivation and reading flags with their explanation."""
