"""The audit trail: who read or changed what, in which role, for which purpose, and when."""
