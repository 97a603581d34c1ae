"""Titles by evidence, on pages of our own that imitate each kind of furniture real sites add."""

from __future__ import annotations

import pytest

from digests.pipeline import prepare
from digests.title import echo, strip_decoration

LEDE = (
    "3月5日上午，某区政协十四届五次常委会议在区行政中心召开。区政协主席王建国主持会议。"
    "会议听取了区政协各专委会关于年度协商计划的汇报，审议通过了有关人事事项。"
)
TITLE = "某区政协召开十四届五次常委会议"
BYLINE = "2024-03-05 来源：某区政协"


def title_of(*head: str, body: str = LEDE, name: str = "page.txt") -> str:
    return prepare("\n".join([*head, body]).encode(), name).title


FURNITURE = {
    "skip links": ["跳過導航", "按Enter到主內容區", ":::", "跳到主要內容區塊", "無障礙"],
    "breadcrumbs": ["网站首页 / 新闻中心 / 工作动态", "新闻中心", "综合新闻"],
    "widgets": ["放大+ 缩小- 默认", "[ 设为首页 ] [ 加入收藏 ]", "无障碍版 长者模式 登录"],
    "browser warning": ["Your browser does not support JavaScript, please upgrade"],
    "masthead and slogan": ["某区人民政府门户网站", "凝心聚力 奋进新时代"],
}


@pytest.mark.parametrize("kind", sorted(FURNITURE))
def test_furniture_above_the_headline_is_never_the_title(kind: str) -> None:
    assert title_of(*FURNITURE[kind], TITLE, BYLINE) == TITLE


