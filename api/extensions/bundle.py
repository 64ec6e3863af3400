"""Several schema extensions run as one: Strawberry wraps every hook of every extension in a
context manager for every request, which costs more than a `{ __typename }` itself.

A bundle takes extensions whose only hooks are plain generators on `on_operation` and
`on_parse` (setting parse options and validation rules, marking errors afterwards) and runs
their hooks in the order given, entering them in that order and leaving them in reverse, as
Strawberry would have.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from inspect import isgeneratorfunction

from strawberry.extensions import SchemaExtension

HOOKS = ("on_operation", "on_parse")
OTHER_HOOKS = ("on_validate", "on_execute", "on_stream_result", "resolve", "get_results")


class Bundle(SchemaExtension):
    """The hooks of `parts`, run as this one extension's."""

    def __init__(self, parts: list[SchemaExtension]) -> None:
        self.parts = parts
        self._hooks = {h: [p for p in parts if h in _hooks_of(type(p))] for h in HOOKS}

    def _run(self, hook: str) -> Iterator[None]:
        running = []
        for part in self._hooks[hook]:
            part.execution_context = self.execution_context
            steps = getattr(part, hook)()
            next(steps)
            running.append(steps)
        yield
        for steps in reversed(running):
            next(steps, None)

    def on_operation(self) -> Iterator[None]:
        yield from self._run("on_operation")

    def on_parse(self) -> Iterator[None]:
        yield from self._run("on_parse")


def _hooks_of(kind: type[SchemaExtension]) -> frozenset[str]:
    """The hooks an extension class defines; TypeError when it cannot be bundled."""
    known = _HOOKS_OF.get(kind)
    if known is None:
        defined = {h for h in (*HOOKS, *OTHER_HOOKS) if _defines(kind, h)}
        if defined - set(HOOKS) or not all(isgeneratorfunction(getattr(kind, h)) for h in defined):
            raise TypeError(f"{kind.__name__} cannot be bundled: see api/extensions/bundle.py")
        known = _HOOKS_OF[kind] = frozenset(defined)
    return known


_HOOKS_OF: dict[type[SchemaExtension], frozenset[str]] = {}


def _defines(kind: type[SchemaExtension], hook: str) -> bool:
    return getattr(kind, hook, None) is not getattr(SchemaExtension, hook, None)


def bundle(*factories: Callable[[], SchemaExtension]) -> Callable[[], Bundle]:
    """A factory for `Schema(extensions=…)`: one `Bundle` of fresh parts per operation."""

    def make() -> Bundle:
        return Bundle([factory() for factory in factories])

    return make
