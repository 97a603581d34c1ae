"""Thirteenth round's page classes, on texts of our own: Taiwan's wire style bracketing the
day between a name and its verb (`議長某某今（20）日主持`), a day left at the end of a name
(`副議長某某昨日出席`), the legislature's rounds of party talks (`召集朝野黨團協商`), and a
report dated `M月D日` whose year only its work plan names."""

from __future__ import annotations

from digests.meeting import extract_meeting
from digests.meeting_text import name_text
from digests.people import extract_people
from digests.pipeline import analyse, prepare
from digests.script import to_simplified


def people(text: str) -> tuple[list[str], list[str], list[str]]:
    found = extract_people(text, to_simplified(text))
    return (
        [p.name for p in found.chair],
        [p.name for p in found.attendees],
        [p.name for p in found.speakers],
    )


def test_a_bracketed_day_between_a_chair_and_his_verb_is_stepped_over() -> None:
    assert people("議長蔡明德今（20）日上午主持第4次定期大會，審議總預算。")[0] == ["蔡明德"]
    assert people("縣長林國華昨（二十九）日主持縣務會議，要求加速執行預算。")[0] == ["林國華"]


def test_a_bracketed_day_before_attending_or_speaking_is_stepped_over() -> None:
    assert people("副議長周文彬昨(19)日出席會議，表示支持。")[1] == ["周文彬"]
    assert people("議長何建成今（20）日表示，將全力配合。")[2] == ["何建成"]


def test_a_day_left_at_the_end_of_a_name_is_cut() -> None:
    assert people("副议长周文彬昨日出席会议，表示支持。")[1] == ["周文彬"]
    assert people("议长何建成今天表示，将全力配合。")[2] == ["何建成"]
    assert people("县长林国华今天上午出席会议并致词。")[1] == ["林国华"]
    # a bare 晚 or 早 may end a given name, and stays
    assert people("主任周向晚出席会议。")[1] == ["周向晚"]


def test_a_round_of_party_talks_is_the_meeting_and_its_convener_its_chair() -> None:
    text = "立法院長吳昌明今（20）日上午召集朝野黨團協商，就修正草案進行協商，朝野未達共識。"
    facts = extract_meeting(text, to_simplified(text), "")
    assert (facts.name, facts.chair) == ("朝野黨團協商", "吳昌明")
    text = "立法院今天進行朝野協商，但未能達成共識。"
    assert extract_meeting(text, to_simplified(text), "").name == "朝野協商"


def test_talks_referred_to_are_no_meeting() -> None:
    text = "經朝野協商後，法案將於下週付委。"
    assert extract_meeting(text, to_simplified(text), "").name is None


def date_of(*lines: str) -> str | None:
    return prepare("\n".join(lines).encode(), "page.txt").date


def test_a_meeting_dated_by_its_day_takes_the_year_of_the_work_it_plans() -> None:
    lede = "3月12日，共青团某县第十四届二次全委（扩大）会议在县委党校召开。"
    plan = "团县委书记王刚对2015年工作作了总结，对2016年工作作了部署。"
    assert date_of(lede, plan) == "2016-03-12"
    assert date_of("3月2日，县政协召开十届十二次常委会议。", "会议部署了2019年工作。") == (
        "2019-03-02"
    )
    # late in a year, the work planned is the next year's
    assert date_of("12月28日，县政协召开十届十二次常委会议。", "会议部署了2019年工作。") == (
        "2018-12-28"
    )


def test_a_late_meeting_reviewing_a_year_and_planning_the_next_is_in_the_first() -> None:
    lede = "12月28日，县政协召开十届十二次常委会议。"
    assert date_of(lede, "会议总结了2018年工作，部署了2019年工作。") == "2018-12-28"


def test_a_target_or_an_anniversary_year_dates_no_meeting() -> None:
    assert date_of("7月1日，县委召开座谈会。", "会议回顾了1921年以来党的奋斗历程。") is None
    assert date_of("3月2日，县委召开会议。", "会议提出到2035年基本实现现代化的工作目标。") is None


