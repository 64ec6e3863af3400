"""What authorities decide about subjects, as data: licences, penalties, judgments, arrears, lists.

Each entry gives the deciding authority's domain (see `seeds.city.AUTHORITY_DOMAINS`), a title
and the legal basis the synthetic decision cites. Legal bases name national laws and the policy
texts the product implements; they are plausible citations for synthetic data, not legal advice.
"""

from __future__ import annotations

from dataclasses import dataclass

from seeds.measures import ANSHAN, HLJ


@dataclass(frozen=True)
class Act:
    domain: str
    title: str
    legal_basis: str


# Licences by industry section (first letter of the GB/T 4754 code); "*" applies to any.
LICENCES: dict[str, tuple[Act, ...]] = {
    "*": (
        Act("MARKET", "市场主体变更登记", "《中华人民共和国市场主体登记管理条例》第二十四条"),
        Act("MARKET", "市场主体登记（设立）", "《中华人民共和国市场主体登记管理条例》第三条"),
    ),
    "C": (
        Act(
            "MARKET", "工业产品生产许可证核发", "《中华人民共和国工业产品生产许可证管理条例》第二条"
        ),
        Act("ECOLOGY", "排污许可证核发", "《排污许可管理条例》第二条"),
        Act("EMERGENCY", "安全生产许可证核发", "《安全生产许可证条例》第二条"),
    ),
    "E": (
        Act("HOUSING", "建筑业企业资质许可", "《中华人民共和国建筑法》第十三条"),
        Act("HOUSING", "建筑工程施工许可", "《中华人民共和国建筑法》第七条"),
    ),
    "F": (
        Act("MARKET", "食品经营许可", "《中华人民共和国食品安全法》第三十五条"),
        Act("EMERGENCY", "危险化学品经营许可", "《危险化学品安全管理条例》第三十三条"),
    ),
    "G": (Act("TRANSPORT", "道路运输经营许可", "《中华人民共和国道路运输条例》第二十四条"),),
    "H": (
        Act("MARKET", "食品经营许可", "《中华人民共和国食品安全法》第三十五条"),
        Act("HEALTH", "公共场所卫生许可", "《公共场所卫生管理条例》第八条"),
    ),
    "K": (Act("HOUSING", "商品房预售许可", "《城市房地产开发经营管理条例》第二十三条"),),
    "Q": (Act("HEALTH", "医疗机构执业许可", "《医疗机构管理条例》第十四条"),),
}

# Administrative penalties: what was done wrong and the provision it breaks.
PENALTY_ACTS: tuple[Act, ...] = (
    Act("MARKET", "销售不符合食品安全标准的食品", "《中华人民共和国食品安全法》第一百二十四条"),
    Act("MARKET", "发布虚假广告", "《中华人民共和国广告法》第五十五条"),
    Act("MARKET", "销售伪造产地的产品", "《中华人民共和国产品质量法》第五十三条"),
    Act("MARKET", "未按规定标明价格", "《中华人民共和国价格法》第四十二条"),
    Act("ECOLOGY", "超标排放大气污染物", "《中华人民共和国大气污染防治法》第九十九条"),
    Act("ECOLOGY", "未依法取得排污许可证排放污染物", "《排污许可管理条例》第三十三条"),
    Act(
        "EMERGENCY",
        "未按规定对从业人员进行安全生产教育和培训",
        "《中华人民共和国安全生产法》第九十七条",
    ),
    Act(
        "EMERGENCY",
        "未按规定进行安全风险辨识和隐患排查",
        "《中华人民共和国安全生产法》第一百零一条",
    ),
    Act("TAX", "未按照规定期限办理纳税申报", "《中华人民共和国税收征收管理法》第六十二条"),
    Act("TAX", "未按规定开具发票", "《中华人民共和国发票管理办法》第三十五条"),
    Act("URBAN", "擅自设置大型户外广告", "《城市市容和环境卫生管理条例》第三十六条"),
    Act("TRANSPORT", "道路运输车辆违法超限运输", "《公路安全保护条例》第六十四条"),
    Act("LABOUR", "未按规定订立书面劳动合同", "《中华人民共和国劳动合同法》第八十二条"),
    Act("HOUSING", "未取得施工许可证擅自施工", "《建设工程质量管理条例》第五十七条"),
    Act("HEALTH", "使用非卫生技术人员从事医疗卫生技术工作", "《医疗机构管理条例》第四十七条"),
)
# Penalties on natural persons (subjectIdNumber).
PERSON_PENALTY_ACTS: tuple[Act, ...] = (
    Act("MARKET", "无照经营", "《无证无照经营查处办法》第十三条"),
    Act("URBAN", "占道经营", "《城市市容和环境卫生管理条例》第三十六条"),
    Act("TAX", "虚开发票", "《中华人民共和国发票管理办法》第三十七条"),
)
REVOCATION = Act(
    "MARKET",
    "提交虚假材料取得登记，情节严重，吊销营业执照",
    "《中华人民共和国市场主体登记管理条例》第四十四条",
)
SIMPLE_PROCEDURE_BASIS = "《中华人民共和国行政处罚法》第五十一条"
PENALTY_KIND_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("WARNING", 30),
    ("FINE", 55),
    ("CONFISCATION", 5),
    ("LICENCE_SUSPENSION", 2),
    ("QUALIFICATION_DOWNGRADE", 1),
    ("LICENCE_REVOCATION", 2),
    ("BUSINESS_RESTRICTION", 1),
    ("PRODUCTION_SUSPENSION", 2),
    ("ORDER_TO_CLOSE", 1),
    ("PRACTICE_BAN", 1),
)
# The seven kinds that make a penalty "serious" under Hebei's scheme (002 HEB §4(3)).
HEBEI_SERIOUS_KINDS: tuple[str, ...] = (
    "LICENCE_SUSPENSION",
    "QUALIFICATION_DOWNGRADE",
    "LICENCE_REVOCATION",
    "BUSINESS_RESTRICTION",
    "PRODUCTION_SUSPENSION",
    "ORDER_TO_CLOSE",
    "PRACTICE_BAN",
)

