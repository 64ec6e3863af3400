"""Parse with the GraphQL spec's grammar: a selection set holds at least one selection.

graphql-core 3.3 accepts empty selection sets (`{ enterprise(uscc: "…") { } }`) by default, ahead
of the spec (October 2021: `SelectionSet : { Selection+ }`) and of graphql-js 16. Strawberry's
depth and alias limiters crash on them (`max()` of nothing), so such a document would have ended
in an internal error; it is a syntax error (GRAPHQL_PARSE_FAILED) instead.
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import SchemaExtension


class SpecGrammar(SchemaExtension):
    """Turn off graphql-core's empty selection sets for every operation."""

    def on_operation(self) -> Iterator[None]:
        options = self.execution_context.parse_options
        options["allow_empty_selection_sets"] = False  # type: ignore[typeddict-unknown-key]
        yield
