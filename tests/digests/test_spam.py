"""Injected spam and emoji cut out before anything reads the page; news about lotteries stays."""

from __future__ import annotations

from digests.digest import build_digest
from digests.pipeline import analyse, prepare
from digests.render import render_text

TITLE = "某市工商联召开十三届三次执委会议"


def digest_of(text: str) -> str:
    documents, failures = analyse([("page.txt", text.encode())])
    assert failures == []
    return render_text(build_digest(documents))


def test_a_casino_brand_with_a_colon_before_every_third_clause() -> None:
    text = "\n".join(
        [
            TITLE,
            "8月5日上午，某市工商联十三届三次执委会议在市会议中心召开，"
            "某某娱乐：会议传达了全国工商联有关会议精神，听取了常委会工作报告，"
            "某某娱乐：审议通过了有关人事事项，市工商联主席张立新主持会议。",
            "张立新指出，要团结引导民营企业家坚定发展信心，某某娱乐：为全市高质量发展贡献力量。",
        ]
    )
    shown = digest_of(text)
    assert "某某娱乐" not in shown
    assert "十三届三次执委会议" in shown and "张立新" in shown


def test_a_brand_in_place_of_the_organisation() -> None:
    text = (
        f"{TITLE}\n8月5日，某某手机官网入口·(中国)官方网站召开十三届三次执委会议，"
        "市工商联主席张立新主持会议并讲话。"
    )
    page = prepare(text.encode(), "page.txt")
    assert "官网" not in page.text and "官方网站" not in page.text
    assert page.meeting.chair == "张立新"


def test_a_forum_brand_pasted_into_unrelated_sentences() -> None:
    text = "\n".join(
        [
            "8月5日上午，某区议会举行首次会议，选出正副主席。fk 7% R# q2 gzbbs论坛 8y",
            "会议又通过成立七个事务委员会处理区内议题。gzbbs论坛 3@ p; K1",
            "区议会主席陈志强表示，将广泛听取市民意见。gzbbs论坛",
        ]
    )
    shown = digest_of(text)
    assert "gzbbs" not in shown.lower() and "论坛" not in shown
    assert "7%" not in shown and "首次会议" in shown


def test_emoji_in_official_prose_are_removed() -> None:
    text = f"{TITLE}\n8月5日上午🎉，某市工商联十三届三次执委会议👍在市会议中心召开🔥。"
    page = prepare(text.encode(), "page.txt")
    assert page.text == "8月5日上午，某市工商联十三届三次执委会议在市会议中心召开。"


