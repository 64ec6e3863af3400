"""Sanctions: designation and propagation, flags with their explanation, objection, repair,
expiry, and the measures applied because of list entries."""
