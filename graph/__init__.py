"""Everything that talks to the graph: the Cypher registry, the executor, the embedded server."""
