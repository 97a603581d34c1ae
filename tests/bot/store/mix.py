"""A mix of meeting-news pages sharing paragraphs, none a repost of another, and reposts.

Issue 8's precision case: pages of one genre, each six paragraphs drawn from a pool, so many
share a paragraph or two with another page (a common notice, the same stock closing), but
no two share more than two (that would be half a page: a repost, not another story). The
paragraphs are written here from templates whose slots are drawn from pools (people,
places, bodies, meetings, subjects, numbers), and stock sentences of the genre recur across
paragraphs as they do on real sites. Seeded: the same seed gives the same pages.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from digests.script import to_simplified, to_traditional

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "明华强芳敏军伟丽静磊洋勇艳杰娟涛超霞平刚桂英兰云峰建国志红海燕"
PLACES = (
    "东城区", "西湖区", "高新区", "经开区", "临江县", "青山县", "白河镇", "石桥镇", "南岭乡",
    "北塘街道", "滨海新区", "龙泉市", "安平县", "清水县", "长乐镇", "新华街道", "河口区",
    "柳林镇", "双溪乡", "云台县",
)  # fmt: skip
BODIES = (
    "政协", "人大常委会", "县委", "市委", "区委统战部", "纪委监委", "发展改革委", "教育局",
    "卫生健康委", "农业农村局", "住房城乡建设局", "生态环境局", "市场监管局", "应急管理局",
    "民政局", "人社局", "交通运输局", "水利局", "文旅局", "科技局", "商务局", "工商联",
)  # fmt: skip
MEETINGS = (
    "常委会会议", "主席会议", "专题协商会", "民主生活会", "工作推进会", "座谈会", "调度会",
    "务虚会", "理论学习中心组学习会", "全体会议", "联席会议", "现场观摩会", "述职评议会",
)  # fmt: skip
SUBJECTS = (
    "优化营商环境", "乡村振兴", "防汛抗旱", "安全生产", "基层治理", "教育均衡发展", "养老服务",
    "生态环境保护", "招商引资", "城市更新", "农田水利建设", "食品安全", "文化旅游融合",
    "数字经济", "就业创业", "医疗保障", "老旧小区改造", "河湖长制", "森林防火", "民族团结进步",
    "科技创新", "社会救助", "交通安全", "消防安全", "粮食生产", "人才引进", "民营经济发展",
    "垃圾分类", "物业管理", "学前教育", "托育服务", "社区矫正", "法治宣传",
)  # fmt: skip
ACTIONS = (
    "压实责任", "细化措施", "补齐短板", "强化督查", "加强协调", "完善机制", "抓好落实",
    "摸清底数", "建立台账", "健全制度", "加大投入", "盯紧节点", "创新方式", "拓宽渠道",
)  # fmt: skip
RESULTS = (
    "完成投资{n}亿元", "新增就业岗位{n}个", "整改问题{n}项", "走访企业{n}家", "培训干部{n}人次",
    "收集意见建议{n}条", "办结群众诉求{n}件", "排查隐患{n}处", "建成项目{n}个", "覆盖村社区{n}个",
)  # fmt: skip
TEMPLATES = (
    "{m}月{d}日，{place}{body}召开{meeting}，研究部署{subject}工作。{person}主持会议，{person2}"
    "出席并讲话。",
    "{person}指出，{subject}事关群众切身利益，各部门要{action}、{action2}，确保各项任务按期完成。",
    "会议听取了{place}关于{subject}情况的汇报。今年以来，全{unit}{result}，{result2}。",
    "{person2}强调，要坚持问题导向，围绕{subject}中的难点堵点{action}，对{subject2}工作同步谋划、"
    "一体推进。",
    "会上，{place}{body}、{place2}{body2}作交流发言，介绍了在{subject}方面{action}的做法。",
    "会议审议通过了《{place}{subject}三年行动方案》和《关于进一步{action}的实施意见》。",
    "与会人员实地察看了{place2}{subject}项目现场，详细了解{subject2}推进情况。",
    "{person}要求，{body}各成员单位要{action}，定期通报{subject}进展，{m2}月底前报送阶段成果。",
    "据悉，{place}已连续{n}年开展{subject}专项行动，累计{result}。",
    "{person2}在调研中说，{subject}既要{action}，也要{action2}，让群众看得见、摸得着、得实惠。",
)
STOCK = (
    "会议强调，要提高政治站位，切实增强责任感和紧迫感。",
    "会议要求，各级各部门要加强组织领导，形成工作合力。",
    "与会同志一致表示，将认真贯彻落实会议精神，推动各项工作落地见效。",
    "会议还对近期重点工作作了安排部署。",
    "会议以视频形式召开，各乡镇设分会场。",
    "会前，与会人员集中学习了有关文件精神。",
)
UNITS = ("县", "区", "市", "镇", "乡")


def person(rng: random.Random) -> str:
    """A surname and one or two given characters."""
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


def sentence(rng: random.Random, template: str) -> str:
    """One template with its slots drawn."""
    first, second = rng.sample(SUBJECTS, 2)
    return template.format(
        m=rng.randint(1, 12),
        m2=rng.randint(1, 12),
        d=rng.randint(1, 28),
        n=rng.randint(2, 900),
        place=rng.choice(PLACES),
        place2=rng.choice(PLACES),
        body=rng.choice(BODIES),
        body2=rng.choice(BODIES),
        meeting=rng.choice(MEETINGS),
        subject=first,
        subject2=second,
        action=rng.choice(ACTIONS),
        action2=rng.choice(ACTIONS),
        person=person(rng),
        person2=person(rng),
        unit=rng.choice(UNITS),
        result=rng.choice(RESULTS).format(n=rng.randint(2, 900)),
        result2=rng.choice(RESULTS).format(n=rng.randint(2, 900)),
    )


def paragraph(rng: random.Random) -> str:
    """Two or three template sentences, and a stock sentence one time in three."""
    parts = [sentence(rng, t) for t in rng.sample(TEMPLATES, rng.choice((2, 3)))]
    if rng.random() < 1 / 3:
        parts.insert(rng.randint(0, len(parts)), rng.choice(STOCK))
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Mix:
    pages: list[str]  # each six paragraphs joined by "\n"
    shared: int  # pages sharing at least one paragraph with another page


def build_mix(
    count: int = 1500,
    *,
    seed: int = 8,
    pool: int = 3000,
    most_shared: int = 2,
    given: list[str] | None = None,
) -> Mix:
    """`count` pages of six pool paragraphs; no two pages share more than `most_shared`.
    The pool is generated, or `given` (the bench draws it from real pages)."""
    rng = random.Random(seed)
    made = given if given is not None else (paragraph(rng) for _ in range(pool))
    paragraphs = list(dict.fromkeys(made))
    holders: dict[int, list[int]] = defaultdict(list)  # paragraph -> pages holding it
    chosen: list[list[int]] = []
    while len(chosen) < count:
        picks = rng.sample(range(len(paragraphs)), 6)
        overlap: dict[int, int] = defaultdict(int)
        for p in picks:
            for page in holders[p]:
                overlap[page] += 1
        if max(overlap.values(), default=0) > most_shared:
            continue  # half a page in common would make it a repost
        for p in picks:
            holders[p].append(len(chosen))
        chosen.append(picks)
    shared = {page for pages in holders.values() if len(pages) > 1 for page in pages}
    return Mix(["\n".join(paragraphs[p] for p in picks) for picks in chosen], len(shared))


FURNITURE_TOP = "首页 > 新闻中心 > 工作动态\n来源：本网  编辑：王五  发布时间：2024-05-06\n"
FURNITURE_END = "\n打印本页 关闭窗口\n【责任编辑：李四】"


def reposts(pages: list[str], count: int, *, seed: int = 9) -> list[tuple[int, str, str]]:
    """(index of the page, how it changed, the text) for `count` reposts of mix pages:
    a sentence edited, furniture around it, converted to traditional script and back, a
    paragraph's numbers changed, or all of them."""
    rng = random.Random(seed)
    out = []
    for i, index in enumerate(rng.sample(range(len(pages)), count)):
        kind = ("edited", "furniture", "script", "numbers", "all")[i % 5]
        out.append((index, kind, repost(pages[index], kind, rng)))
    return out


def repost(page: str, kind: str, rng: random.Random) -> str:
    """One kind of repost of `page` (see `reposts`)."""
    text = page
    if kind in ("edited", "all"):  # a sentence reworded by the reposting site
        lines = text.split("\n")
        k = rng.randrange(len(lines))
        lines[k] = lines[k].replace("。", "，会议取得圆满成功。", 1)
        text = "\n".join(lines)
    if kind in ("numbers", "all"):
        text = text.replace("1", "7", 2).replace("月", "月份", 1)
    if kind in ("script", "all"):
        text = to_simplified(to_traditional(text))
    if kind in ("furniture", "all"):
        text = FURNITURE_TOP + text + FURNITURE_END
    return text


__all__ = ["Mix", "build_mix", "repost", "reposts"]