def facts_of(*lines: str) -> tuple[str, str | None, str | None, str | None]:
    prepared = prepare("\n".join(lines).encode(), "page.txt")
    facts = prepared.meeting
    return prepared.title, facts.name, facts.place, prepared.date


def test_a_handover_between_two_terms_keeps_both_numbers() -> None:
    lede = "仁愛醫院第40/41屆董事局交代就職典禮於3月8日假香港萬豪酒店宴會大禮堂隆重舉行。"
    _, name, place, _ = facts_of(lede, "大會邀得局長陳大文主禮。")
    assert (name, place) == ("仁愛醫院第40/41屆董事局交代就職典禮", "香港萬豪酒店宴會大禮堂")


def test_a_row_of_the_events_details_is_no_headline_and_its_hall_no_meeting() -> None:
    title, name, place, date = facts_of(
        "2024年4月19日",
        "時間 | 典禮：中午12時正 |",
        "地點 | 香港萬豪酒店宴會大禮堂 |",
        "仁愛醫院第40/41屆董事局交代就職典禮於4月19日假香港萬豪酒店宴會大禮堂隆重舉行。",
    )
    assert title == "仁愛醫院第40/41屆董事局交代就職典禮"
    assert (name, place, date) == (
        "仁愛醫院第40/41屆董事局交代就職典禮",
        "香港萬豪酒店宴會大禮堂",
        "2024-04-19",
    )


def test_a_photo_caption_and_a_dashed_subtitle_are_neither_title_nor_lede() -> None:
    lede = "本報訊（記者 王小明）新界某某聯誼會日前假元朗金殿酒家舉行第十八屆委員就職典禮。"
    lines = (
        "放大圖片",
        "■新界某某聯誼會第十八屆委員就職典禮，賓主合影。本報記者王小明 攝",
        "——陳大文李四等主禮 張三蟬聯主席",
        lede + "當晚出席嘉賓包括局長陳大文。",
        "張三連任主席一職。",
    )
    prepared = prepare("\n".join(lines).encode(), "page.txt")
    assert prepared.title == "新界某某聯誼會日前假元朗金殿酒家舉行第十八屆委員就職典禮"
    assert "合影" not in prepared.text
    assert "放大圖片" not in prepared.text
    assert prepared.meeting.name == "新界某某聯誼會第十八屆委員就職典禮"


def test_a_caption_closed_by_its_credit_does_not_name_the_meeting_first() -> None:
    caption = "南投縣長林美華出席各鄉鎮村里長聯繫會議。(記者王大明攝)"
    lede = "第二十二屆第三次南投縣各鄉鎮村里長聯繫會議昨(二十九)日上午在草屯某某樂園舉行。"
    _, name, place, _ = facts_of("投縣村里長會議 縣長聽基層需求", caption, "▲" + caption, lede)
    assert (name, place) == ("第二十二屆第三次南投縣各鄉鎮村里長聯繫會議", "草屯某某樂園")


def test_the_chair_opening_a_sitting_chairs_it() -> None:
    assert people("主席方明萬宣布開會，秘書報告出席人數。")[0] == ["方明萬"]
    # the chair of a presidium, or its deputy, named as such, is not read as the sitting's
    assert people("主席團主席張三宣布開會。")[0] == []


def name_of(*lines: str) -> str | None:
    return prepare("\n".join(lines).encode(), "page.txt").meeting.name


def test_a_headlines_session_is_named_as_the_body_spells_it_in_full() -> None:
    lede = "第2次臨時會圓滿閉幕某市議會第4屆第2次臨時會為期10天會期，30日圓滿落幕。"
    assert name_of("市議會第2次臨時會圓滿閉幕 預算全數通過", lede) == "某市議會第4屆第2次臨時會"
    lede = "某市議會第4屆第3次臨時會8日起於新營開議某市議會第4屆第3次臨時會，8月8日上午開幕。"
    assert name_of("市議會第4屆第3次臨時會8日起開議", lede) == "某市議會第4屆第3次臨時會"


