"""Introspection switch: `__schema` and `__type` are refused (FORBIDDEN) when GRAPHQL_INTROSPECTION
is off, which is the default in production.

The published `schema.graphql` is the contract for clients; a production server need not hand
its schema to whoever asks. `__typename` stays allowed (clients and caches rely on it). The
switch is read per operation from the request's settings (`Context.settings`, so an app built
with other settings obeys them), else from the process-wide settings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from graphql import FieldNode, GraphQLError, ValidationRule, get_named_type, is_introspection_type
from strawberry.extensions import SchemaExtension

from api.extensions.validation_cache import document_only
from api.settings import Settings, get_settings
from graph.errors import Forbidden

MESSAGE = "Introspection is disabled on this server; the schema is published as schema.graphql."


@document_only
class NoIntrospection(ValidationRule):
    """Report the first field that returns an introspection type (`__schema`, `__type`)."""

    reported = False

    def enter_field(self, node: FieldNode, *_: Any) -> None:
        named = get_named_type(self.context.get_type())
        if not self.reported and named is not None and is_introspection_type(named):
            self.reported = True
            self.report_error(GraphQLError(MESSAGE, node, extensions={"code": Forbidden.code}))


class IntrospectionSwitch(SchemaExtension):
    """Add `NoIntrospection` to the validation rules when the settings turn introspection off."""

    def __init__(self, settings: Callable[[], Settings] = get_settings) -> None:
        self._fallback = settings

    def _settings(self) -> Settings:
        found = getattr(self.execution_context.context, "settings", None)
        return found if isinstance(found, Settings) else self._fallback()

    def on_operation(self) -> Iterator[None]:
        if not self._settings().introspection:
            rules = self.execution_context.validation_rules
            self.execution_context.validation_rules = (*rules, NoIntrospection)
        yield
