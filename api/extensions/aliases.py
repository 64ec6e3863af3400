"""Alias limit: strawberry's `MaxAliasesLimiter`, reporting LIMIT_EXCEEDED.

Aliases let one request ask for the same expensive field many times under different names.
"""

from __future__ import annotations

from functools import lru_cache

from graphql import ASTValidationRule
from strawberry.extensions import AddValidationRules, MaxAliasesLimiter

from api.extensions.rules import limited
from api.extensions.validation_cache import document_only


class AliasLimit(AddValidationRules):
    """Reject documents with more than `max_aliases` aliases (`limitName` aliases).

    `max_selections`: see `api.extensions.rules.limited` (pass the cost limit).
    """

    def __init__(self, max_aliases: int, *, max_selections: int | None = None) -> None:
        self.max_aliases = max_aliases
        super().__init__(list(_rules(max_aliases, max_selections)))


@lru_cache(maxsize=8)
def _rules(max_aliases: int, max_selections: int | None) -> tuple[type[ASTValidationRule], ...]:
    (alias_rule,) = MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules
    rule = limited(alias_rule, "aliases", max_aliases, max_selections=max_selections)
    return (document_only(rule),)
