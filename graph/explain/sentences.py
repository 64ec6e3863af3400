"""The sentences that explain a sanction flag, a risk indicator, a grade and a credit check.

Written for the officer who signs them: Chinese by default (English on request), the seed
document named by title and article (graph/explain/citations.py), every path read in the
direction of the relation (person —role→ organisation) with its dates, and no internal ids
(rule ids, entry ids, graph ids stay in their own fields). A subject is named by its name, or by
its public key when it has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from graph.explain.citations import Lang, cite
from graph.model import MODEL
from graph.rules import RULES

Row = Mapping[str, Any]
DEBT_RESPONSIBLE = "DEBT_RESPONSIBLE_FOR"
ROLE_ZH_EXTRA = {DEBT_RESPONSIBLE: "影响债务履行的直接责任人"}
RISK_BASIS = "004 §4(3) item 5"
RISK_LIMITS = "001 item 8; 002 HLJ Art.30"
GRADE_BASIS = "002 HEB §4(1)"


def _words(code: str) -> str:
    """LEGAL_REPRESENTATIVE_OF → "legal representative" (the English label of an enum code)."""
    return code.removesuffix("_OF").replace("_", " ").lower()


def role_label(role: str, lang: Lang = Lang.ZH) -> str:
    if lang is Lang.EN:
        return "person responsible for the debt" if role == DEBT_RESPONSIBLE else _words(role)
    found = MODEL.roles.get(role)
    return found.zh if found is not None else ROLE_ZH_EXTRA.get(role, role)


def list_label(list_type: str | None, lang: Lang = Lang.ZH) -> str:
    found = MODEL.list_types.get(list_type or "")
    if found is None:
        return list_type or ("名单" if lang is Lang.ZH else "a list")
    return found.zh if lang is Lang.ZH else f"the {_words(list_type or '')} list"


def record_label(record_type: str | None, lang: Lang = Lang.ZH) -> str:
    found = MODEL.record_types.get(record_type or "")
    if found is None:
        return record_type or ("信用记录" if lang is Lang.ZH else "credit record")
    return f"{found.zh}记录" if lang is Lang.ZH else f"{_words(record_type or '')} record"


def flag_label(flag_type: str, lang: Lang = Lang.ZH) -> str:
    found = RULES.flag_types.get(flag_type)
    return found.zh if found is not None and lang is Lang.ZH else _words(flag_type)


def _day(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value or "")


def span(start: Any, end: Any, lang: Lang = Lang.ZH) -> str:
    """ "（2019-03-01至2024-12-31）", "（2019-03-01起）"; empty without a start."""
    if not start:
        return ""
    if lang is Lang.ZH:
        return f"（{_day(start)}至{_day(end)}）" if end else f"（{_day(start)}起）"
    return f" ({_day(start)} to {_day(end)})" if end else f" (since {_day(start)})"


def path_text(holder: str, role: str, start: Any, end: Any, org: str, lang: Lang = Lang.ZH) -> str:
    """`holder —role (dates)→ organisation`: the relation in its own direction."""
    return f"{holder} —{role_label(role, lang)}{span(start, end, lang)}→ {org}"


def _source_phrase(row: Row, source: str, lang: Lang) -> str:
    """What the flag derives from, in words: the listing or the record, with decision and day."""
    kind, stype = row.get("sourceKind"), row.get("sourceType")
    day, number = _day(row.get("sourceDecisionDate")), row.get("sourceDecisionNo")
    if lang is Lang.ZH:
        no = f"（决定文号：{number}）" if number else ""
        when = f"于{day}" if day else ""
        if kind == "RECORD":
            return f"{source}{when}被记入{record_label(stype, lang)}{no}"
        return f"{source}{when}被列入{list_label(stype, lang)}{no}"
    no = f" (decision {number})" if number else ""
    when = f" on {day}" if day else ""
    if kind == "RECORD":
        return f"{source} received a {record_label(stype, lang)}{when}{no}"
    return f"{source} was put on {list_label(stype, lang)}{when}{no}"


def flag_summary(row: Row, lang: Lang = Lang.ZH) -> str:
    """Why this flag exists, in one paragraph: basis, source, the person's role, the effect."""
    source = row.get("sourceName") or row.get("sourceSid") or ""
    target = row.get("targetName") or row.get("sid") or ""
    basis = cite(row.get("legalBasis"), lang)
    effect = flag_label(row["flagType"], lang)
    what = _source_phrase(row, source, lang)
    paths: Sequence[Row] = row.get("paths") or []
    if lang is Lang.ZH:
        if not paths:
            return f"依据{basis}，{what}，对其实施“{effect}”。"
        roles = "、".join(dict.fromkeys(role_label(p["role"]) for p in paths))
        via = "；".join(
            path_text(target, p["role"], p.get("from"), p.get("to"), source) for p in paths
        )
        return f"依据{basis}，{what}；{target}作为其{roles}，被实施“{effect}”。关系路径：{via}。"
    if not paths:
        return f"Under {basis}: {what}; it is subject to “{effect}”."
    roles = " and ".join(dict.fromkeys(role_label(p["role"], lang) for p in paths))
    via = "; ".join(
        path_text(target, p["role"], p.get("from"), p.get("to"), source, lang) for p in paths
    )
    return f"Under {basis}: {what}; {target}, its {roles}, is subject to “{effect}”. Path: {via}."


