"""Seed citations read as documents and articles: every citation the rules, flag types and
measures carry renders with a document title, in Chinese and in English."""

from __future__ import annotations

import pytest

from graph.explain.citations import Lang, cite, is_seed_citation, zh_number
from graph.rules import RULES
from seeds.measures import MEASURES


@pytest.mark.parametrize(
    ("n", "zh"),
    [(1, "一"), (10, "十"), (15, "十五"), (21, "二十一"), (33, "三十三"), (105, "一百零五")],
)
def test_chinese_numbers(n: int, zh: str) -> None:
    assert zh_number(n) == zh


@pytest.mark.parametrize(
    ("short", "zh", "en"),
    [
        (
            "002 HLJ Art.33, 35",
            "《黑龙江省社会信用条例》第三十三条、第三十五条",
            "Heilongjiang Social Credit Regulations, Art. 33, Art. 35",
        ),
        (
            "002 HLJ Art.21(4)",
            "《黑龙江省社会信用条例》第二十一条第（四）项",
            "Heilongjiang Social Credit Regulations, Art. 21(4)",
        ),
        (
            "001 item 10",
            "《鞍山市加快推进社会信用体系建设构建以信用为基础的新型监管机制的实施方案》第二部分第10项",
            "Anshan plan for a credit-based regulatory mechanism, part II, item 10",
        ),
        (
            "002 HZ §15",
            "《惠州市开展广东省信用建设服务实体经济发展试点2022年工作要点》第（十五）项",
            "Huizhou 2022 work points for the credit pilot, item (15)",
        ),
        (
            "000 Annex 2 part II #18",
            "《云浮市加快推进重点领域信用建设构建以信用为基础的新型监管机制分工方案》附件2第二部分第18项",
            "Yunfu plan for credit building in key fields and credit-based regulation, "
            "Annex 2 part II #18",
        ),
    ],
)
def test_a_short_citation_reads_as_title_and_article(short: str, zh: str, en: str) -> None:
    assert cite(short) == zh
    assert cite(short, Lang.EN) == en


def test_several_citations_keep_their_order() -> None:
    assert cite("004 item 2; 002 HLJ Art.45") == (
        "《苏州工业园区构建以信用为基础的新型政务服务与监管工作机制实施方案》第四部分（二）第2项；"
        "《黑龙江省社会信用条例》第四十五条"
    )


def test_every_rule_flag_type_and_measure_cites_a_known_document() -> None:
    cited = [r.legal_basis for r in RULES.rules.values()]
    cited += [c for r in RULES.rules.values() for c in r.cites]
    cited += [f.source for f in RULES.flag_types.values()]
    # Measures the seeds lack are catalogued unpublished, so applying them is refused (P21).
    cited += [m.source for m in MEASURES if m.published or m.source != "[Not in seeds]"]
    unknown = sorted({c for c in cited if not is_seed_citation(c)})
    assert unknown == []
    for text in cited:
        rendered = cite(text)
        assert rendered.startswith("《"), text
        assert not any(ch.isascii() and ch.isalpha() for ch in rendered.replace("#", "")), (
            text,
            rendered,
        )
