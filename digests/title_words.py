"""The patterns and measures titles are read by: what a byline, a kicker, a caption, a
subtitle and page furniture look like, and how far the search for a headline goes."""

from __future__ import annotations

import re

MAX_TITLE = 64

HEAD_LINES = 16  # lines above the body looked at

TAIL_LINES = 3  # last lines looked at (a headline printed under the article)

# Each alternative opens on a literal character, so re scans for those characters alone
# rather than trying every alternative at every position (title lines are body lines too).
_YEAR_ON = r"\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}"  # a date, after its 19 or 20
TITLE_END = re.compile(
    rf"1(?<!\d1)9{_YEAR_ON}|2(?<!\d2)0{_YEAR_ON}"
    r"|(?:稿件|信息|文章)来源(?:于)?\s*[:：]|来源(?:于)?\s*[:：]|发布(?:时间|日期|者)|作者\s*[:：]"
    r"|浏览(?!器)|字号|点击数"  # (`请更新您的浏览器`: a browser's warning, furniture whole)
)

EVENT = re.compile(
    r"召开|举行|举办|开幕|闭幕|开议|主持|出席|部署|调研|考察|视察|会见|座谈|当选|启动|签约|通过|审议|"
    r"慰问|讲话|会议(?!精神|中心|室|厅)|大会(?!精神)|会(?:$|\s)|[^机]会召开|研讨|培训|学习|研习|登场"
)

HELD = re.compile(r"召开|举行|举办|开幕|闭幕|开议|主持|出席|会见|当选|审议|会议|大会|座谈")

BYLINE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}|来源|发布|作者|记者|编辑|日期|时间|浏览")

# An organisation's name alone, as it signs a notice above its date (`某某股份有限公司董事会`
# / `2005年8月25日`): under the article it is the signature, not a related story's headline.
SIGNATURE = re.compile(
    r"[^，,。；;\s]{2,30}(?:董事会|监事会|委员会|办公室|办公厅|人民政府|政府|公司|集团|协会|学会"
    r"|商会|联合会|工会|党委|党组|支部|管委会|筹备组|秘书处|研究院|大学|学院)"
)
# A row of an event's details (`地点 | 某酒店宴会大礼堂 |`, `时间：中午12时`): a field's
# value, never a headline, though the body echoes it.
FIELD_ROW = re.compile(
    r"^\W*(?:时间|地点|日期|地址|会场|主办|承办|协办|主礼嘉宾|特邀嘉宾|嘉宾|主讲|联系人|电话)"
    r"(?:单位)?\s*[|｜丨:：]"
)
# An item of a list or an outline (`1.会议议程`, `2.03《…》`, `一、`, `(二)`): never a headline.
ENUMERATED = re.compile(
    r"^\W*(?:\d{1,2}[.、．](?!\d)|\d{1,2}\.\d{1,2}(?=[《“\"])|[一二三四五六七八九十]{1,3}[、．]"
    r"|[(（](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）])"
)

# A kicker that introduces a speech (`某某在某会议上强调`): the headline under it is the quote.
SPEAKS = re.compile(r"(?:强调|指出|表示|要求|提出|寄语)$")
# A lede's opening words broken onto a line of their own (`2017年4月13日上午，某镇在…召开了`):
# a headline never opens with its date and a comma.
DAY_AND_TIME = r"(?:(?:19|20)\d\d\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:[上中下]午|晚上?|早上?)?"

# A caption that numbers or points at its picture (`图1 …合影留念`, `圖為…`, `上图：…`), and a
# forum's note that a post was edited (`本帖最后由 某某 于 2015-4-13 00:37 编辑`): never a headline.
CAPTION = re.compile(
    r"(?:大家好|各位好|朋友们好)\W*$|"  # a speech's salutation (`各位先進、大家好！`)
    r"^\W*(?:图\s*\d{1,2}(?!\d)|图为|[上下左右]图\s*[:：为])|^\W*本帖最后由"
    # a photo's credit closing the line (`会议现场(某某 摄)`, `（受访者供图）`), a group photo
    r"|[(（][^()（）]{0,20}(?:摄|摄影|供图)\s*[)）]?\W*$|合影\W*$"
    r"|(?:记者|通讯员)\s*[^\s，,。]{2,4}\s*摄\W*$"  # `…合影。本报记者某某 摄`
    r"|^\W*记者[^，,。]{2,12}(?:报导|报道)\W*$"  # a byline: `记者某某／纽约报导`
    r"|^\W*[(（][^()（）]{0,20}记者[^()（）]{2,12}(?:报导|报道)[)）]\W*$"  # `(某网/记者某某报导)`
)
