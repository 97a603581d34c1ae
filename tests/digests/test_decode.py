"""Tests for digests.decode."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from digests.decode import DecodeError, decode, is_html
from digests.model import DigestError

NOISE = Path(__file__).resolve().parent.parent / "fixtures" / "noise"
SIMPLIFIED = "区政协召开党派团体负责人座谈会，听取各方面意见建议。会议由区政协主席主持。"
TRADITIONAL = "區政協召開黨派團體負責人座談會，聽取各方面意見建議。會議由區政協主席主持。"


def test_seeds_decode_as_utf8(seed_bytes: dict[int, bytes]) -> None:
    for data in seed_bytes.values():
        decoded = decode(data, "seed.txt")
        assert decoded.encoding == "utf-8"
        assert decoded.text == data.decode("utf-8")
        assert decoded.title is None


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"))
    decoded = decode(path.read_bytes(), path.name)
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == "utf-8-sig"


def test_utf16_with_bom_is_read() -> None:
    assert decode(TRADITIONAL.encode("utf-16")).text == TRADITIONAL


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL])
def test_gbk_page_is_read(text: str) -> None:
    decoded = decode(text.encode("gbk"), "page.txt")
    assert decoded.text == text
    assert decoded.encoding == "gb18030"


def test_big5_page_is_read() -> None:
    decoded = decode(TRADITIONAL.encode("big5"), "page.txt")
    assert decoded.text == TRADITIONAL
    assert decoded.encoding.startswith("big5")


@pytest.mark.parametrize("word", ["學習", "會議", "召開會議", "統戰部"])
def test_short_big5_prefers_real_words_to_common_characters(word: str) -> None:
    # 學習 in Big5 bytes also reads as GBK 厩策: common characters, but no word.
    assert decode(word.encode("big5")).text == word


@pytest.mark.parametrize("word", ["学习", "会议", "召開會議"])
def test_short_gbk_is_not_taken_for_utf8_or_big5(word: str) -> None:
    assert decode(word.encode("gbk")).text == word


def test_extension_does_not_decide_the_encoding() -> None:
    assert decode(TRADITIONAL.encode("big5"), "page.utf8.html").text == TRADITIONAL


def test_utf8_cut_mid_character_is_kept_with_a_replacement() -> None:
    decoded = decode(SIMPLIFIED.encode("utf-8")[:-1])
    assert decoded.text == SIMPLIFIED[:-1] + "\ufffd"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b" \n\t\n", "empty"),
        (b"\x00\x01\x02PK\x03\x04" + bytes(64), "binary"),
        (bytes(range(1, 32)) * 8, "binary"),
        (b"caf\xe9 \x80\x80\xff\xfe au lait", "undecodable"),
    ],
)
def test_non_text_raises_a_clear_decode_error(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data, "bad.txt")
    assert issubclass(DecodeError, DigestError)


def _page(charset: str) -> str:
    return (NOISE / "menus_footer.html").read_text(encoding="utf-8").replace("utf-8", charset)


def test_html_page_is_reduced_to_text_and_title() -> None:
    decoded = decode((NOISE / "menus_footer.html").read_bytes(), "page.html")
    assert decoded.title == "市政协召开经济界别协商座谈会"
    assert "<p" not in decoded.text and "版权所有" not in decoded.text
    lines = decoded.text.split("\n")
    assert any(line.startswith("3月14日下午，市政协召开经济界别协商座谈会") for line in lines[:3])


def test_html_meta_charset_gbk_is_honoured() -> None:
    decoded = decode(_page("gbk").encode("gbk", "xmlcharrefreplace"), "page.html")
    assert decoded.encoding == "gb18030"
    assert decoded.title == "市政协召开经济界别协商座谈会"


def test_html_in_big5_is_read() -> None:
    page = _page("big5").replace("市政协召开", "市政協召開")
    decoded = decode(page.encode("big5", "xmlcharrefreplace"), "page.htm")
    assert decoded.title == "市政協召開经济界别协商座谈会"


def test_wrong_meta_charset_falls_back_to_detection() -> None:
    decoded = decode(_page("big5").encode("utf-8"), "page.html")
    assert decoded.encoding == "utf-8"
    assert decoded.title == "市政协召开经济界别协商座谈会"


def test_html_is_sniffed_from_content_not_name() -> None:
    markup = b"<!doctype html><html><body><p>\xe4\xbc\x9a</p></body></html>"
    assert is_html(markup, "page.txt")
    assert not is_html("会议在京召开。<b>".encode(), "page.txt")
    assert is_html(b"<p>one</p>", "page.html")
    assert not is_html(b"<p>one</p>", "page.txt")


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(DecodeError, match="HTML"):
        decode(b"<html><head><title>t</title></head><body></body></html>")


def test_plain_lines_before_pasted_markup_are_kept() -> None:
    style = "<style>.Editor P{margin-top:0;line-height:1.5;}</style>"
    text = f"某某代表大会简况\n  来源:某某报\n{style}<div class=Editor><p>{SIMPLIFIED}</p></div>"
    decoded = decode(text.encode(), "http://example.cn/2019/t20190714_1.htm")
    assert decoded.text.startswith("某某代表大会简况\n  来源:某某报\n")
    assert SIMPLIFIED in decoded.text
