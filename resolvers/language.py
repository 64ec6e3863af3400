"""The `lang` argument of every explanation: Chinese by default, English on request."""

from __future__ import annotations

import strawberry

from graph.explain.citations import Lang

# Registers graph's plain enum as the GraphQL enum `Lang` (strawberry marks the class itself).
strawberry.enum(Lang, name="Lang", description="Language of an explanation: ZH (default) or EN.")
LANG_ARG = strawberry.argument(description="Language of the text: ZH (default) or EN.")

__all__ = ["LANG_ARG", "Lang"]
