"""The dashboard entry point."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from graph.errors import BadUserInput
from resolvers.stats.types import Stats, period


@strawberry.type
class StatsQueries:
    @strawberry.field(description="Dashboard aggregates over a period (default: the last year).")
    def stats(
        self,
        from_: Annotated[date | None, strawberry.argument(name="from")] = None,
        to: date | None = None,
    ) -> Stats:
        result = period(from_, to)
        if result.start > result.end:
            raise BadUserInput("`from` is after `to`", field="from")
        return result