def test_a_meeting_spoken_at_is_the_one_reported() -> None:
    lede = "31日下午，省委书记王明在“新晋商、新形象”民企座谈会上表示，要加快发展。"
    assert name_of("某某：加快发展", lede) == "“新晋商、新形象”民企座谈会"
    lede = "不論是建制派或是民主派區議員，在周二的某區議會會議上，都批評港鐵隱瞞沉降。"
    assert name_of("區議會批港鐵隱瞞沉降", lede) == "某區議會會議"


def test_a_body_that_goes_on_holding_its_meeting_still_names_it() -> None:
    lede = "立法會某某法案委員會今日繼續召開第二次會議，委員會主席安排議員發言。"
    assert name_of("某某法案第二次開會", lede) == "立法會某某法案委員會第二次會議"


def test_a_meetings_papers_and_a_drink_are_no_meeting() -> None:
    lede = "本公司已在会议召开前十天将董事会通知和审议内容发送给本公司董事。"
    assert name_of("某公司关于会计差错的提示性公告", lede) is None
    assert name_of("宇航员在太空中喝酒会怎么样", "宇航员在太空中喝酒会怎么样？后果很严重。") is None


def test_a_meeting_opened_at_is_no_place() -> None:
    lede = "9月3日，在第二届全球某某大会暨第十七届某某博览会开幕式上，魏某发表演讲。"
    assert prepare(lede.encode(), "page.txt").meeting.place is None
    lede = "大会主席邱某某議長肯定議員認真審查議案。某市議會第2次臨時會圓滿落幕。"
    assert prepare(lede.encode(), "page.txt").meeting.chair == "邱某某"


def html_title(head: str, body: str) -> str:
    page = f"<html><head><title>{head}</title></head><body>{body}</body></html>"
    return prepare(page.encode(), "page.html").title


def test_a_latin_brands_site_name_after_the_headline_is_cut() -> None:
    body = "<p>9月25日，在某某大会上，某公司发布了首款芯片，性能达到同类产品的十倍。</p>"
    assert html_title("某公司发布首款芯片，性能达同类十倍-EDN 电子技术设计", body) == (
        "某公司发布首款芯片，性能达同类十倍"
    )


def test_a_blogs_name_the_title_gives_is_no_headline() -> None:
    body = (
        "<div><h2>王小明的家_藍天</h2></div><p>王小明的家</p>"
        "<p>新竹尖石鄉後山一帶已披上楓紅，美樹營地的楓香樹早已金黃。</p>"
        "<p>第二次造訪美樹營地，發現營區換了原木招牌，王小明的家也多了幾張照片。</p>"
    )
    head = "新竹尖石_美樹營地賞楓 @ 王小明的家_藍天 :: 痞客邦 ::"
    assert html_title(head, body) == "新竹尖石_美樹營地賞楓"


def test_a_notices_signature_over_its_date_is_no_headline() -> None:
    body = (
        "<p>天津某某股份有限公司(“本公司”)及董事会全体成员保证公告内容的真实、准确和完整。</p>"
        "<p>本公司第一季度财务报告中披露的净利润出现会计表述差错，现予更正。</p>"
        "<p>本公司已将该事项作为董事会审议事项，本公司已将董事会通知发送给本公司董事。</p>"
        "<p>鉴于本公司董事会尚未审议通过该调整议案，详细情况将在董事会审议之后披露。</p>"
        "<p>天津某某股份有限公司董事会</p><p>2005年8月25日（来源：某某证券报）</p>"
    )
    assert html_title("某某环保第一季度报告会计差错的提示性公告", body) == (
        "某某环保第一季度报告会计差错的提示性公告"
    )


def page(*lines: str) -> tuple[str, str | None]:
    prepared = prepare("\n".join(lines).encode(), "page.txt")
    return prepared.title, prepared.date


