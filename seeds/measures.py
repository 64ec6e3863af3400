"""The measure catalogue (DOMAIN.md §5.2–§5.4) as data: incentives, constraints, punishments.

Every measure cites the policy text it comes from (`legal_basis`, in the import format's
`legalBasis`) and the seed reference (`source`, DOMAIN.md §0 format). Two measures the seeds do
not contain ([Not in seeds], DOMAIN.md §0.3 and §5.4) are in the catalogue with
`published=False`: they exist so that applying an unpublished measure can be refused
(002 HLJ Art.30, 51(3); rule P21), never so that they are applied.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.explain.citations import documents


def _title(key: str) -> str:
    """《title》（number）of a seed document, from the one table of titles (graph/explain)."""
    doc = documents()[key]
    return f"《{doc.zh}》" + (f"（{doc.number}）" if doc.number else "")


HLJ = _title("002 HLJ")
ANSHAN = _title("001")
YUNFU = _title("000")
LIZHOU = _title("003")
SIP = _title("004")
HEBEI = _title("002 HEB")
HUIZHOU = _title("002 HZ")
HENAN = _title("002 HN")
CHANGXING = _title("002 CX")

INCENTIVE_LIST = "守信激励措施清单"
CONSTRAINT_LIST = "失信约束措施清单"
NATIONAL_BASIC = "全国失信惩戒措施基础清单（2021年版）"
SUPPLEMENTARY = "失信惩戒措施补充清单"
NOT_PUBLISHED = "未公布（种子文件未规定）"
NOT_IN_SEEDS = "[Not in seeds]"


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    kind: str  # INCENTIVE, CONSTRAINT, PUNISHMENT
    category: str  # ADMIN, MARKET, INDUSTRY, SOCIAL, PERSONAL
    list_source: str
    legal_basis: str
    source: str
    published: bool = True
    default_duration_days: int | None = None  # [Not in seeds]: no period is given anywhere

    def row(self) -> dict[str, Any]:
        """The measure as an import-format row (docs/import-format.md, kind `measure`)."""
        return {
            "kind": "measure",
            "code": self.code,
            "name": self.name,
            "measureKind": self.kind,
            "category": self.category,
            "listSource": self.list_source,
            "legalBasis": self.legal_basis,
            "defaultDurationDays": self.default_duration_days,
            "published": self.published,
        }


def _inc(code: str, name: str, category: str, basis: str, source: str) -> Measure:
    return Measure(code, name, "INCENTIVE", category, INCENTIVE_LIST, basis, source)


def _con(code: str, name: str, basis: str, source: str) -> Measure:
    return Measure(code, name, "CONSTRAINT", "ADMIN", CONSTRAINT_LIST, basis, source)


def _pun(code: str, name: str, category: str, basis: str, source: str, lst: str) -> Measure:
    return Measure(code, name, "PUNISHMENT", category, lst, basis, source)


MEASURES: tuple[Measure, ...] = (
    # §5.2 incentive measures
    _inc(
        "INC-01",
        "在行政管理和公共服务中给予简化程序等便利化服务",
        "ADMIN",
        f"{HLJ}第二十六条第一款第（一）项",
        "002 HLJ Art.26(1)",
    ),
    _inc(
        "INC-02",
        "在政府采购、政府投资项目招标投标和公共资源交易中给予加分、提升等次",
        "ADMIN",
        f"{HLJ}第二十六条第一款第（二）项",
        "002 HLJ Art.26(2)",
    ),
    _inc(
        "INC-03",
        "在财政性资金分配和政府政策、项目支持中列为优先选择对象或予以重点支持",
        "ADMIN",
        f"{HLJ}第二十六条第一款第（三）项",
        "002 HLJ Art.26(3)",
    ),
    _inc(
        "INC-04",
        "在评先评优中同等条件下列为优先选择对象",
        "ADMIN",
        f"{HLJ}第二十六条第一款第（四）项",
        "002 HLJ Art.26(4)",
    ),
    _inc(
        "INC-05",
        "在政府门户网站、信用网站、政务服务网站和其他媒体宣传推介",
        "SOCIAL",
        f"{HLJ}第二十六条第一款第（五）项",
        "002 HLJ Art.26(5); 003 §5(1)",
    ),
    _inc(
        "INC-06",
        "开辟绿色通道，容缺受理、优先办理",
        "ADMIN",
        f"{ANSHAN}第九项；{SIP}第四部分（一）1",
        "001 item 9; 003 §5(1); 004 §4(1) item 1",
    ),
    _inc("INC-07", "减少日常监管频次", "ADMIN", f"{ANSHAN}第九项", "001 item 9"),
    _inc(
        "INC-08",
        "“信易批”：放宽准入门槛、简化审批流程",
        "ADMIN",
        f"{SIP}第四部分（一）1",
        "004 §4(1) item 1, §4(3) item 6; 002 HN §9",
    ),
    _inc(
        "INC-09",
        "“信易贷”：信用贷款及融资平台优先推荐",
        "MARKET",
        f"{YUNFU}第二部分第（六）项；{SIP}第四部分（一）2",
        "000 task (6); 004 §4(1) item 2",
    ),
    _inc(
        "INC-10",
        "“信用+”“信易+”应用场景优惠便利（信易行、信易办、信易游等）",
        "MARKET",
        f"{YUNFU}第二部分第（六）项；{HENAN}第九项",
        "000 task (6); 002 HN §9; 002 HZ §5",
    ),
    _inc(
        "INC-11",
        "给予资金、场地、补贴等资源支持和税务、培训、人才住房等服务",
        "ADMIN",
        f"{SIP}第四部分（一）2",
        "004 §4(1) item 2",
    ),
    _inc(
        "INC-12",
        "在公共交通、消费、旅游、文体、停车、租购房等方面给予优惠",
        "MARKET",
        f"{SIP}第四部分（三）6",
        "004 §4(3) item 6",
    ),
    _inc("INC-13", "园区租金优惠、租期延长", "MARKET", f"{HUIZHOU}第十四项", "002 HZ §14"),
    _inc(
        "INC-14", "对信用良好的企业和企业家创新担保方式", "MARKET", f"{HUIZHOU}第九项", "002 HZ §9"
    ),
    _inc(
        "INC-15",
        "行业协会商会对守信会员重点推荐、提升会员级别",
        "INDUSTRY",
        f"{HLJ}第三十四条第一款",
        "002 HLJ Art.34",
    ),
    _inc(
        "INC-16",
        "市场主体对守信主体给予优惠便利、增加交易机会、降低交易成本",
        "MARKET",
        f"{HLJ}第三十四条第二款",
        "002 HLJ Art.34",
    ),
    _inc(
        "INC-17",
        "以信用报告代替无违法违规证明",
        "ADMIN",
        f"{YUNFU}第二部分第（三）项",
        "000 task (3)1",
    ),
    _inc(
        "INC-18",
        "信用等级优秀的会计人员优先参加培训、研修和课题研究",
        "PERSONAL",
        f"{CHANGXING}第四条",
        "002 CX §4",
    ),
    # §5.3 constraint measures (HLJ Art.31, three kinds only)
    _con(
        "CON-01",
        "在行政管理和公共服务中不得适用便利化服务",
        f"{HLJ}第三十一条第一款第（一）项",
        "002 HLJ Art.31",
    ),
    _con(
        "CON-02",
        "取消在行政管理和公共服务中已经适用的便利化服务",
        f"{HLJ}第三十一条第一款第（二）项",
        "002 HLJ Art.31",
    ),
    _con(
        "CON-03",
        "不得适用信用承诺（告知承诺）制",
        f"{HLJ}第四十五条；{SIP}第四部分（二）2",
        "002 HLJ Art.45; 004 item 2",
    ),
    _con(
        "CON-04",
        "法律、行政法规、省级地方性法规和国家规定的其他约束措施",
        f"{HLJ}第三十一条第一款第（三）项",
        "002 HLJ Art.31",
    ),
    # §5.4 punishment measures
    _pun(
        "PUN-01",
        "约谈",
        "ADMIN",
        f"{HLJ}第三十一条第二款第（一）项；{ANSHAN}第十项",
        "002 HLJ Art.31; 001 item 10",
        SUPPLEMENTARY,
    ),
    _pun(
        "PUN-02",
        "限制参加政府采购、政府投资项目招标投标和公共资源交易，或者给予减分、降低等次",
        "ADMIN",
        f"{HLJ}第三十一条第二款第（二）项",
        "002 HLJ Art.31; 001 item 9; 004 item 9",
        SUPPLEMENTARY,
    ),
    _pun(
        "PUN-03",
        "限制获得财政性资金和政府政策、项目支持",
        "ADMIN",
        f"{HLJ}第三十一条第二款第（三）项",
        "002 HLJ Art.31; 004 item 9",
        SUPPLEMENTARY,
    ),
    _pun(
        "PUN-04",
        "不得评优评先，取消荣誉称号及评先评优资格",
        "ADMIN",
        f"{HLJ}第三十一条第二款第（四）项；{ANSHAN}第九项",
        "002 HLJ Art.31; 001 item 9",
        SUPPLEMENTARY,
    ),
    _pun(
        "PUN-05",
        "在市场准入、资质认定、行政审批、政策扶持等方面依法予以限制",
        "ADMIN",
        f"{LIZHOU}第五部分（二）",
        "003 §5(2)",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-06",
        "特定行业严重失信主体依法实施市场和行业禁入",
        "ADMIN",
        f"{SIP}第四部分（二）10；{LIZHOU}第五部分（二）",
        "004 item 10; 003 §5(2)",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-07",
        "对列入经营异常名录、严重违法企业名单的企业依法予以限制或者禁入",
        "ADMIN",
        f"{LIZHOU}第六部分（一）",
        "003 §6(1)",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-08",
        "对D类企业依法严格落实各项限制性措施",
        "ADMIN",
        f"{HEBEI}第六部分（二）",
        "002 HEB §6(2)",
        SUPPLEMENTARY,
    ),
    _pun("PUN-09", "限制获得授信", "MARKET", f"{SIP}第四部分（二）9", "004 item 9", NATIONAL_BASIC),
    _pun(
        "PUN-10",
        "限制乘坐飞机、高等级列车和席次",
        "MARKET",
        f"{SIP}第四部分（二）9",
        "004 item 9",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-11",
        "市场交易中取消优惠便利、减少交易机会、增加交易成本",
        "MARKET",
        f"{HLJ}第三十四条第二款；{LIZHOU}第五部分（二）",
        "002 HLJ Art.34; 003 §5(2)",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-12",
        "行业内警告、通报批评、公开谴责",
        "INDUSTRY",
        f"{LIZHOU}第五部分（二）；{SIP}第四部分（二）9",
        "003 §5(2); 004 item 9",
        NATIONAL_BASIC,
    ),
    _pun(
        "PUN-13",
        "降低会员级别、取消会员资格",
        "INDUSTRY",
        f"{HLJ}第三十四条第一款",
        "002 HLJ Art.34",
        NATIONAL_BASIC,
    ),
    _pun("PUN-14", "披露曝光", "SOCIAL", f"{LIZHOU}第五部分（二）", "003 §5(2)", NATIONAL_BASIC),
    _pun(
        "PUN-15",
        "约谈主要负责人、责令限期纠正并在新闻媒体公开承诺，通报上一级政府和审计机关",
        "ADMIN",
        f"{HLJ}第三十二条",
        "002 HLJ Art.32",
        SUPPLEMENTARY,
    ),
    _pun(
        "PUN-16",
        "对法定代表人或者主要负责人、实际控制人、影响债务履行的直接责任人实施惩戒并记入其公共信用信息",
        "PERSONAL",
        f"{HLJ}第三十三条",
        "002 HLJ Art.33",
        SUPPLEMENTARY,
    ),
    # [Not in seeds] (DOMAIN.md §0.3, §5.4): catalogued but deliberately unpublished.
    Measure(
        "PUN-90",
        "限制高消费",
        "PUNISHMENT",
        "PERSONAL",
        NOT_PUBLISHED,
        "种子文件未规定，未向社会公布，不得实施",
        NOT_IN_SEEDS,
        published=False,
    ),
    Measure(
        "PUN-91",
        "禁止担任法定代表人、董事",
        "PUNISHMENT",
        "PERSONAL",
        NOT_PUBLISHED,
        "种子文件未规定，未向社会公布，不得实施",
        NOT_IN_SEEDS,
        published=False,
    ),
)


def measure_rows() -> list[dict[str, Any]]:
    return [m.row() for m in MEASURES]
