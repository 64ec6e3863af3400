"""The lexical guard of runCypher (layer 1), without a database.

The analysts' texts live in tests/data/analyst_queries.yaml: they are user input, not project
statements. tests/test_run_cypher.py runs the same texts on the real database.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.analyst import guard
from graph.analyst.lexer import MAX_QUERY_LENGTH, Kind, normalised, tokenize
from graph.analyst.structure import Structure
from graph.cypher import REGISTRY
from graph.errors import BadUserInput, CreditGraphError, Forbidden

QUERIES: dict[str, Any] = yaml.safe_load(
    (Path(__file__).parent / "data" / "analyst_queries.yaml").read_text(encoding="utf-8")
)


def refusal(text: str, *, personal_data: bool = False) -> CreditGraphError:
    with pytest.raises(CreditGraphError) as caught:
        guard.check(text, personal_data=personal_data)
    return caught.value


def write_words(text: str) -> list[str]:
    """Write keywords in keyword position, read back from a text the database would run."""
    s = Structure(tokenize(text))
    return [t.upper for i, t in enumerate(s.tokens) if s.is_keyword(i) and t.upper in guard.WRITES]


# -- the lexer ---------------------------------------------------------------------------------
def test_strings_escapes_and_backticks_are_read_as_one_token() -> None:
    tokens = tokenize(r"""'it\'s' + "a\"b\\" + `odd``name` + '\u4e2d\t'""")
    assert [(t.kind, t.value) for t in tokens if t.kind is not Kind.SYMBOL] == [
        (Kind.STRING, "it's"),
        (Kind.STRING, 'a"b\\'),
        (Kind.NAME, "odd`name"),
        (Kind.STRING, "中\t"),
    ]


def test_the_normalised_text_drops_comments_and_re_encodes_strings() -> None:
    text = 'x /* c */ + "q\'" // tail\n+ `n m` + $`p q`'
    assert normalised(tokenize(text)) == "x + 'q\\'' + `n m` + $`p q`"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("'open", "unterminated string"),
        ("x /* open", "unterminated /* comment"),
        ("`open", "unterminated `name`"),
        ("'\\q'", "unknown escape"),
        ("'\\u12'", "hex digits"),
        ("x @ y", "unexpected character"),
        ("$ x", "needs a name"),
    ],
)
def test_unreadable_text_is_bad_user_input_with_its_position(text: str, message: str) -> None:
    with pytest.raises(BadUserInput, match=re.escape(message)) as caught:
        tokenize(text)
    assert caught.value.details["line"] == 1


def test_positions_count_lines_and_columns() -> None:
    tokens = tokenize("a\n  bb\n\n   c")
    assert [(t.value, t.line, t.column) for t in tokens] == [("a", 1, 1), ("bb", 2, 3), ("c", 4, 4)]


def test_overlong_text_is_refused() -> None:
    with pytest.raises(BadUserInput, match="longer than"):
        tokenize("x" * (MAX_QUERY_LENGTH + 1))


# -- writes, procedures, admin, several statements ---------------------------------------------
@pytest.mark.parametrize("name", sorted(QUERIES["writes"]))
def test_writes_are_refused(name: str) -> None:
    error = refusal(QUERIES["writes"][name])
    assert isinstance(error, Forbidden | BadUserInput), error
    # Refused even for a role with personal-data rights: reading is all anyone may do here.
    assert isinstance(refusal(QUERIES["writes"][name], personal_data=True), type(error))


def test_refusals_name_the_keyword_and_where_it_stands() -> None:
    error = refusal(QUERIES["writes"]["after_line_comment"])
    assert isinstance(error, Forbidden)
    assert error.details["keyword"] == "CREATE"
    assert "line 2, column 1" in error.message
    assert "variable-scope" in refusal(QUERIES["writes"]["subquery_old_form"]).message
    assert "procedure" in refusal(QUERIES["writes"]["procedure_backticked"]).message
    assert "';'" in refusal(QUERIES["writes"]["two_statements"]).message


@pytest.mark.parametrize("name", sorted(QUERIES["data_only"]))
def test_write_words_inside_strings_and_comments_are_data(name: str) -> None:
    checked = guard.check(QUERIES["data_only"][name], personal_data=False)
    assert write_words(checked.text) == []


def test_what_runs_is_what_the_guard_read() -> None:
    text = QUERIES["data_only"]["line_separator_in_comment"]
    hidden = guard.check(text, personal_data=False)
    assert hidden.text == text.split(" //")[0]  # the comment runs to the line end, not to U+2028
    escaped = guard.check(QUERIES["data_only"]["escaped_quote"], personal_data=False)
    (string,) = [t for t in tokenize(escaped.text) if t.kind is Kind.STRING]
    assert string.value == "a' CREATE (:Probe {x: 1}) //"
    assert (
        guard.check(QUERIES["allowed"]["trailing_semicolon"], personal_data=False).text[-1] != ";"
    )


@pytest.mark.parametrize("name", sorted(QUERIES["refused_functions"]))
def test_functions_off_the_list_are_refused(name: str) -> None:
    error = refusal(QUERIES["refused_functions"][name], personal_data=True)
    assert isinstance(error, Forbidden | BadUserInput)
    assert "()" in error.message


# -- personal data -----------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(QUERIES["personal"]))
def test_routes_to_personal_data_are_forbidden_without_the_right(name: str) -> None:
    error = refusal(QUERIES["personal"][name])
    assert isinstance(error, Forbidden), error
    assert error.code == "FORBIDDEN"


def test_refusals_name_the_property_or_the_variable() -> None:
    assert refusal(QUERIES["personal"]["backticked"]).details["property"] == "address"
    assert refusal(QUERIES["personal"]["property_case"]).details["property"] == "phone"
    assert refusal(QUERIES["personal"]["string_literal"]).details["property"] == "idHash"
    assert refusal(QUERIES["personal"]["alias"]).details["variable"] == "q"
    assert refusal(QUERIES["personal"]["head_of_collect"]).details["variable"] == "ps"
    assert refusal(QUERIES["personal"]["min"]).details["variable"] == "p"


@pytest.mark.parametrize("name", sorted(QUERIES["personal_only"]))
def test_personal_data_rights_lift_the_personal_data_checks(name: str) -> None:
    text = QUERIES["personal_only"][name]
    assert isinstance(refusal(text), Forbidden)
    assert guard.check(text, personal_data=True).text


@pytest.mark.parametrize("name", sorted(QUERIES["allowed"]))
def test_ordinary_analyst_queries_pass(name: str) -> None:
    checked = guard.check(QUERIES["allowed"][name], personal_data=False)
    assert write_words(checked.text) == []


@pytest.mark.parametrize("stmt", REGISTRY.area("analytics"), ids=lambda s: s.name)
def test_every_analytics_file_would_pass_as_analyst_text(stmt: Any) -> None:
    """The documented queries are what analysts write: the guard must not stand in their way."""
    checked = guard.check(stmt.body, personal_data=False)
    assert checked.params == stmt.param_names


def test_parameters_naming_protected_properties_are_refused() -> None:
    for params in ({"k": "idHash"}, {"k": ["name", "PHONE"]}, {"m": {"address": 1}}, {"phone": 1}):
        with pytest.raises(Forbidden):
            guard.check_params(params, personal_data=False)
        guard.check_params(params, personal_data=True)
    guard.check_params({"k": "name", "n": 3, "d": None, "l": ["sid"]}, personal_data=False)


def test_protected_mentions_are_whole_words() -> None:
    assert guard.protected_mention("the birthDate field") == "birthDate"
    assert guard.protected_mention("p.ADDRESS") == "address"
    assert guard.protected_mention("telephones") is None
    assert guard.protected_mention("idHashes") is None