def notice_text(row: Row, lang: Lang = Lang.ZH) -> str:
    """A notification in words: who is told, about what, on what basis, what is due."""
    recipient = RULES.recipients.get(row["recipient"])
    subject = row.get("subjectName") or row.get("subjectSid") or ""
    basis = cite(row.get("legalBasis"), lang)
    number = row.get("decisionNo")
    if recipient is not None and recipient.subject:  # P16: a reminder to the subject itself
        what = record_label(row.get("sourceType"), lang)
        if lang is Lang.ZH:
            no = f"（决定文号：{number}）" if number else ""
            return (
                f"依据{basis}，{subject}的{what}{no}属轻微偶发失信行为，已及时改正且未造成社会危害"
                f"后果，免于失信约束和惩戒，予以提醒。"
            )
        no = f" (decision {number})" if number else ""
        return (
            f"Under {basis}: the {what}{no} of {subject} is a minor one-off act corrected in "
            "time without harm; it is exempt from constraint and punishment, and a reminder is "
            "given."
        )
    if row["recipient"] in _FILE_TEXTS:
        return _file_text(row, lang)
    if recipient is not None and recipient.reached:  # P17: a link into a practitioner's file
        what = record_label(row.get("sourceType"), lang)
        person = row.get("recipientName") or row.get("recipientSid") or ""
        if lang is Lang.ZH:
            no = f"（决定文号：{number}）" if number else ""
            return (
                f"依据{basis}，{subject}的{what}{no}已关联至其董事、监事或高级管理人员{person}的"
                "从业人员信用档案；这是记录关联，不是对个人的惩戒。"
            )
        no = f" (decision {number})" if number else ""
        return (
            f"Under {basis}: the {what}{no} of {subject} is linked to the practitioner credit "
            f"file of {person}, its director, supervisor or senior manager; a record link, not a "
            "punishment of the person."
        )
    who = row.get("recipientName") or (
        (recipient.zh if lang is Lang.ZH else recipient.en) if recipient else row["recipient"]
    )
    listed = list_label(row.get("sourceType"), lang)
    due = _day(row.get("dueOn"))
    if lang is Lang.ZH:
        no = f"（决定文号：{number}）" if number else ""
        return (
            f"依据{basis}，{subject}被列入{listed}{no}，通报{who}；接到通报的单位应依纪依法作出"
            f"处理，并于{due}前将处理结果告知认定单位。"
        )
    no = f" (decision {number})" if number else ""
    return (
        f"Under {basis}: {subject} was put on {listed}{no}; {who} is notified and is to handle "
        f"the case and report the result to the designating unit by {due}."
    )


def _member_file(row: Row, lang: Lang) -> str:
    """P18: the listed member in its association's credit file, the industry measures allowed."""
    subject = row.get("subjectName") or row.get("subjectSid") or ""
    association = row.get("recipientName") or row.get("recipientSid") or ""
    listed = list_label(row.get("sourceType"), lang)
    basis = cite(row.get("legalBasis"), lang)
    charter = cite("002 HLJ Art.34", lang)
    number = row.get("decisionNo")
    due = _day(row.get("dueOn"))
    if lang is Lang.ZH:
        no = f"（决定文号：{number}）" if number else ""
        return (
            f"依据{basis}，{association}的会员{subject}被列入{listed}{no}，记入该协会商会的会员"
            f"信用档案；协会商会可依照章程采取降低会员级别、取消会员资格等措施（{charter}），"
            f"并于{due}前告知处理结果。"
        )
    no = f" (decision {number})" if number else ""
    return (
        f"Under {basis}: {subject}, a member of {association}, was put on {listed}{no} and is "
        f"written into the association's member credit file; under its charter the association "
        f"may lower the membership level or cancel the membership ({charter}) and is to report "
        f"what it did by {due}."
    )


def _push(row: Row, lang: Lang) -> str:
    """P20: a new joint-punishment entry pushed to a participating department for feedback."""
    subject = row.get("subjectName") or row.get("subjectSid") or ""
    department = row.get("recipientName") or row.get("authorityId") or ""
    listed = list_label(row.get("sourceType"), lang)
    basis = cite(row.get("legalBasis"), lang)
    number = row.get("decisionNo")
    due = _day(row.get("dueOn"))
    if lang is Lang.ZH:
        no = f"（决定文号：{number}）" if number else ""
        return (
            f"依据{basis}，{subject}被列入{listed}{no}，推送至参与联合惩戒部门{department}；"
            f"该部门应依法实施惩戒措施，并于{due}前反馈落实情况。"
        )
    no = f" (decision {number})" if number else ""
    return (
        f"Under {basis}: {subject} was put on {listed}{no}; the entry is pushed to {department}, "
        f"a department taking part in joint punishment, which is to apply the measures and feed "
        f"back what it did by {due}."
    )


_FILE_TEXTS = {"MEMBER_FILE": _member_file, "PARTICIPANT": _push}


