"""Terminal text, Telegram HTML and JSON renderings of documents and digests."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from digests.digest import build_digest
from digests.model import Document, MeetingFacts
from digests.render import (
    document_json,
    hashtag,
    render_card_html,
    render_html,
    render_json,
    render_text,
)
from digests.render_html import ALLOWED_TAGS, cut_html
from digests.render_text import keyword_segments
from tests.fakebot import EntityError, check_text
from tests.fakebot.html_check import utf16_len

TRADITIONAL = Document(
    path="news/座談會.txt",
    title="區政協召開界別座談會 <聚焦> 營商環境 & 民生",
    date="2024-03-05",
    source="區政協辦公室",
    meeting=MeetingFacts(
        name="界別座談會",
        place="區政協會議室",
        chair="王芳",
        attendees=("李明", "張偉"),
        speakers=("李明",),
    ),
    keywords=("座谈会", "营商环境", "C++"),
    highlights=(
        "李明指出,要圍繞營商環境開展協商,座談會要務實。",
        "與會委員就<降低成本>&提升效率作了發言。",
    ),
    text="3月5日上午,區政協召開界別座談會。",
    simplified="3月5日上午,区政协召开界别座谈会。",
    content_hash="h1",
    simhash=1,
)
SIMPLIFIED = Document(
    path="https://example.org/news/1.html",
    title="县委召开民主生活会",
    date="2023-12-20",
    source=None,
    meeting=MeetingFacts(name="民主生活会"),
    keywords=("民主生活会", "整改"),
    highlights=("县委书记强调,要以民主生活会成果推动整改落实。",),
    text="县委召开民主生活会。",
    simplified="县委召开民主生活会。",
    content_hash="h2",
    simhash=2,
)


class TagCheck(HTMLParser):
    """Records the tags used and fails on unbalanced ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: set[str] = set()
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in self.stack, f"<{tag}> nested in itself"
        self.stack.append(tag)
        self.tags.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text += data


def check_html(message: str) -> TagCheck:
    """Parse a message as Telegram would; its tags must be allowed and balanced."""
    assert not re.search(r"&(?!amp;|lt;|gt;|quot;|#x27;)", message), "raw & in message"
    parser = TagCheck()
    parser.feed(message)
    parser.close()
    assert not parser.stack
    assert parser.tags <= ALLOWED_TAGS
    return parser


def test_card_html_escapes_text_and_bolds_keywords_in_original_script() -> None:
    html = render_card_html(TRADITIONAL)
    parsed = check_html(html)
    assert "<b>區政協召開界別座談會 &lt;聚焦&gt; 營商環境 &amp; 民生</b>" in html
    assert "<b>營商環境</b>" in html and "<b>座談會</b>" in html
    assert "&lt;降低成本&gt;&amp;提升效率" in html
    assert "<i>2024-03-05 · 區政協辦公室</i>" in html
    assert "會議：界別座談會" in parsed.text and "主持：王芳" in parsed.text  # one script per card
    assert "出席：李明、張偉" in parsed.text and "地點：區政協會議室" in parsed.text
    assert "#座談會 #營商環境 #C" in parsed.text  # the card's one script, hashtags included


def test_card_html_converts_every_string_to_the_requested_script() -> None:
    simplified = check_html(render_card_html(TRADITIONAL, script="simplified")).text
    assert "区政协召开界别座谈会" in simplified and "營" not in simplified
    traditional = check_html(render_card_html(SIMPLIFIED, script="traditional")).text
    assert "縣委召開民主生活會" in traditional and "#民主生活會" in traditional
    assert "會議：民主生活會" in traditional


def test_card_html_links_web_documents_and_labels_in_english() -> None:
    html = render_card_html(SIMPLIFIED, lang="en")
    assert '<a href="https://example.org/news/1.html"><b>县委召开民主生活会</b></a>' in html
    assert "Meeting: 民主生活会" in html
    assert "#民主生活会 #整改" in html


def test_hashtags_drop_characters_that_end_a_telegram_hashtag() -> None:
    assert hashtag("C++") == "#C"
    assert hashtag("一带一路·倡议") == "#一带一路倡议"
    assert hashtag("2024") is None and hashtag("——") is None
    assert hashtag("座谈会", "traditional") == "#座談會"


def test_keyword_runs_never_overlap() -> None:
    segments = keyword_segments("民主生活會成果", ("民主生活会", "生活会", "成果"))
    assert segments == (("民主生活會成果", True),)
    assert keyword_segments("無關", ("会议",)) == (("無關", False),)


def test_text_marks_keywords_and_shows_the_header() -> None:
    text = render_text(build_digest([TRADITIONAL, SIMPLIFIED]))
    assert text.startswith("会议要闻 · 2023-12-20 – 2024-03-05 · 2 篇\n")
    assert "【營商環境】" in text and "【民主生活会】" in text
    assert "區政協召開界別座談會 <聚焦> 營商環境 & 民生" in text  # no escaping in a terminal


def test_empty_digest_says_so() -> None:
    assert "没有可摘要的文章" in render_text(build_digest([]))
    (message,) = render_html(build_digest([]), lang="en")
    assert "Nothing to digest." in message


