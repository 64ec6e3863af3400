"""docs/domain.md: the domain summary the README, the code and the GraphQL descriptions cite.

The repository must be readable on its own: nothing sends a reader to a file outside it, every
`docs/domain.md §N` citation names a section the page has, and its rules table marks as
implemented every rule graph/rules/propagation.yaml declares.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_DOC = ROOT / "docs" / "domain.md"
CITATION = re.compile(r"docs/domain\.md §(\d+(?:\.\d+|\([a-z]\))?)")
HEADING = re.compile(r"^#{2,3} §(\S+)", re.MULTILINE)
# Every place that may cite the page.
CITING = ["README.md", "schema.graphql", "docs/**/*.md", "api/**/*.py", "graph/**/*.py",
          "graph/**/*.yaml", "resolvers/**/*.py", "seeds/**/*.py"]  # fmt: skip
# What a reader of the service follows: the docs, the schema and what it is built from.
# [Left] graph/ and seeds/ comments still cite the original specification's DOMAIN.md.
FOR_READERS = ["README.md", "schema.graphql", "docs/**/*.md", "api/**/*.py",
               "resolvers/**/*.py", "graph/model/domain.yaml"]  # fmt: skip


def citing_files(patterns: list[str] = CITING) -> list[Path]:
    return sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()})


def sections() -> set[str]:
    return set(HEADING.findall(DOMAIN_DOC.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["README.md", "schema.graphql"])
def test_nothing_points_outside_the_repository(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert "../shared" not in text, name
    assert not re.search(r"(?<!docs/domain\.md)(?<![\w/])DOMAIN\.md", text), (
        f"{name} cites DOMAIN.md, which is not in the repository; cite docs/domain.md"
    )


def test_docs_schema_and_descriptions_cite_domain_md_only_through_docs() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in citing_files(FOR_READERS)
        if re.search(r"(?<![\w/])DOMAIN\.md §", p.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"cite docs/domain.md §…, not DOMAIN.md: {offenders}"


def test_every_citation_names_a_section_of_the_page() -> None:
    have = sections()
    missing = {
        f"{p.relative_to(ROOT)}: §{ref}"
        for p in citing_files()
        for ref in CITATION.findall(p.read_text(encoding="utf-8"))
        if ref not in have
    }
    assert not missing, f"docs/domain.md has no such section: {sorted(missing)}"


def test_the_rules_table_covers_p1_to_p21_and_the_declared_rules_are_implemented() -> None:
    rows = dict(
        re.findall(r"^\| (P\d+) \|.*\| ([^|]+) \|$", DOMAIN_DOC.read_text(encoding="utf-8"), re.M)
    )
    assert sorted(rows, key=lambda r: int(r[1:])) == [f"P{n}" for n in range(1, 22)]
    for rule_id in RULES.rules:
        assert rows[rule_id].strip().startswith("implemented"), (rule_id, rows[rule_id])
