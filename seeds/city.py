"""The synthetic city: Shijiazhuang (石家庄市, Hebei), its districts, industries and authorities.

Shijiazhuang is chosen because the seeds' Hebei A/B/C/D scheme and the Shijiazhuang grading plan
(002 HEB, SJZ) apply there. Region codes are the current GB/T 2260 codes of its districts,
counties and county-level cities; industries are GB/T 4754-2017 divisions.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

CITY = "石家庄市"
CITY_CODE = "130100"
PROVINCE = "河北省"
PROVINCE_CODE = "130000"
PROVINCE_ABBR = "冀"


@dataclass(frozen=True)
class District:
    code: str
    name: str
    abbr: str  # one or two characters used in decision numbers
    weight: int  # share of registered subjects
    rural: bool  # counties: farmer cooperatives, township governments


DISTRICTS: tuple[District, ...] = (
    District("130102", "长安区", "长", 14, False),
    District("130104", "桥西区", "桥", 13, False),
    District("130105", "新华区", "新", 11, False),
    District("130107", "井陉矿区", "矿", 2, False),
    District("130108", "裕华区", "裕", 13, False),
    District("130109", "藁城区", "藁", 5, False),
    District("130110", "鹿泉区", "鹿", 5, False),
    District("130111", "栾城区", "栾", 4, False),
    District("130121", "井陉县", "井", 2, True),
    District("130123", "正定县", "正", 5, True),
    District("130125", "行唐县", "行", 2, True),
    District("130126", "灵寿县", "灵", 1, True),
    District("130127", "高邑县", "高", 1, True),
    District("130128", "深泽县", "深", 1, True),
    District("130129", "赞皇县", "赞", 1, True),
    District("130130", "无极县", "无", 2, True),
    District("130131", "平山县", "平", 2, True),
    District("130132", "元氏县", "元", 2, True),
    District("130133", "赵县", "赵", 2, True),
    District("130181", "辛集市", "辛", 4, True),
    District("130183", "晋州市", "晋", 3, True),
    District("130184", "新乐市", "乐", 3, True),
)
DISTRICT_CUM_WEIGHTS: tuple[int, ...] = tuple(accumulate(d.weight for d in DISTRICTS))
RURAL_DISTRICTS: tuple[int, ...] = tuple(i for i, d in enumerate(DISTRICTS) if d.rural)
PARK_CODE = "130171"  # 石家庄高新技术产业开发区
PARK_NAME = "石家庄高新技术产业开发区管理委员会"


@dataclass(frozen=True)
class Industry:
    code: str  # GB/T 4754-2017 section letter + division
    name: str
    terms: tuple[str, ...]  # words used in enterprise names
    weight: int


INDUSTRIES: tuple[Industry, ...] = (
    Industry("A01", "农业", ("农业开发", "种植"), 2),
    Industry("A03", "畜牧业", ("养殖", "牧业"), 1),
    Industry("A05", "农、林、牧、渔专业及辅助性活动", ("农机服务",), 0),
    Industry("C13", "农副食品加工业", ("食品", "粮油"), 3),
    Industry("C17", "纺织业", ("纺织", "棉纺"), 2),
    Industry("C26", "化学原料和化学制品制造业", ("化工", "精细化工"), 2),
    Industry("C27", "医药制造业", ("药业", "制药"), 2),
    Industry("C33", "金属制品业", ("金属制品", "五金"), 2),
    Industry("C34", "通用设备制造业", ("机械设备", "机械制造"), 3),
    Industry("C39", "计算机、通信和其他电子设备制造业", ("电子科技", "电子"), 2),
    Industry("D44", "电力、热力生产和供应业", ("热力", "电力"), 1),
    Industry("D45", "燃气生产和供应业", ("燃气",), 1),
    Industry("E47", "房屋建筑业", ("建筑工程", "建设"), 5),
    Industry("E48", "土木工程建筑业", ("路桥工程", "市政工程"), 2),
    Industry("E50", "建筑装饰、装修和其他建筑业", ("装饰工程", "装饰设计"), 3),
    Industry("F51", "批发业", ("商贸", "贸易", "医药销售"), 14),
    Industry("F52", "零售业", ("商贸", "超市", "百货"), 9),
    Industry("G54", "道路运输业", ("运输", "物流"), 4),
    Industry("G59", "装卸搬运和仓储业", ("仓储", "供应链管理"), 2),
    Industry("H61", "住宿业", ("酒店管理", "宾馆"), 2),
    Industry("H62", "餐饮业", ("餐饮管理", "餐饮"), 4),
    Industry("I64", "互联网和相关服务", ("网络科技", "互联网科技"), 4),
    Industry("I65", "软件和信息技术服务业", ("信息技术", "软件", "数据科技"), 6),
    Industry("J66", "货币金融服务", ("小额贷款",), 1),
    Industry("J69", "其他金融业", ("融资担保", "投资管理"), 1),
    Industry("K70", "房地产业", ("房地产开发", "物业服务"), 4),
    Industry("L71", "租赁业", ("租赁", "设备租赁"), 2),
    Industry("L72", "商务服务业", ("企业管理咨询", "人力资源服务", "广告"), 8),
    Industry("M73", "研究和试验发展", ("生物科技", "新材料科技"), 2),
    Industry("M74", "专业技术服务业", ("工程设计", "检测技术", "会计服务"), 3),
    Industry("M75", "科技推广和应用服务业", ("科技", "科技发展"), 5),
    Industry("N77", "生态保护和环境治理业", ("环保科技", "环境工程"), 1),
    Industry("O80", "居民服务业", ("家政服务", "养老服务"), 2),
    Industry("O81", "机动车、电子产品和日用产品修理业", ("汽车服务", "汽车维修"), 2),
    Industry("P83", "教育", ("教育咨询", "培训"), 2),
    Industry("Q84", "卫生", ("医疗管理", "健康管理"), 1),
    Industry("R86", "新闻和出版业", ("文化传媒", "传媒"), 2),
    Industry("R89", "体育", ("体育文化", "健身"), 1),
    # Divisions used only by public institutions, government organs and social organisations.
    Industry("N78", "公共设施管理业", ("公共设施管理",), 0),
    Industry("R88", "文化艺术业", ("文化艺术",), 0),
    Industry("S92", "国家机构", ("国家机构",), 0),
    Industry("S95", "群众团体、社会团体和其他成员组织", ("社会团体",), 0),
)
INDUSTRY_CUM_WEIGHTS: tuple[int, ...] = tuple(accumulate(i.weight for i in INDUSTRIES))
# Industries a state-owned enterprise is usually in.
SOE_INDUSTRIES: tuple[str, ...] = ("D44", "D45", "E48", "G54", "J69", "K70", "C27")

# Characters for trade names (字号): two- or three-character combinations of these are unique
# for well over a million enterprises.
TRADE_CHARS: tuple[str, ...] = tuple(
    dict.fromkeys(
        "华鑫恒瑞泰达信诚德盛宏远博创卓越金源新永佳汇中天和安康润丰利通宇航星辰旭东方正"
        "明光嘉合隆兴昌荣凯晟腾飞祥云海川广聚益鼎冀燕赵太行滹沱常山尔君诺万誉立本铭科尚"
        "品优联启辉致蓝绿同舟锦绣宝福春秋茂林森峰岳乾坤坤元亨嘉禾俊杰美雅馨颐康泽浩瀚"
        "弘毅睿智捷迅驰骏骐麒麟凤鸿鹏"
    )
)

SUFFIXES: tuple[tuple[str, int], ...] = (
    ("有限公司", 76),
    ("有限责任公司", 14),
    ("股份有限公司", 6),
    ("集团有限公司", 4),
)
SUFFIX_CUM_WEIGHTS: tuple[int, ...] = tuple(accumulate(w for _, w in SUFFIXES))

SHOP_KINDS = (
    "便利店",
    "面馆",
    "理发店",
    "五金店",
    "水果店",
    "服装店",
    "烟酒店",
    "家电维修部",
    "饭店",
    "超市",
    "干洗店",
    "手机维修部",
    "美容美发店",
    "早餐店",
    "粮油店",
    "文具店",
)
# (name ending, GB/T 4754 division) of farmer cooperatives.
COOP_KINDS: tuple[tuple[str, str], ...] = (
    ("种植专业合作社", "A01"),
    ("果蔬专业合作社", "A01"),
    ("养殖专业合作社", "A03"),
    ("农机专业合作社", "A05"),
)
SOCIAL_KINDS: tuple[tuple[str, str], ...] = (
    ("51", "行业协会"),
    ("51", "商会"),
    ("52", "职业培训学校"),
    ("52", "养老院"),
    ("52", "社会工作服务中心"),
    ("53", "慈善基金会"),
)
PUBLIC_INSTITUTIONS: tuple[tuple[str, str], ...] = (
    ("P83", "中学"),
    ("P83", "小学"),
    ("Q84", "人民医院"),
    ("Q84", "疾病预防控制中心"),
    ("R88", "图书馆"),
    ("M73", "农业科学研究所"),
    ("N78", "园林绿化中心"),
)
GOV_ORGANS: tuple[str, ...] = (
    "教育局",
    "民政局",
    "财政局",
    "自然资源和规划局",
    "农业农村局",
    "文化广电和旅游局",
    "水利局",
    "退役军人事务局",
    "审计局",
    "统计局",
    "医疗保障局",
    "行政审批局",
)


@dataclass(frozen=True)
class AuthorityDomain:
    domain: str
    city: str  # the municipal body
    district: str  # district-level body after the district name; "" when none
    abbr: str  # used in decision numbers, e.g. 市监
    province: str = ""
    national: str = ""
    district_prefix: str = ""  # e.g. 国家税务总局 before the district's name


AUTHORITY_DOMAINS: tuple[AuthorityDomain, ...] = (
    AuthorityDomain(
        "MARKET",
        "石家庄市市场监督管理局",
        "市场监督管理局",
        "市监",
        "河北省市场监督管理局",
        "国家市场监督管理总局",
    ),
    AuthorityDomain(
        "TAX",
        "国家税务总局石家庄市税务局",
        "税务局",
        "税",
        "国家税务总局河北省税务局",
        "国家税务总局",
        "国家税务总局",
    ),
    AuthorityDomain(
        "COURT",
        "石家庄市中级人民法院",
        "人民法院",
        "法",
        "河北省高级人民法院",
        "最高人民法院",
    ),
    AuthorityDomain(
        "CREDIT",
        "石家庄市发展和改革委员会",
        "发展和改革局",
        "发改",
        "河北省发展和改革委员会",
        "国家发展和改革委员会",
    ),
    AuthorityDomain(
        "ECOLOGY",
        "石家庄市生态环境局",
        "分局",
        "环",
        "河北省生态环境厅",
        "生态环境部",
    ),
    AuthorityDomain(
        "EMERGENCY",
        "石家庄市应急管理局",
        "应急管理局",
        "应急",
        "河北省应急管理厅",
        "应急管理部",
    ),
    AuthorityDomain(
        "HOUSING",
        "石家庄市住房和城乡建设局",
        "住房和城乡建设局",
        "建",
        "河北省住房和城乡建设厅",
        "住房和城乡建设部",
    ),
    AuthorityDomain(
        "LABOUR",
        "石家庄市人力资源和社会保障局",
        "人力资源和社会保障局",
        "人社",
        "河北省人力资源和社会保障厅",
        "人力资源和社会保障部",
    ),
    AuthorityDomain(
        "HEALTH",
        "石家庄市卫生健康委员会",
        "卫生健康局",
        "卫",
        "河北省卫生健康委员会",
        "国家卫生健康委员会",
    ),
    AuthorityDomain(
        "TRANSPORT",
        "石家庄市交通运输局",
        "交通运输局",
        "交",
        "河北省交通运输厅",
        "交通运输部",
    ),
    AuthorityDomain(
        "INDUSTRY",
        "石家庄市工业和信息化局",
        "工业和信息化局",
        "工信",
        "河北省工业和信息化厅",
        "工业和信息化部",
    ),
    AuthorityDomain("URBAN", "石家庄市城市管理综合行政执法局", "城市管理综合行政执法局", "城管"),
    AuthorityDomain("HOUSING_FUND", "石家庄住房公积金管理中心", "", "公积金"),
)
DOMAIN_INDEX = {d.domain: i for i, d in enumerate(AUTHORITY_DOMAINS)}
# Townships (streets) with a credit-relevant office, for the TOWNSHIP authority level.
TOWNSHIPS: tuple[tuple[str, str], ...] = (
    ("130102", "建北街道办事处"),
    ("130104", "东里街道办事处"),
    ("130123", "正定镇人民政府"),
)