JUDICIAL_TITLES: tuple[tuple[str, str], ...] = (
    ("民初", "买卖合同纠纷民事判决书"),
    ("民初", "借款合同纠纷民事判决书"),
    ("民初", "劳动争议民事判决书"),
    ("执", "执行裁定书"),
)
JUDICIAL_BASIS = "《中华人民共和国民事诉讼法》第一百五十五条"

# (arrears kind, authority domain, title)
ARREARS: tuple[tuple[str, str, str], ...] = (
    ("TAX", "TAX", "欠缴税款"),
    ("SOCIAL_INSURANCE", "LABOUR", "欠缴社会保险费"),
    ("HOUSING_FUND", "HOUSING_FUND", "欠缴住房公积金"),
    ("UTILITIES", "CREDIT", "欠缴水电气费"),
    ("MIGRANT_WAGES", "LABOUR", "拖欠农民工工资"),
    ("SME_PAYMENT", "INDUSTRY", "拖欠中小企业款项"),
)
ARREARS_BASIS = {
    "TAX": "《中华人民共和国税收征收管理法》第三十二条",
    "SOCIAL_INSURANCE": "《中华人民共和国社会保险法》第八十六条",
    "HOUSING_FUND": "《住房公积金管理条例》第三十八条",
    "UTILITIES": f"{HLJ}第十八条第（七）项",
    "MIGRANT_WAGES": "《保障农民工工资支付条例》第五十四条",
    "SME_PAYMENT": "《保障中小企业款项支付条例》第二十一条",
}

OTHER_RECORDS: dict[str, Act] = {
    "ADMIN_ACTION": Act("MARKET", "查封、扣押涉案物品", "《中华人民共和国行政强制法》第九条"),
    "CONTRACT_BREACH": Act("CREDIT", "政府采购合同违约", f"{HLJ}第十八条"),
    "COMMITMENT": Act("MARKET", "告知承诺制审批信用承诺", f"{HLJ}第四十五条"),
    "HONOR": Act("MARKET", "“守合同重信用”企业公示", f"{HLJ}第十八条第（二）项、第三十七条"),
    "INTERVIEW": Act("CREDIT", "信用提示约谈", f"{ANSHAN}第十项"),
}

# Serious-dishonesty designations: (domain, HLJ Art.29 item, reason).
SERIOUS_REASONS: tuple[tuple[str, str, str], ...] = (
    ("MARKET", "四", "制售假冒伪劣产品，情节严重"),
    ("MARKET", "四", "发布虚假广告，严重侵害消费者合法权益"),
    ("MARKET", "四", "无证照经营，拒不改正"),
    ("TAX", "四", "逃税骗税，情节严重"),
    ("LABOUR", "四", "恶意欠薪，情节严重"),
    ("EMERGENCY", "三", "安全生产领域严重危害人民群众生命安全"),
    ("ECOLOGY", "三", "生态环境领域严重违法，危害人民群众身体健康"),
    ("HOUSING", "三", "工程质量严重违法，危害人民群众生命安全"),
)
SOE_SERIOUS_REASON = ("INDUSTRY", "二", "国有企业不履行及时支付中小微企业款项义务，情节严重")
DEFAULTER_REASON = "有履行能力而拒不履行生效法律文书确定的义务"
DEFAULTER_BASIS = (
    "《中华人民共和国民事诉讼法》第二百六十六条；"
    "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条"
)
KEY_ATTENTION_REASON = "存在失信行为，尚未达到严重失信主体名单认定标准，列为重点关注对象"
KEY_ATTENTION_BASIS = f"{ANSHAN}第八项"
ANOMALY_REASONS: tuple[str, ...] = (
    "未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告",
    "通过登记的住所或者经营场所无法联系",
    "公示企业信息隐瞒真实情况、弄虚作假",
)
ANOMALY_BASIS = "《企业信息公示暂行条例》第十七条；《企业经营异常名录管理暂行办法》第四条"
RED_REASONS: tuple[tuple[str, str], ...] = (
    ("TAX", "纳税信用A级纳税人"),
    ("MARKET", "“守合同重信用”企业"),
    ("CREDIT", "诚信示范企业"),
)
RED_BASIS = f"{HLJ}第二十五条"
REMOVAL_CONDITIONS = "失信行为已纠正并完成信用修复，或者认定期限届满"
REMEDIES = "对认定决定不服的，可以依法申请行政复议或者提起行政诉讼"