def test_html_digest_fits_one_message_when_small() -> None:
    (message,) = render_html(build_digest([TRADITIONAL, SIMPLIFIED]))
    parsed = check_html(message)
    assert parsed.text.startswith("会议要闻 · 2023-12-20 – 2024-03-05 · 2 篇")
    assert "关键词：" in parsed.text


def test_html_digest_splits_between_cards_within_the_limit() -> None:
    many = [
        Document(**{**document_fields(TRADITIONAL), "path": f"{i}.txt", "content_hash": str(i)})
        for i in range(40)
    ]
    card = render_card_html(many[0])
    messages = render_html(build_digest(many), limit=1000)
    assert len(messages) > 1
    for message in messages:
        assert len(message) <= 1000
        check_html(message)
    assert sum(m.count(card) for m in messages) == 40  # every card whole, none split


@pytest.mark.parametrize("limit", [120, 200, 333])
def test_a_card_longer_than_the_limit_is_cut_between_tags_and_entities(limit: int) -> None:
    long = Document(
        **{
            **document_fields(TRADITIONAL),
            "highlights": ("營商環境&座談會<b>" * 40, "短句。"),
        }
    )
    messages = render_html(build_digest([long]), limit=limit)
    for message in messages:
        assert len(message) <= limit
        check_html(message)
    shown = "".join(check_html(m).text for m in messages)
    assert shown.count("營商環境&座談會<b>") == 40


def document_fields(document: Document) -> dict[str, object]:
    """A document's fields, to build variants."""
    return {name: getattr(document, name) for name in Document.__slots__}


def test_json_has_every_field_and_keeps_chinese_readable() -> None:
    payload = json.loads(render_json([TRADITIONAL]))
    (item,) = payload["documents"]
    assert item == document_json(TRADITIONAL)
    assert set(item) >= {"path", "title", "date", "source", "meeting", "keywords"}
    assert set(item) >= {"highlights", "duplicate_of", "text"}
    assert item["meeting"] == {
        "name": "界別座談會",
        "place": "區政協會議室",
        "chair": [{"name": "王芳", "role": None}],
        "attendees": [{"name": "李明", "role": None}, {"name": "張偉", "role": None}],
        "speakers": [{"name": "李明", "role": None}],
    }
    assert "區政協召開" in render_json([TRADITIONAL])


def test_a_traditional_card_is_traditional_throughout_under_original() -> None:
    card = render_card_html(TRADITIONAL)  # the card; a mixed digest's header stays simplified
    assert "會議：界別座談會" in card and "地點：" in card
    assert "#座談會" in card and "#座谈会" not in card


def test_the_chosen_script_wins_over_the_documents() -> None:
    text = render_text(build_digest([TRADITIONAL]), script="simplified")
    assert "会议：界别座谈会" in text and "#座谈会" in text and "區" not in text


def test_json_people_are_names_with_roles() -> None:
    facts = MeetingFacts(chair="胡勇政", roles=(("胡勇政", "市委常委、统战部部长"),))
    document = Document(**{**document_fields(SIMPLIFIED), "meeting": facts})
    assert document_json(document)["meeting"]["chair"] == [
        {"name": "胡勇政", "role": "市委常委、统战部部长"}
    ]
    assert "主持：胡勇政（市委常委、统战部部长）" in render_text(build_digest([document]))


CUT_SAMPLE = (
    "<b>河湖长制</b> A &amp; B\n"
    + '<a href="https://x.cn/?a=1&amp;b=2"><b>会议 &lt;纪要&gt;</b></a>\n' * 3
)


@pytest.mark.parametrize("limit", range(2, len(CUT_SAMPLE) + 2))
def test_cut_html_never_splits_a_tag_or_an_entity(limit: int) -> None:
    cut = cut_html(CUT_SAMPLE, limit)
    assert utf16_len(cut) <= limit
    shown = check_text(cut, "HTML").plain  # valid Telegram HTML at every possible cut
    whole = check_text(CUT_SAMPLE, "HTML").plain
    if cut == CUT_SAMPLE:
        assert limit >= len(CUT_SAMPLE)
    else:
        assert shown.endswith("…") and whole.startswith(shown[:-1].rstrip("\n"))


def test_a_naive_slice_would_have_cut_inside_the_entity_and_the_tag() -> None:
    at_entity = CUT_SAMPLE.index("&amp;") + 2  # inside `&amp;`
    at_tag = CUT_SAMPLE.index("</b>") + 2  # inside `</b>`
    for limit in (at_entity, at_tag):
        with pytest.raises(EntityError):
            check_text(CUT_SAMPLE[:limit], "HTML")
    assert cut_html(CUT_SAMPLE, at_entity + 1) == "<b>河湖长制</b> A …"
    assert cut_html(CUT_SAMPLE, at_tag + 1) == "<b>河湖</b>…"


def test_cut_html_prefers_a_line_end_and_drops_a_tag_opened_at_the_cut() -> None:
    lines = "\n".join(f"{n}. <b>来源</b> https://news.example.cn/?p={n}&amp;t=会" for n in range(9))
    cut = cut_html(lines, 120)  # lines of 50: two whole ones and a part fit
    assert cut.endswith("\n…") and cut.count("\n") == 2  # two whole lines, then the mark
    assert cut_html("甲乙<b>丙丁</b>", 4) == "甲乙…"  # no empty <b></b> left behind
    assert cut_html("😀" * 10, 7) == "😀😀😀…"  # counted in UTF-16 units, as Telegram does
