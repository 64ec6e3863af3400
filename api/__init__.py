"""CreditGraph's HTTP surface: settings, the Starlette app, the GraphQL schema and the CLI."""