def test_a_title_cut_from_a_wire_lede_skips_its_dateline_and_keeps_the_event() -> None:
    lede = (
        "某网北京12月1日电(记者 王某) 30日晚，某某和某某在京举行答谢宴，诸多嘉宾到场，"
        "其中包括某某、某某等人。"
    )
    title, _ = page(lede, "30日中午，有媒体报道两人举行婚礼。")
    assert title == "某某和某某在京举行答谢宴"


def test_a_date_a_rule_takes_effect_from_or_a_year_a_span_starts_dates_no_report() -> None:
    lede = "某市議會19日下午召開程序委員會，審議市府提案。"
    rule = "財稅局長回應，此自治條例通過後，預計自111年7月1日起施行。"
    assert date_of(lede, rule) is None
    # the report's address gives its day, which the lede's `19日` confirms
    assert prepare(f"{lede}\n{rule}".encode(), "data/2021/10/2021-10-19_a.json").date == (
        "2021-10-19"
    )
    wire = (
        "某网太原5月31日电（记者 某某） 31日下午，某省委书记在民企座谈会上表示，"
        "从2008年开始的资源整合已见成效。"
    )
    assert date_of(wire) is None


def test_keywords_are_whole_words_neither_cut_nor_run_into_the_word_before() -> None:
    text = (
        "强积金表现\n\n强积金研究机构指，强积金有望录得正回报。强积金成员平均收益约八千元，"
        "强积金资产值创新高。政府坚定实施扩大内需战略，实施扩大内需战略是应对风险的基点，"
        "继续实施扩大内需战略。屋宇署要求暂停工程，屋宇署表示会跟进，屋宇署发信要求交代。"
    )
    (document,), _ = analyse([("a.txt", text.encode())])
    # jieba leaves 强 and 署 alone (强/积金, 屋宇/署): the keyword takes them back
    assert {"强积金", "屋宇署"} <= set(document.keywords)
    assert not {"积金", "屋宇"} & set(document.keywords)
    # 施 ends 实施, the word before: the keyword never takes it
    assert "扩大内需战略" in document.keywords
    assert not any(word.startswith("施") for word in document.keywords)


_PHRASES = [
    "下周一，",
    "某高速施工就将进入第二阶段，",
    "也是对市民出行影响最大的一段。",
    "什么？",
    "你还不知道？",
    "5月10日起，某大桥将半幅封闭施工22天！",
    "5月20日至31日，",
    "某高速北京方向，",
    "某枢纽至某枢纽（含某大桥）",
    "将进行封闭施工！！！",
    "为什么说此次施工",
    "对市民出行影响最大？",
    "因为",
    "第二阶段的路面专项维修工程，",
    "将从某收费站往北直至某枢纽，",
    "全！封！闭！",
    "届时将对市民过江、",
    "前往南通、靖江等地，",
    "造成最直观的影响。",
    "注意：由北往南高速通行不受影响。",
    "01",
    "相关路段强制分流，听从交警指挥疏导",
    "5月20日-31日，某枢纽转某高速往北京方向匝道和4个收费站的入口，将利用隔离设施进行封闭。",
    "请大家听从现场民警指挥，关注道路电子显示屏、交通广播、指示牌诱导进行绕行。",
    "02",
    "提前规划出行路线，绕行避开施工区域",
    "由于某高速尤其是某大桥由南往北段封闭施工，相关车辆可从其他大桥或汽渡绕行过江。",
    "某地-某大道-某路-汽渡。",
    "某地-某大道-某大道-汽渡。",
    "某地-某路-某大道-汽渡。",
    "货车出行",
    "施工阶段，货车如需出行，市内各道路桥梁技术状况有限，请按指定路线通行。",
    "道路施工会给大家的出行带来不便，",
    "但短暂的维修换来的是",
    "日后的更安全、更畅通。",
    "请大家互相转告通知，",
    "愿大家都能",
    "平安出行，安全到家。",
    "来源：某某交警",
]
_STATEMENT = (
    "<p>特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“某某号”用户上传并发布，"
    "本平台仅提供信息存储服务。</p><p>Notice: The content above (including the pictures and "
    "videos if any) is uploaded and posted by a user of Some Hao, which is a social media "
    "platform and only provides information storage services.</p>"
)


