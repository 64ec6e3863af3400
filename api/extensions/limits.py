"""The limits every operation passes before it runs, built from the settings.

Order matters little: the token limit acts while parsing, the others are validation rules that
run together. The depth and alias walks are skipped for documents above the cost limit (see
`api.extensions.rules.limited`), which the cost limit then rejects.
"""

from __future__ import annotations

from collections.abc import Callable

from strawberry.extensions import SchemaExtension

from api.extensions.aliases import AliasLimit
from api.extensions.cost import CostLimit
from api.extensions.depth import DepthLimit
from api.extensions.tokens import TokenLimit
from api.settings import Settings, get_settings

ExtensionFactory = Callable[[], SchemaExtension]


def limit_extensions(settings: Callable[[], Settings] = get_settings) -> list[ExtensionFactory]:
    """Factories for `Schema(extensions=…)`: each operation reads the settings when it starts.

    The schema is built at import time and the settings later; pass a different `settings`
    (e.g. `lambda: test_settings`) to build a schema with other limits.
    """

    def tokens() -> SchemaExtension:
        return TokenLimit(max_token_count=settings().max_tokens)

    def depth() -> SchemaExtension:
        s = settings()
        return DepthLimit(s.max_query_depth, max_selections=s.max_query_cost)

    def aliases() -> SchemaExtension:
        s = settings()
        return AliasLimit(s.max_aliases, max_selections=s.max_query_cost)

    def cost() -> SchemaExtension:
        s = settings()
        return CostLimit(s.max_query_cost, default_list_size=s.max_page_size)

    return [tokens, depth, aliases, cost]
