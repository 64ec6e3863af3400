"""The command line for people: --version, help that explains every verb and lists choices
without internal jargon, and progress that writes plain lines into logs."""

from __future__ import annotations

import argparse
import io
import re
from collections.abc import Iterator
from importlib.metadata import version

import pytest

from api.cli import build_parser, main
from graph.progress import PlainProgress, progress_bar
from graph.risk.analytics import QUERIES


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from parsers(sub)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"creditgraph {version('creditgraph')}"


def test_every_help_text_is_free_of_rule_ids_and_internal_documents() -> None:
    found = list(parsers(build_parser()))
    assert len(found) > 10
    for parser in found:
        text = parser.format_help()
        assert not re.search(r"\bP\d{1,2}\b", text), (parser.prog, text)
        assert "DOMAIN.md" not in text, parser.prog


def test_analytics_query_help_lists_every_query() -> None:
    [query] = [p for p in parsers(build_parser()) if p.prog.endswith("analytics query")]
    text = " ".join(query.format_help().split())
    for name in QUERIES:
        assert name in text


def test_db_help_explains_its_actions() -> None:
    [db] = [p for p in parsers(build_parser()) if p.prog.endswith(" db")]
    text = db.format_help()
    for action in ("start", "stop", "status"):
        assert re.search(rf"^\s+{action}\s+\w", text, re.MULTILINE), text


def test_progress_into_a_log_is_plain_lines_with_units() -> None:
    log = io.StringIO()  # not a terminal
    bar = progress_bar(total=2000, desc="import", unit="rows", file=log)
    assert isinstance(bar, PlainProgress)
    with bar:
        for _ in range(4):
            bar.update(500)
    text = log.getvalue()
    assert "\r" not in text
    assert "\x1b" not in text
    assert text.splitlines()[-1] == "import: 2,000 of 2,000 rows (100%) — done"
