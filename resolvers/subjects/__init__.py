"""Subjects: enterprises and other organisations, persons, and the roles that connect them."""
