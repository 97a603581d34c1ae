"""Round 9's page shapes, written here after the real pages' noise: a brand glued before
体育 in place of a name, an agenda with no sentence, a signature's date in brackets, a photo's
caption or a byline where a title would be."""

from __future__ import annotations

import pytest

from digests.pipeline import analyse, prepare


def test_a_latin_brand_glued_before_sports_is_cut_where_a_name_was() -> None:
    page = (
        "某部召開座談會\n"
        "會議表示，某部將持續深入學習貫徹betway必威體育強軍思想和betway必威體育總書記betway"
        "必威體育關於退役軍人工作的重要論述，廣泛聽取各方面意見。\n"
        "會上，與會代表圍繞退役軍人服務保障工作提出意見建議。"
    )
    doc = prepare(page.encode(), "brand.txt")
    assert "betway" not in doc.text and "必威" not in doc.text
    assert "學習貫徹強軍思想和總書記關於退役軍人工作" in doc.text


def test_a_real_sports_lottery_meeting_keeps_its_words() -> None:
    page = (
        "全省体育彩票工作会议召开\n"
        "3月5日，全省体育彩票工作会议在某市召开，会议总结了2024年体育彩票工作。"
    )
    assert "体育彩票工作会议" in prepare(page.encode(), "lottery.txt").text


def test_an_agenda_without_sentences_still_has_highlights() -> None:
    page = (
        "區議會大會的錄音記錄\n某區區議會第十二次會議\n日期: | 2018-01-04 (星期四) |\n"
        "議程 | 討論時間 | |\n1 |\n通過會議議程\n|\n2 |\n"
        "通過二○一七年十月十二日某區區議會第十一次會議紀錄\n|\n3 |\n"
        "某區區議會第十一次會議續議事項查察表\n|\n4 |\n批核某區區議會轄下各委員會的增選委員名單 |\n"
    )
    docs, failures = analyse([("agenda.txt", page.encode())])
    assert not failures
    shown = docs[0].highlights
    assert "通過二○一七年十月十二日某區區議會第十一次會議紀錄" in shown
    assert all(not line.endswith("|") and not line.startswith("|") for line in shown)


def test_a_signature_in_brackets_dates_the_page() -> None:
    page = (
        "1月18日,某市召开全市离退休干部大会。市领导出席,全市离休干部参加。\n"
        "会后,与会领导与离休干部进行了座谈团拜。\n(2014-01-21 某市委老干部局)\n |"
    )
    assert prepare(page.encode(), "signed.txt").date == "2014-01-21"


@pytest.mark.parametrize(
    ("caption", "lede"),
    [
        (
            "與會嘉賓合影。",
            "11月17日,第三屆世界某某人懇親大會在某市開幕,共有70多個國家和地區的2300多人參與。",
        ),
        (
            "記者某某某╱紐約報導",
            "大紐約僑界21日在紐約僑教中心舉行新春團拜，僑團代表與社區人士出席聆聽致詞。",
        ),
    ],
)
def test_a_caption_or_a_byline_is_never_the_title(caption: str, lede: str) -> None:
    page = f"\n{caption}\n{lede}"
    title = prepare(page.encode(), "caption.txt").title
    assert title != caption.rstrip("。")
    assert title and title in lede
