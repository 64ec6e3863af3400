"""Names and birth places for synthetic persons.

Surnames carry rough frequency weights (the common ones dominate, as in any Chinese register);
given names are one or two characters drawn from pools that differ by sex, which the citizen ID
encodes in the parity of its sequence number (odd: male).
"""

from __future__ import annotations

from itertools import accumulate

# (surname, weight): weights roughly follow the national frequency ranking.
_SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 72),
    ("李", 71),
    ("张", 68),
    ("刘", 54),
    ("陈", 45),
    ("杨", 32),
    ("赵", 20),
    ("黄", 24),
    ("周", 20),
    ("吴", 20),
    ("徐", 15),
    ("孙", 15),
    ("胡", 13),
    ("朱", 12),
    ("高", 12),
    ("林", 11),
    ("何", 11),
    ("郭", 11),
    ("马", 11),
    ("罗", 10),
    ("梁", 9),
    ("宋", 8),
    ("郑", 8),
    ("谢", 8),
    ("韩", 7),
    ("唐", 7),
    ("冯", 7),
    ("于", 6),
    ("董", 6),
    ("萧", 2),
    ("程", 6),
    ("曹", 6),
    ("袁", 5),
    ("邓", 5),
    ("许", 5),
    ("傅", 4),
    ("沈", 4),
    ("曾", 4),
    ("彭", 4),
    ("吕", 4),
    ("苏", 4),
    ("卢", 4),
    ("蒋", 4),
    ("蔡", 4),
    ("贾", 4),
    ("丁", 4),
    ("魏", 4),
    ("薛", 3),
    ("叶", 3),
    ("阎", 3),
    ("余", 3),
    ("潘", 3),
    ("杜", 3),
    ("戴", 3),
    ("夏", 3),
    ("钟", 3),
    ("汪", 3),
    ("田", 3),
    ("任", 3),
    ("姜", 3),
    ("范", 3),
    ("方", 3),
    ("石", 3),
    ("姚", 3),
    ("谭", 2),
    ("廖", 2),
    ("邹", 2),
    ("熊", 2),
    ("金", 2),
    ("陆", 2),
    ("郝", 2),
    ("孔", 2),
    ("白", 2),
    ("崔", 2),
    ("康", 2),
    ("毛", 2),
    ("邱", 2),
    ("秦", 2),
    ("江", 2),
    ("史", 2),
    ("顾", 2),
    ("侯", 2),
    ("邵", 2),
    ("孟", 2),
    ("龙", 2),
    ("万", 2),
    ("段", 2),
    ("雷", 2),
    ("钱", 2),
    ("汤", 2),
    ("尹", 2),
    ("黎", 2),
    ("易", 2),
    ("常", 2),
    ("武", 2),
    ("乔", 2),
    ("贺", 2),
    ("赖", 2),
    ("龚", 2),
    ("文", 2),
    ("庞", 1),
    ("樊", 1),
    ("兰", 1),
    ("殷", 1),
    ("施", 1),
    ("陶", 1),
    ("洪", 1),
    ("翟", 1),
    ("安", 1),
    ("颜", 1),
    ("倪", 1),
    ("严", 1),
    ("牛", 1),
    ("温", 1),
    ("芦", 1),
    ("季", 1),
    ("俞", 1),
    ("章", 1),
    ("鲁", 1),
    ("葛", 1),
    ("伍", 1),
    ("韦", 1),
    ("申", 1),
    ("尤", 1),
    ("毕", 1),
    ("聂", 1),
    ("焦", 1),
    ("向", 1),
    ("柳", 1),
    ("邢", 1),
    ("岳", 1),
    ("齐", 1),
    ("梅", 1),
    ("欧阳", 1),
    ("司马", 1),
    ("上官", 1),
    ("诸葛", 1),
)
SURNAMES: tuple[str, ...] = tuple(s for s, _ in _SURNAMES)
SURNAME_CUM_WEIGHTS: tuple[int, ...] = tuple(accumulate(w for _, w in _SURNAMES))

MALE_CHARS = tuple(
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国文斌志峰海东亮"
    "永庆振兴晨博瑞泽轩昊然天翔德成光荣新春立金山松柏森"
)
FEMALE_CHARS = tuple(
    "芳娜敏静丽艳娟霞秀英玲桂兰萍红燕雪梅琳婷慧莉颖倩洁晶欣怡佳悦雨露琪瑶雅蕾薇丹"
    "晓月冰玉珍凤秋云彤诗梦"
)

# Birth places: six-digit codes valid for every birth year of an era (stdnum's GB 11643
# check also tests the place against the year). Each era has the same number of codes, so
# a person index maps one-to-one onto (birth date, place slot, sequence number).
BIRTH_ERAS: tuple[tuple[int, int, tuple[str, ...]], ...] = (
    (
        1956,
        1982,
        (
            "130100",
            "132321",
            "132322",
            "132323",
            "132324",
            "132325",
            "132326",
            "132328",
            "132330",
            "132331",
            "132335",
            "132337",
        ),
    ),
    (
        1983,
        1992,
        (
            "130102",
            "130103",
            "130104",
            "130105",
            "130106",
            "130107",
            "130121",
            "132323",
            "132324",
            "132326",
            "132330",
            "132335",
        ),
    ),
    (
        1993,
        2000,
        (
            "130102",
            "130103",
            "130104",
            "130105",
            "130107",
            "130121",
            "130123",
            "130125",
            "130126",
            "130131",
            "130181",
            "130183",
        ),
    ),
    (
        2001,
        2004,
        (
            "130102",
            "130103",
            "130104",
            "130105",
            "130107",
            "130108",
            "130121",
            "130123",
            "130126",
            "130131",
            "130181",
            "130184",
        ),
    ),
)
PLACES_PER_ERA = 12
# Sequence numbers 100–999 are the generator's; scenario files use 001–099, so the two never
# collide (documented in seeds/scenarios/README.md).
FIRST_SEQUENCE = 100
SEQUENCES = 900


def places_for_year(year: int) -> tuple[str, ...]:
    for first, last, places in BIRTH_ERAS:
        if first <= year <= last:
            return places
    raise ValueError(f"no birth places for {year}")