def test_a_post_of_one_phrase_a_paragraph_is_read_not_the_disclaimer_under_it() -> None:
    body = "".join(f"<p>{phrase}</p>" for phrase in _PHRASES)
    markup = (
        "<html><head><title>5月20日至31日，某高速某大桥至某枢纽段封闭！_某某订阅</title></head>"
        f"<body><div id='content'>{body}</div><div class='statement'>{_STATEMENT}</div>"
        "</body></html>"
    )
    prepared = prepare(markup.encode(), "a.html")
    assert "将进行封闭施工" in prepared.text
    # none of the post's phrases is a headline the page's <title> does not give
    assert prepared.title == "5月20日至31日，某高速某大桥至某枢纽段封闭！"


def test_a_conference_something_was_launched_at_is_the_one_reported() -> None:
    lede = "刚刚，在某某2019云栖大会上，某某集团首席技术官兼某某云智能总裁张某发布了首款芯片。"
    assert name_of("某某发布最强芯片", lede) == "某某2019云栖大会"


def test_a_speech_cited_from_a_meeting_and_accounts_name_no_meeting() -> None:
    lede = "他强调，要深入贯彻习近平总书记在新时代推动西部大开发座谈会上的重要讲话精神。"
    assert name_of("李某在某地调研时强调 提高开放水平", lede) is None
    assert name_of("某某环保第一季度报告会计差错的提示性公告", "本公司现予更正。") is None


def test_a_congress_that_elects_is_held_and_its_delegates_attend_nothing_yet() -> None:
    lede = (
        "6月1日，某省党代表会议选举产生出席党的十八大代表41名。"
        "党的十八大代表，是按照党章选举产生的。"
    )
    assert name_of("某省选举产生41名出席十八大代表", lede) == "某省党代表会议"


def test_a_two_part_headline_keeps_a_first_part_that_states_a_fact_or_a_name() -> None:
    lede = "市長今天透過視訊主持區長會議，要求各區落實節能減碳。"
    for headline in (
        "視訊串聯37區　某市區長會議低碳高效",
        "各級學校開學在即　市長在校長會議期許師生正確防疫",
        "PROUD OF YOU 師展榮耀-某市113年教師節表揚大會",
    ):
        assert page(headline, lede)[0] == headline.replace("\u3000", " ")  # (spaces normalised)
    # a slogan before the event is a kicker still
    assert page("构建常态长效学习机制 市政协召开党组理论学习中心组会议", lede)[0] == (
        "市政协召开党组理论学习中心组会议"
    )


def test_a_headline_clause_glued_to_the_lede_is_cut_before_the_meeting_is_read() -> None:
    title = "某議會第12次臨時會新營召開 率先通過譴責案為和平發聲"
    lede = "率先通過譴責案為和平發聲某市議會第3屆第12次臨時會9日於某議事廳召開，大會由議長主持。"
    prepared = prepare(f"{title}\n日期：2022-03-09\n{lede}".encode(), "page.txt")
    assert prepared.meeting.name == "某市議會第3屆第12次臨時會"
    assert prepared.text.startswith("某市議會第3屆")


def test_a_lede_that_repeats_the_headline_and_goes_on_is_kept_whole() -> None:
    lede = "市政协召开常委会议，传达学习全国两会精神，市政协主席王某主持会议。"
    prepared = prepare(f"市政协召开常委会议\n{lede}".encode(), "page.txt")
    assert prepared.text.startswith("市政协召开常委会议，")


def test_last_months_sitting_recalled_gives_way_to_this_ones() -> None:
    lines = (
        "區議會討論集會安排",
        "上月舉行第四次大會中，有議員提出動議。",
        "是次為某區議會第五次大會，議員再提動議。",
    )
    assert name_of(*lines) == "某區議會第五次大會"


