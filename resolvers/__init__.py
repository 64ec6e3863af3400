"""GraphQL resolvers, one package per domain: `types`, `queries` and `mutations` modules.

Resolvers are thin: they convert between GraphQL types and `graph/` services, nothing more.
"""
