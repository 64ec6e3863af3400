"""Seed citations for people: "002 HLJ Art.33" → 《黑龙江省社会信用条例》第三十三条.

The rule files cite the seeds in a short form (`graph/rules/__init__.py` checks it); officers
read documents by title and article. `cite` renders one or several citations in Chinese or
English from the table in sources.yaml. A locator it cannot parse is kept as it is after the
title, so nothing is ever lost, only left less polished.
"""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict


class Lang(Enum):
    ZH = "ZH"
    EN = "EN"


class Items(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str
    en: str


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str
    en: str
    number: str | None = None
    items: Items | None = None
    sections: Items | None = None  # what a bare "§n" means when it is not a part number


@cache
def documents() -> dict[str, Document]:
    text = resources.files("graph.explain").joinpath("sources.yaml").read_text("utf-8")
    data = yaml.safe_load(text)["documents"]
    return {key: Document.model_validate(body) for key, body in data.items()}


DIGITS = "零一二三四五六七八九"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
# "002 HLJ Art.33" / "001 item 10": the seed file, its sub-document tag (002 only), the rest.
HEAD = re.compile(r"^(00[0-4])(?: ([A-Z]{2,})(?=\s|$))?\s*(.*)$")


def zh_number(n: int) -> str:
    """33 → 三十三, 10 → 十, 105 → 一百零五 (article numbers of the seeds stay below 1000)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if rest == 0 else ("零" + DIGITS[rest] if rest < 10 else zh_number(rest))
    if 10 <= rest < 20:
        tail = "一" + tail
    return DIGITS[n // 100] + "百" + tail


def _locator_zh(loc: str, doc: Document) -> str:
    """One locator in Chinese numbering; the raw text when it has an unknown shape."""
    if m := re.fullmatch(r"Art\.\s*(\d+)(?:\((\d+)\))?", loc):
        art = f"第{zh_number(int(m[1]))}条"
        return art + (f"第（{zh_number(int(m[2]))}）项" if m[2] else "")
    if m := re.fullmatch(r"items? (\d+)", loc):
        n = m[1]
        return doc.items.zh.format(n=n) if doc.items else f"第{n}项"
    if (m := re.fullmatch(r"§(\d+)", loc)) and doc.sections:
        return doc.sections.zh.format(n=m[1], zh=zh_number(int(m[1])))
    if m := re.fullmatch(r"§(\d+)(?:\((\d+)\))?(?: ?item )?(\d+)?", loc):
        out = f"第{zh_number(int(m[1]))}部分"
        if m[2]:
            out += f"（{zh_number(int(m[2]))}）"
        return out + (f"第{m[3]}项" if m[3] else "")
    if m := re.fullmatch(r"task \((\d+)\)(\d+)?", loc):
        return f"第二部分第（{zh_number(int(m[1]))}）项" + (f"第{m[2]}点" if m[2] else "")
    if m := re.fullmatch(r"Annex (\d+)(?: part ([IVX]+))?(?: #(\d+)| row (\d+))?", loc):
        out = f"附件{m[1]}"
        if m[2]:
            out += f"第{zh_number(ROMAN.get(m[2], 0))}部分"
        n = m[3] or m[4]
        return out + (f"第{n}项" if n else "")
    if m := re.fullmatch(r"\((\d+)\)", loc):
        return f"第（{zh_number(int(m[1]))}）项"
    return loc


def _locator_en(loc: str, doc: Document) -> str:
    if m := re.fullmatch(r"Art\.\s*(\d+)(\(\d+\))?", loc):
        return f"Art. {m[1]}{m[2] or ''}"
    if (m := re.fullmatch(r"items? (\d+)", loc)) and doc.items:
        return doc.items.en.format(n=m[1])
    if (m := re.fullmatch(r"§(\d+)", loc)) and doc.sections:
        return doc.sections.en.format(n=m[1], zh=m[1])
    return loc


def _split_locators(rest: str) -> list[str]:
    """ "Art.33, 35" → ["Art.33", "Art.35"]; "items 2, 10" → ["item 2", "item 10"]."""
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    if not parts:
        return []
    head = parts[0]
    prefix = ""
    if re.match(r"^(Art\.\s*|items? )", head):
        prefix = "Art." if head.startswith("Art") else "item "
    return [head, *[(prefix + p) if p[:1].isdigit() and prefix else p for p in parts[1:]]]


def cite_one(text: str, lang: Lang = Lang.ZH) -> str:
    """One short citation ("002 HLJ Art.33, 35") in words; unknown documents stay as given."""
    m = HEAD.match(text.strip())
    if m is None:
        return text.strip()
    key = f"{m[1]} {m[2]}" if m[2] else m[1]
    doc = documents().get(key)
    if doc is None:
        return text.strip()
    locators = _split_locators(m[3])
    if lang is Lang.ZH:
        return f"《{doc.zh}》" + "、".join(_locator_zh(loc, doc) for loc in locators)
    where = ", ".join(_locator_en(loc, doc) for loc in locators)
    return f"{doc.en}, {where}" if where else doc.en


def cite(text: str | None, lang: Lang = Lang.ZH) -> str:
    """Several citations separated by ";" ("004 item 2; 002 HLJ Art.45") in words."""
    if not text:
        return ""
    parts = [cite_one(p, lang) for p in text.split(";") if p.strip()]
    return ("；" if lang is Lang.ZH else "; ").join(parts)


def is_seed_citation(text: str) -> bool:
    """True when every part of `text` names a document of sources.yaml."""
    for part in text.split(";"):
        m = HEAD.match(part.strip())
        if m is None or (f"{m[1]} {m[2]}" if m[2] else m[1]) not in documents():
            return False
    return True