def test_a_headlines_meeting_beats_a_session_the_body_only_mentions() -> None:
    headline = "某省发展改革委召开某省“十五五”新兴产业发展规划编制工作座谈会"
    lede = (
        "12月3日，某省发展改革委在郑州组织召开3场座谈会，广泛听取意见建议。"
        "某省委十一届十次全会对培育壮大新兴产业作出部署。"
    )
    assert name_of(headline, lede) == "某省“十五五”新兴产业发展规划编制工作座谈会"
    # how many were held is no name either
    assert (
        name_of("某省听取意见", "12月3日，某省在郑州组织召开3场座谈会，广泛听取意见建议。") is None
    )


def test_a_rites_ceremony_is_a_meeting_held() -> None:
    lede = "某市各界114年公祭革命先烈暨陣亡將士春祭典禮今（29）日上午在忠烈祠舉行，由市長主祭。"
    assert name_of("某市春祭典禮 市長主祭", lede) == "某市各界114年公祭革命先烈暨陣亡將士春祭典禮"


def test_a_chair_named_with_the_day_and_a_notices_fields_on_one_line() -> None:
    assert people("中共中央政治局常委、国务院总理李某强1月24日下午主持召开座谈会。")[0] == [
        "李某强"
    ]
    notice = (
        "召開某某草案公聽會開會時間：中華民國110年4月8日(星期四)上午10時0分"
        "開會地點：某市議會民治議會一樓會議室(地址：某路38號)主持人：法規委員會召集人(蔡淑惠議員)"
    )
    facts = prepare(notice.encode(), "page.txt").meeting
    assert (facts.place, facts.chair) == ("某市議會民治議會一樓會議室", "蔡淑惠")


def test_a_sites_disclaimer_is_no_text_of_the_article() -> None:
    lede = "12月1日，县政协召开十届十二次常委会议，审议通过了工作报告。"
    disclaimer = (
        "某某网站对文中陈述、观点判断保持中立，不对所包含内容的准确性提供任何明示或暗示的保证。"
    )
    prepared = prepare(f"县政协召开常委会议\n{lede}\n{disclaimer}".encode(), "page.txt")
    assert "保持中立" not in prepared.text
    assert prepared.text.startswith("12月1日")


def test_where_an_earlier_edition_was_held_is_no_place_of_this_meeting() -> None:
    lede = "議長表示，交流高峰會明年邁入第10屆，是繼2018年第4屆在高雄市舉辦後，第二次移師臺灣舉行。"
    assert prepare(lede.encode(), "page.txt").meeting.place is None


def test_a_president_named_before_the_title_chairs_and_a_quoted_name_keeps_its_quotes() -> None:
    text = "賴清德總統今（8）日下午主持「某某對策委員會第1次委員會議」，致送委員聘書。"
    assert people(text)[0] == ["賴清德"]
    assert people("蕭美琴副總統今日主持會議。")[0] == ["蕭美琴"]
    text = "副總統主持「第14屆某某審薦小組」第1次會議"
    inside = ((text.index("第14屆"), len(text)),)  # a name read from inside the quote
    assert name_text(text, inside) == "「第14屆某某審薦小組」第1次會議"
    text = "第14屆某某審薦小組」第1次會議"  # a quote the page never opened
    assert name_text(text, ((0, len(text)),)) == "第14屆某某審薦小組第1次會議"


def test_wishing_a_session_success_holds_no_meeting() -> None:
    lines = (
        "某市議會第3次定期會19日開幕，議員發言踴躍",
        "某市議會第4屆第3次定期會19日起召開，大會首日由議長擔任主席。",
        "議長感謝市府團隊列席，並預祝大會圓滿成功。某市議會第3次定期會為期40天。",
    )
    assert name_of(*lines) == "某市議會第4屆第3次定期會"