def _file_text(row: Row, lang: Lang) -> str:
    return _FILE_TEXTS[row["recipient"]](row, lang)


def grade_reason(grade: str, general: int, serious: int, limit: int, lang: Lang = Lang.ZH) -> str:
    """The Hebei class in words, with the counts that decided it and the scheme it comes from."""
    basis = cite(GRADE_BASIS, lang)
    if lang is Lang.ZH:
        why = {
            "D": "被吊销营业执照",
            "C": f"统计期内有{serious}项严重失信信息"
            if serious
            else f"统计期内有{general}条一般失信记录（超过{limit}条）",
            "B": f"统计期内有{general}条一般失信记录（不超过{limit}条）",
            "A": "统计期内无失信记录",
        }[grade]
        return f"依据{basis}，{why}，评为{grade}类。"
    why = {
        "D": "its business licence was revoked",
        "C": f"{serious} serious dishonesty item(s) in the period"
        if serious
        else f"{general} general dishonesty records in the period (more than {limit})",
        "B": f"{general} general dishonesty record(s) in the period (at most {limit})",
        "A": "no dishonesty record in the period",
    }[grade]
    return f"Class {grade} under {basis}: {why}."


def _name(subject: Row) -> str:
    return str(subject.get("name") or subject.get("sid") or "")


def _link_text(link: Row, names: Mapping[str, str], lang: Lang) -> str:
    ratio = link.get("ratio")
    share = ""
    if ratio is not None:
        share = f"，持股{ratio:.0%}" if lang is Lang.ZH else f", {ratio:.0%}"
    holder = names.get(link["holder"], link["holder"])
    org = names.get(link["organization"], link["organization"])
    since = span(link.get("since"), None, lang)
    if share:
        since = (since[:-1] + share + "）") if since and lang is Lang.ZH else since + share
    return f"{holder} —{role_label(link['role'], lang)}{since}→ {org}"


def indicator_rationale(
    evidence: Iterable[Row],
    source_name: str,
    source_grade: str | None,
    listed: bool,
    lang: Lang = Lang.ZH,
) -> str:
    """Why a subject is a linked risk: which source, through which relations (the strongest
    path first), the rule it applies and the limit that it is never a sanction."""
    paths = list(evidence)
    names = {s["sid"]: _name(s) for p in paths for s in p.get("subjects") or []}
    sep = "，" if lang is Lang.ZH else ", "
    routes = [sep.join(_link_text(x, names, lang) for x in p.get("links") or []) for p in paths]
    basis, limits = cite(RISK_BASIS, lang), cite(RISK_LIMITS, lang)
    if lang is Lang.ZH:
        why = []
        if listed:
            why.append("被列入严重失信类名单")
        if source_grade:
            why.append(f"信用等级为{source_grade}类")
        via = "；".join(routes)
        return (
            f"与{source_name}（{'，'.join(why)}）存在关联：{via}。依据{basis}（关联方风险预测），"
            f"本提示仅用于确定监管重点，不是惩戒措施，不得据此实施失信惩戒（{limits}）。"
        )
    why_en = []
    if listed:
        why_en.append("on a serious dishonesty list")
    if source_grade:
        why_en.append(f"graded {source_grade}")
    return (
        f"Linked to {source_name} ({', '.join(why_en)}): {'; '.join(routes)}. Related-party risk "
        f"prediction under {basis}: for prioritising supervision only, never a sanction "
        f"({limits})."
    )


def check_explanation(
    verdict: str,
    entries: Sequence[Row],
    flags: Sequence[Row],
    indicators: int,
    grade: str,
    lang: Lang = Lang.ZH,
) -> str:
    """A credit check's verdict in words: what was found and what it means for the handling."""
    lists = "、".join(sorted({list_label(e.get("listType"), lang) for e in entries}))
    effects = "、".join(sorted({flag_label(f["flagType"], lang) for f in flags}))
    if lang is Lang.ZH:
        found = [f"信用等级{grade}类"]
        if lists:
            found.append(f"在列名单：{lists}")
        if effects:
            found.append(f"惩戒标记：{effects}")
        if indicators:
            found.append(f"关联风险提示{indicators}项（仅供监管参考）")
        meaning = {
            "SERIOUS": "属严重失信情形，应依法实施相应约束和惩戒措施",
            "ATTENTION": "存在失信或风险信息，应加强审查",
            "CLEAR": "未发现失信信息，可按一般程序或信用承诺办理",
        }[verdict]
        return f"核查结果：{'；'.join(found)}。{meaning}。"
    found_en = [f"grade {grade}"]
    if lists:
        found_en.append(f"on {lists}")
    if effects:
        found_en.append(f"sanction flags: {effects}")
    if indicators:
        found_en.append(f"{indicators} linked-risk indicator(s) (for supervision only)")
    meaning_en = {
        "SERIOUS": "serious dishonesty: the applicable constraint and punishment measures apply",
        "ATTENTION": "dishonesty or risk information found: examine with care",
        "CLEAR": "no dishonesty information: ordinary procedure or credit commitment",
    }[verdict]
    return f"Check result: {'; '.join(found_en)}. {meaning_en}."