def test_a_real_lottery_meeting_and_macau_as_a_place_survive() -> None:
    text = "\n".join(
        [
            "全省体育彩票工作会议在澳门召开",
            "9月23日上午，2024年全省体育彩票工作会议在澳门召开。省体彩中心主任李华主持会议。",
            "会议要求，体育彩票要坚持公益属性，打造公益体育彩票、责任体育彩票、诚信体育彩票。",
            "各市体彩中心负责人参加会议，围绕体育彩票市场形势作交流发言。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert page.title == "全省体育彩票工作会议在澳门召开"
    assert page.meeting.name == "2024年全省体育彩票工作会议"
    assert page.meeting.place == "澳门"
    assert page.text.count("体育彩票") == 6


def test_a_loan_word_used_three_times_is_not_spam() -> None:
    text = (
        "2015年2月5日，市政府召开专题会议，研究中小企业借款难问题。会议指出，"
        "要拓宽借款渠道，规范民间借款行为，切实减轻企业负担。"
    )
    page = prepare(text.encode(), "post.txt")
    assert "借款" in page.text and page.sentences


def test_a_shops_advert_before_the_headline_is_cut_out() -> None:
    advert = "某某購物《shop.tw》特貨品商城，某某宅配，取貨付款，"
    lede = "3月5日上午，某市工商联十三届三次执委会议在市会议中心召开，市工商联主席张立新主持会议。"
    page = prepare(f"{advert}{TITLE}\n{lede}".encode(), "page.txt")
    assert page.title == TITLE
    assert "宅配" not in digest_of(f"{advert}{TITLE}\n{lede}")


def test_a_report_on_an_online_shop_keeps_its_words() -> None:
    lede = "3月5日，某县召开电商工作推进会，会议要求扩大网上商城覆盖面。"
    assert "网上商城" in digest_of(f"某县召开电商工作推进会\n{lede}")


def test_a_line_stuffed_with_porn_search_terms_is_dropped_whole() -> None:
    text = "\n".join(
        [
            "亚洲精品一区二区三区在线,国产精品久久久久免费,婷婷综合五月,成人综合网站",
            "首页 > 新闻",
            TITLE,
            "2024-08-06 10:20:00",
            "8月5日上午，某市工商联十三届三次执委会议在市会议中心召开，主席张立新主持。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert (page.title, page.date) == (TITLE, "2024-08-06")
    assert "精品" not in page.text


def test_a_casino_domain_in_place_of_the_schools_name() -> None:
    text = "\n".join(
        [
            "李明校长出席2046ab金沙党委中心组学习会",
            "发布日期：2019年03月22日",
            "3月21日，李明校长出席了2046ab金沙党委中心组学习会，2046ab金沙领导班子成员参加。"
            "会后，他对2046ab金沙如何抓好学习提出要求。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert page.title == "李明校长出席党委中心组学习会"
    assert "2046ab" not in page.text and "金沙" not in page.text


def test_a_latin_brands_official_site_in_place_of_the_organiser() -> None:
    text = (
        f"{TITLE}\n1月11日，winbet赢家唯一中国官方网站联合某区总工会举办了宣讲报告会，"
        "百余名职工代表参加。"
    )
    page = prepare(text.encode(), "page.txt")
    assert "winbet" not in page.text and "官方网站" not in page.text
    assert "联合某区总工会举办了宣讲报告会" in page.text


def test_a_scrambled_forum_copy_loses_its_names_and_latin_runs() -> None:
    text = "\n".join(
        [
            "8月5日上午，某區議會舉行特別會議，討論區內交通事宜。",
            "+ k# Q7 w# ?( r1 {abc tv,abctv,xxabc區議會主席表示會議如期舉行某某箱論壇- A. n( D2",
            "; S) B7 z% {9 abc tv,abctv,xxabc某某箱論壇 f* D! b9 x2",
            "% L0 ]- w- v abc tv,abctv,xxabc 區議會主席陳志強表示，將聽取市民意見。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert "箱論壇" not in page.text and "abc" not in page.text.lower()
    assert "區議會主席表示會議如期舉行" in page.text


def test_a_scrambling_run_beside_a_date_leaves_the_date_whole() -> None:
    text = f"{TITLE}\n时间: 2024-03-05 ^% E# K1 ?6 来源：某某网\n8月5日，某市工商联执委会议召开。"
    assert prepare(text.encode(), "page.txt").date == "2024-03-05"


def test_a_long_mixed_case_brand_alone_atop_the_page_and_inside_its_prose() -> None:
    brand = "百游会·K8-官方网站"
    text = "\n".join(
        [
            brand,
            TITLE,
            "2024-08-06",
            f"{brand}8月5日上午，某市工商联十三届三次执委会议在市会议中心召开，主席张立新主持。",
            f"会议审议通过了有关人事事项。{brand}",
            f"{brand}：张立新指出，要团结引导民营企业家坚定发展信心。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert "百游" not in page.text and "K8" not in page.text
    assert page.title == TITLE


def test_a_brand_word_in_a_real_headline_is_its_topic() -> None:
    headline = "某市体育彩票管理中心召开平台建设推进会"
    text = "\n".join(
        [
            headline,
            "8月5日，某市体育彩票管理中心召开平台建设推进会，部署彩票销售平台建设。",
            "会议要求，平台建设要稳步推进，确保平台安全运行。",
        ]
    )
    assert "平台建设" in prepare(text.encode(), "page.txt").text


def test_a_latin_betting_brand_glued_into_one_sentence() -> None:
    for brand in ("好赢winbig官网", "play888体育"):
        lede = f"8月5日上午，某市工商联十三届三次执委会{brand}议在市会议中心召开，主席张立新主持。"
        page = prepare(f"{TITLE}\n{lede}".encode(), "page.txt")
        assert "十三届三次执委会议在市会议中心召开" in page.text, brand
    # a year before a sports meeting is no brand
    lede = "8月5日，某市召开2024体育工作会议，副市长张立新出席。"
    assert "2024体育工作会议" in prepare(f"{TITLE}\n{lede}".encode(), "page.txt").text


def test_a_casino_domain_before_a_sessions_number_leaves_the_number() -> None:
    text = "\n".join(
        [
            "中国共产党3071ab金沙总站第一次代表大会召开",
            "发布日期：2021年06月12日",
            "6月11日，中国共产党3071ab金沙总站第一次代表大会预备会召开。"
            "会议由党委书记王某主持。此次预备会是中国共产党3071ab金沙总站第一次代表大会的前奏，"
            "为3071ab金沙总站第一次代表大会做好准备。",
        ]
    )
    page = prepare(text.encode(), "page.txt")
    assert page.title == "中国共产党第一次代表大会召开"
    assert page.meeting.name == "中国共产党第一次代表大会预备会"
    assert "3071ab" not in page.text and "金沙" not in page.text