NOTICES = [
    "為達最佳瀏覽效果，建議使用新版 Google Chrome、Mozilla Firefox 或 Microsoft Edge 瀏覽器。",
    "您即將進入的頁面內容須滿18歲方可瀏覽。",
    "本站部分內容依網站分級規定加以標示，未滿十八歲者請勿瀏覽，以維護兒少身心健康。",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_notice_written_as_a_sentence_is_no_first_paragraph(notice: str) -> None:
    caption = "區政協主席王建國主持會議，委員們踴躍發言。(圖/某區政協提供)"
    assert title_of(notice, TITLE, caption) == TITLE


def test_a_keywords_line_under_the_byline_is_no_headline() -> None:
    head = [
        "全國人大常委會議事規則的歷史沿革",
        "2021-03-24 09:56 某某某",
        "關鍵詞:全國人民代表大會議事規則",
    ]
    lede = "1989年全國人民代表大會通過議事規則,此後常委會議事規則歷經修改,制度日益完善。"
    assert title_of(*head, body=lede) == head[0]


def test_the_line_above_a_labelled_byline_past_widgets_and_a_long_menu() -> None:
    menu = [f"{name}地区" for name in "东南西北中上下左右前后内外甲乙丙丁戊己庚"]
    widgets = ["省级重点学科", "综合类/公办", "排名: 第28名", "综合指数: 61.5", "热度: 3200"]
    head = [*menu, TITLE, "时间: 2024-03-05 来源: 某区政协 浏览量: 120", *widgets]
    assert title_of(*head) == TITLE


def test_a_reprint_notice_at_the_end_names_the_headline() -> None:
    notice = f"《{TITLE}》由某某新闻网提供，转载请注明出处：http://a.cn/1.html，谢谢合作！"
    credits = "图文：某区政协办公室 审核：张三 编辑：李四"
    assert title_of(body=f"{LEDE}\n{credits}\n{notice}") == TITLE
    # a document quoted in the body is no headline
    quoted = "会议学习了《某区政协提案工作条例》，要求各单位抓好落实，转载时请注明出处。"
    assert title_of(body=f"{LEDE}\n{quoted}") != "某区政协提案工作条例"


def test_a_kicker_on_its_own_line_above_a_headline_stating_an_event() -> None:
    kicker, headline = "庆祝某某学会成立40周年", "某学会会员在京座谈 王建国李明出席"
    lede = (
        "本报北京讯(记者 某某) 11月27日,庆祝某某学会成立40周年会员座谈会在京举行。"
        "王建国指出,庆祝某某学会成立40周年活动要办出特色。李明参加座谈。"
    )
    assert title_of(kicker, headline, body=lede) == headline


def test_a_headline_under_the_article_with_days_written_slashed() -> None:
    lede = (
        "【本報訊】甲鄉民代表會第八屆第二次定期會於4月27日開議,乙鄉定期會則於5月2日開議,"
        "會期八天,鄉代表將聽取鄉公所施政報告並審查總決算。"
    )
    agenda = [f"4月{day}日議程:審查第{day}號提案。" for day in range(27, 31)]
    agenda += [f"5月{day}日議程:鄉政考察第{day}站。" for day in range(1, 21)]
    headline = "鄉代會第八屆第二次定期會 甲鄉4/27、乙鄉5/2開議"
    page = [lede, *agenda, headline, "- 2007-04-25"]
    assert title_of(body="\n".join(page)) == headline


def test_a_related_story_below_the_article_is_not_the_headline() -> None:
    related = ["相关新闻", "某县召开安全生产工作会议 2024-03-01", "某镇开展消防演练 2024-02-28"]
    assert title_of(TITLE, BYLINE, body=LEDE + "\n" + "\n".join(related)) == TITLE


def test_a_kicker_gives_way_to_the_headline_it_introduces() -> None:
    assert title_of("凝心聚力谋发展 实干担当开新局", TITLE, BYLINE) == TITLE


@pytest.mark.parametrize(
    "prefixed", ["原创 " + TITLE, "完整版[视频]" + TITLE, "【政协动态】" + TITLE]
)
def test_prefixes_are_stripped(prefixed: str) -> None:
    assert title_of(prefixed, BYLINE) == TITLE


def test_spam_inside_the_headline_is_cut_out() -> None:
    assert title_of("某某娱乐平台·(中国)官方网站" + TITLE, BYLINE) == TITLE


def test_a_site_name_suffix_is_dropped() -> None:
    assert strip_decoration(TITLE + "_某区人民政府") == TITLE
    assert strip_decoration(TITLE + "--时政--某某网") == TITLE


def test_html_headline_is_checked_against_the_body() -> None:
    page = (
        "<html><head><title>新闻动态--某区政协官网</title>"
        f'<meta property="og:title" content="{TITLE}"></head>'
        f"<body><h1>某区政协官网</h1><div><p>{LEDE}</p></div></body></html>"
    )
    assert prepare(page.encode(), "page.html").title == TITLE


def test_without_a_headline_the_title_is_cut_from_the_lede() -> None:
    page = prepare(LEDE.encode(), "page.txt")
    assert page.title == "某区政协十四届五次常委会议"


def test_echo_measures_the_headline_words_the_body_repeats() -> None:
    assert echo(TITLE, LEDE) > 0.6 > echo("凝心聚力奋进新时代", LEDE)


def test_a_slogan_on_the_headlines_line_is_dropped() -> None:
    assert title_of("凝心聚力谋发展 " + TITLE, BYLINE) == TITLE


@pytest.mark.parametrize(
    "headline",
    [
        "以换届为契机 某区政协十四届五次常委会议召开",  # an adverbial, not a slogan
        "某区政协 5日召开十四届五次常委会议",  # the council is the headline's subject
    ],
)
def test_a_headline_in_two_parts_stays_whole(headline: str) -> None:
    assert strip_decoration(headline) == headline


def test_a_column_tag_before_a_bar_is_stripped() -> None:
    assert title_of("V视 | 【“两会”动态】" + TITLE, BYLINE) == TITLE


def test_a_column_name_and_an_hour_on_the_title_line_go_with_the_byline() -> None:
    assert title_of(TITLE + " 政情 发布时间: 2024/03/05", body=LEDE) == TITLE
    assert title_of(TITLE + " (15:30)", BYLINE) == TITLE


def test_a_headline_glued_to_its_byline_and_lede_is_the_title() -> None:
    assert title_of(TITLE + " 政情 发布时间: 2024/03/05 分享: " + LEDE) == TITLE


def test_an_institutions_name_after_a_space_is_a_site_suffix() -> None:
    assert strip_decoration(TITLE + " 某某省中医药研究院附属医院") == TITLE
    # a short one too, and a street office's
    assert strip_decoration(TITLE + " 东区办事处_某某网") == TITLE
    assert strip_decoration(TITLE + " 某县医院") == TITLE


def test_the_html_title_beats_a_first_line_of_prose() -> None:
    title = "父亲节读诗，几首古诗里的家风"
    page = (
        f"<html><head><title>{title}--文化--某某网</title></head><body><h1>{title}</h1>"
        "<p>父爱如山高大而巍峨，父爱如海宽广而辽阔，让我们一起读诗，收藏诗中那一份感动。</p>"
        "<p>古人学问无遗力，少壮工夫老始成。纸上得来终觉浅，绝知此事要躬行。</p></body></html>"
    )
    assert prepare(page.encode(), "page.html").title == title


def test_a_ledes_opening_words_broken_onto_their_own_line_are_no_headline() -> None:
    page = prepare(
        "2024年3月5日上午，某镇在镇政府三楼会议室召开了\n"
        "全镇村级换届选举工作会议。会议由镇长王建国主持，全体班子成员参加。".encode(),
        "page.txt",
    )
    assert (page.title, page.date) == ("全镇村级换届选举工作会议", "2024-03-05")


def test_a_line_of_image_markup_is_no_paragraph_to_cut_a_title_from() -> None:
    picture = "data:image/png;base64," + "iVBORw0KGgo" * 8
    markup = f"<image>![{picture}](合影.jpg)</image>"
    assert title_of(markup) == "某区政协十四届五次常委会议"


def test_a_meeting_too_short_to_name_the_page_gives_way_to_the_first_clauses() -> None:
    lede = "3月2日晚，某界代表委员汇聚一堂，畅叙友情。某主席出席联谊会并致词。"
    assert prepare(lede.encode(), "page.txt").title == "某界代表委员汇聚一堂，畅叙友情"


def test_a_blogs_byline_before_the_headline_on_one_line() -> None:
    head = "| 某某 於 3/9/2012 8:05:12 PM 發表 2012.03.09 議員早起排隊搶質詢時段"
    lede = "今(9)日是某縣議會定期大會議員報到的日子，二十多位議員一早就到議會排隊，搶質詢時段。"
    page = prepare(f"{head}\n{lede}".encode(), "page.txt")
    assert (page.title, page.date) == ("議員早起排隊搶質詢時段", "2012-03-09")


def test_a_sentence_a_forum_copy_repeats_on_lines_of_its_own_is_the_headline() -> None:
    headline = "某區區議會舉行特別會議。"
    page = prepare(
        "\n".join(
            [
                "民政事務處早已表示會議討論事宜不屬區議會職能",
                "本站含有熱門話題，最新最快電視，軟體，遊戲，電影及日常生活等資訊。",
                headline,
                "某區區議會今日舉行特別會議，討論區內交通事宜，並通過兩項動議。",
                headline,
                "會議其後通過動議，要求有關部門回應。",
                headline,
            ]
        ).encode(),
        "page.txt",
    )
    assert page.title == "某區區議會舉行特別會議"


def test_a_headline_right_above_the_article_past_a_long_menu() -> None:
    menu = [f"• 某某日報{n}版" for n in range(30)]
    assert title_of(*menu, TITLE, BYLINE) == TITLE


def test_a_mastheads_founding_year_is_furniture_and_taiwans_event_words_count() -> None:
    headline = "某區114年里鄰長研習 強化服務量能共造幸福城市"
    lede = (
        "臺中市某區區公所今(2)日舉辦114年度里鄰長研習會，邀請講師分享最新的法令規章，"
        "區長王大同表示，研習可以增進鄰里情誼，認識市府的各項政策。\n"
        "1、留言勿涉及人身攻擊。2、《某某報導》會刪除未能遵守上述規定者的留言。"
    )
    assert title_of(headline, "某某報導\\1990創刊", body=lede) == headline
    council = "全國議長聯誼會某縣登場 提5案促地方發聲"
    lede = "全國議長聯誼會今日在某縣登場，各縣市議長齊聚一堂，會中提出5案，促地方發聲。"
    assert title_of(council, body=lede) == council


def test_a_caption_under_a_picture_is_no_headline() -> None:
    headline = "某區里鄰長研習會，提升基層服務效能"
    lede = (
        "某區區公所今日舉辦里鄰長研習會，提升基層服務效能。某區區長王大同表示，里鄰長扮演關鍵角色，"
        "重大建設皆仰賴里鄰長的協助與推動。"
    )
    assert title_of(headline, "![]() |", "某區區長王大同 |", body=lede) == headline


def test_a_headline_printed_again_under_itself_in_two_parts_stays_whole() -> None:
    lede = "【某地訊】某市議會第三屆第一次定期大會今(29)日上午開幕，議長王大同宣布開議。"
    head = [
        "某市長參與某市議會第三屆第一次定期大會開幕",
        "某市長參與某市議會",
        "第三屆第一次定期大會開幕",
    ]
    assert title_of(*head, "記者 李四 圖 王五", body=lede) == head[0]


def test_a_headline_broken_before_a_bracketed_word_is_joined() -> None:
    lede = (
        "1月28日，团县委召开会议，传达学习团市委十七届四次全委(扩大)会议精神。团县委书记王五主持。"
    )
    got = title_of("团县委传达团市委十七届四次全委", "(扩大)会议精神", body=lede)
    assert got == "团县委传达团市委十七届四次全委(扩大)会议精神"
    assert title_of(TITLE, "(附图)", BYLINE) == TITLE


# --- round 7: layouts of real pages (the fixtures are ours, the shapes the pages') ------

WIRE_LEDE = (
    "全省统战部长会议5日在某市召开。省委常委、统战部部长王建国出席会议并讲话。"
    "会议总结了去年的统战工作，部署了今年的重点任务。"
)


@pytest.mark.parametrize("tag", ["《驻京专电》", "《某社快讯》", "《特稿》"])
def test_a_wire_items_kind_in_brackets_is_no_part_of_the_headline(tag: str) -> None:
    headline = "全省统战部长会议召开，王建国：把团结放在首位"
    assert strip_decoration(f"{tag}{headline}") == headline
    assert title_of(f"{tag}{headline}", body=WIRE_LEDE) == headline


def test_a_works_name_in_brackets_opening_a_headline_stays() -> None:
    assert strip_decoration("《某某》杂志年度五佳作品揭晓") == "《某某》杂志年度五佳作品揭晓"


def test_a_subtitle_naming_who_came_is_not_the_headline() -> None:
    lede = (
        "王建国在全省统战部长会议上指出，统战工作要坚持大团结大联合。王建国强调，要加强队伍建设。"
    )
    assert title_of("全省统战部长会议在某市召开", "|", "王建国出席并讲话 |", body=lede) == (
        "全省统战部长会议在某市召开"
    )


def test_a_quote_headline_on_two_lines_under_a_speech_kicker() -> None:
    lede = (
        "全省统战部长会议于3月4日至5日在某市举行。省委常委王建国在会上讲话，强调要进一步"
        "开创统战工作新局面，以优异成绩迎接建省七十周年。"
    )
    head = [
        lede,
        "王建国在全省统战部长会议上强调",
        "进一步开创统战工作新局面",
        "以优异成绩迎接建省七十周年",
    ]
    page = prepare("\n".join([*head, f"某报某市3月5日电 {lede}"]).encode(), "page.txt")
    assert page.title == "进一步开创统战工作新局面 以优异成绩迎接建省七十周年"


def test_a_headline_over_a_labelled_byline_though_the_text_is_another_story() -> None:
    # a spam host prints a story's headline and byline over another story's text
    head = ["某某杂志年度五佳作品揭晓", "发布时间：2022.02.07 来源：某某报 作者：张三 阅读：75次"]
    page = prepare("\n".join([*head, WIRE_LEDE]).encode(), "page.txt")
    assert (page.title, page.date) == ("某某杂志年度五佳作品揭晓", "2022-02-07")


def test_the_items_of_a_table_of_contents_are_no_headlines() -> None:
    contents = ["某某股份有限公司2025年第二次临时股东大会会议材料", "时间：2025年11月06日 22:15"]
    contents += ["目录", "一、程序文件", "1.会议议程", "2.会议须知", "2.01《股东会议事规则》"]
    body = "\n".join(
        ["1.会议议程", "2.会议须知", "2.01《股东会议事规则》"] * 3
        + ["现场会议召开时间：2025年11月14日14:40，通过交易系统投票平台的投票时间为当日交易时间。"]
    )
    assert title_of(*contents, body=body) == contents[0]


def test_a_headline_opening_with_a_number_is_no_list_item() -> None:
    headline = "3.15 消费者权益日宣传活动举行"
    lede = "3月15日上午，某区消费者权益日宣传活动在区文化广场举行，区市场监管局局长王建国出席。"
    assert title_of(headline, BYLINE, body=lede) == headline


def test_the_one_line_above_the_first_paragraph_under_a_breadcrumb() -> None:
    lede = (
        "2月22日，某部邀请部分人大代表、政协委员召开座谈会，听取对卫生事业发展的意见建议。"
        "记者梳理发现，多个部门近日召开了代表委员座谈会。"
    )
    assert title_of("首页>政协·协商>最政协", "两会临近 代表委员都在忙啥", body=lede) == (
        "两会临近 代表委员都在忙啥"
    )


def test_a_subtitle_opening_with_a_dash_is_not_the_headline() -> None:
    lede = (
        "某区政协委员王建国长期扎根社区。作为某区政协委员，王建国深入社区调研，"
        "记录居民诉求，提交提案十余件，推动老旧小区改造落地。"
    )
    assert (
        title_of("在平凡岗位上书写担当", "——记某区政协委员王建国", body=lede)
        == "在平凡岗位上书写担当"
    )


def test_a_dashed_line_stating_the_event_under_a_slogan_is_the_headline() -> None:
    lede = "9月23日上午，2020年全省某某工作会议在某市召开。会议总结工作，提升治理水平。"
    head = [
        "统筹推进风险防控、提升治理水平，推动事业健康发展",
        "——2020年全省某某工作会议在某市召开",
    ]
    assert title_of(*head, "发布时间：2020-09-24", body=lede) == "2020年全省某某工作会议在某市召开"


@pytest.mark.parametrize("suffix", ["(图)", "（组图）", "[视频]", "【附视频】"])
def test_what_a_headline_says_it_carries_after_it_is_no_part_of_it(suffix: str) -> None:
    assert strip_decoration(f"某区召开常委会议{suffix}") == "某区召开常委会议"
    assert title_of(f"{TITLE}{suffix}", BYLINE) == TITLE


def test_a_bracketed_word_ending_a_headline_that_is_no_media_stays() -> None:
    assert strip_decoration("某区召开常委会议(扩大)") == "某区召开常委会议(扩大)"


@pytest.mark.parametrize(
    ("written", "headline"),
    [
        ("聚焦两会丨某某代表建议加强基层治理", "某某代表建议加强基层治理"),
        (f"{TITLE}丨某某新闻网", TITLE),
    ],
)
def test_the_vertical_stroke_separates_a_column_or_a_site_name(written: str, headline: str) -> None:
    assert strip_decoration(written) == headline


def test_an_original_headlines_label_is_no_part_of_it() -> None:
    assert strip_decoration("原标题：某区召开常委会议") == "某区召开常委会议"
    assert title_of("原标题：某区政协召开十四届五次常委会议", BYLINE) == TITLE


def test_a_numbered_caption_atop_the_page_is_no_headline() -> None:
    # `图1 …合影留念` names the picture, not the article: the title is cut from the lede
    lede = (
        "  2019年5月8日下午，由某县建材商会承办的某县商会会长联席会在县会展中心三楼会议室召开，"
        "全县十二家商会的会长、秘书长等四十余人参加了会议。"
    )
    assert title_of("图1  某县商会会长联席会与会代表合影留念", body=lede) == "某县商会会长联席会"


def test_a_forums_edit_note_is_not_the_posts_first_words() -> None:
    post = (
        "本帖最后由 山海客 于 2016-3-2 21:05 编辑 <br /><br />3月1日，某镇第九届人民代表大会"
        "第一次会议在镇政府礼堂召开，全镇五十名人大代表出席了会议。大会听取并审议通过了镇人民政府"
        "工作报告。"
    )
    assert title_of("请登录后查看", body=post) == "某镇第九届人民代表大会第一次会议"


def test_a_date_after_a_preposition_is_the_sentences_not_a_byline() -> None:
    # `某某同乡会于2019年8月30日…`: not a title `某某同乡会于` glued to its date
    lede = (
        "某某同乡会于2019年8月30日完成了第九届理事会换届选举，王大同当选为会长。"
        "新届理事会于9月21日举行了就职典礼，各界嘉宾到场祝贺。"
    )
    assert title_of(body=lede) == "新届理事会于9月21日举行了就职典礼"  # the clause of the meeting


@pytest.mark.parametrize(
    ("lede", "title"),
    [
        (  # a byline's date opening the lede
            " date 2024-06-14 本屆立法機關的第三個會期於今（14）日正式結束，院長特地率相關部會首長"
            "前往議場致意。（記者某某攝）",
            "本屆立法機關的第三個會期於今（14）日正式結束",
        ),
        (  # a bracketed dateline
            "(某地12日讯)某某商会会长王大同指出，经过三年的疫情冲击之后，今年本会与各地商会往来最频繁。",
            "某某商会会长王大同指出，经过三年的疫情冲击之后",
        ),
        (  # a bracketed reporter's credit
            "【某某報記者李四報導】某市議會第3屆第2次定期會自5月6日起，議程進入市政總質詢，議會表示"
            "將於網路同步直播。",
            "某市議會第3屆第2次定期會自5月6日起，議程進入市政總質詢",
        ),
        (  # a bullet
            "■王大同副主任、李四等出席某某同鄉會慶祝該會成立六十周年活動並致辭，場面熱烈。",
            "王大同副主任",
        ),
    ],
)
def test_a_title_cut_from_the_lede_leaves_out_what_opens_it(lede: str, title: str) -> None:
    assert title_of(body=lede) == title


def test_a_title_cut_from_the_lede_leaves_no_bracket_open() -> None:
    lede = (
        "某縣議會第五屆第二次定期會的全部議程與各項提案已經審查完畢（共計14案）並順利閉會，"
        "議長王大同宣布散會。"
    )
    assert title_of(body=lede) == "某縣議會第五屆第二次定期會的全部議程與各項提案已經審查完畢"


@pytest.mark.parametrize("when", ["9月4日，", "2024年9月4日上午，", "近日，", "日前,"])
def test_a_title_cut_from_the_lede_leaves_out_its_opening_day(when: str) -> None:
    # the day is shown as the page's date; the title says what happened
    lede = f"{when}某县工商联一行五人赴某市考察学习，双方就商会建设深入交流。某主席陪同考察。"
    assert title_of(body=lede) == "某县工商联一行五人赴某市考察学习，双方就商会建设深入交流"


def test_a_long_first_clause_is_cut_before_where_it_was_held() -> None:
    # no comma within BODY_TITLE: cut before `前晚在…`, not in the middle of the place's name
    lede = (
        "某某同乡会成立七十周年暨第三十届理事会就职典礼前晚在某某会议展览中心隆重举行，"
        "各界嘉宾五百余人出席。"
    )
    assert title_of(body=lede) == "某某同乡会成立七十周年暨第三十届理事会就职典礼"


def test_a_speech_headline_over_view_counts_opens_the_article() -> None:
    # a speech's headline echoes little of the speech; the counters between it and the
    # first paragraph (views, comments) are furniture, so it is still the line above it
    page = (
        "開幕典禮主席陳為民致詞全文\n0\n589\n"
        "今天我非常榮幸能夠來參加某某聯合總會第十屆第四次全體理事會議。\n"
        "某某總會是於民國四十一年十月廿一日﹐在台北舉行第一次全球會議時﹐當時與會全球代表"
        "決議成立的一個全球性的組織﹐至今已歷經五十六年的歲月。"
    )
    assert prepare(page.encode(), "speech.txt").title == "開幕典禮主席陳為民致詞全文"


def test_who_chaired_and_who_came_is_a_subtitle_under_any_headline() -> None:
    # the headline states no meeting word; the line under it names the people only
    page = (
        "原题:\n某省宣讲团来某市宣讲全会精神\n王某主持李某某张某某等出席\n"
        "根据统一部署，26日上午，某省宣讲团报告会暨市委理论学习中心组(扩大)会议在某大剧院举行。"
        "市委书记王某主持。李某某、张某某等市委理论学习中心组成员出席。宣讲团成员作宣讲报告。\n"
        "报告会上，宣讲团成员围绕全会精神作了深入解读。"
    )
    assert prepare(page.encode(), "kicker.txt").title == "某省宣讲团来某市宣讲全会精神"
