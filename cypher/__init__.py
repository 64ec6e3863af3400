"""The Cypher statements as package data: `*.cypher` files read by name through graph/cypher.py
(importlib.resources), so an installed wheel finds them as the source tree does."""
