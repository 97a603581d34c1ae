"""Markdown files: front matter gives the title and date and is no text; headings, links,
pictures and figure captions are read as their reader sees them."""

from __future__ import annotations

from digests.decode import decode
from digests.markdown import is_markdown, read_markdown
from digests.pipeline import prepare

EXPORT = """---
title: "某區議會否決休會動議"
date: "2018-06-22"
author: "實習記者某某"
tags:
  - "區議會"
  - "休會"
url: "https://example.org/article/1"
---

# 某區議會否決休會動議

某區議會今日舉行第十二次會議，由主席陳大文主持，議員以十票贊成、十二票反對 [否決](/v.pdf) 休會動議。

<figure>
<img src="https://example.org/photo.jpg" alt="">
<figcaption>區議會今日開會。資料圖片</figcaption>
</figure>

![會場](https://example.org/hall.jpg)
議員其後討論交通改善計劃。
"""


def test_front_matter_gives_the_title_and_date_and_is_no_text() -> None:
    page = read_markdown(EXPORT)
    assert (page.title, page.date) == ("某區議會否決休會動議", "2018-06-22")
    assert "tags" not in page.text and "https://" not in page.text


def test_headings_links_pictures_and_captions_read_as_a_reader_sees_them() -> None:
    text = read_markdown(EXPORT).text
    assert "\n某區議會否決休會動議\n" in text
    assert "反對 否決 休會動議" in text
    assert "資料圖片" not in text and "<img" not in text and "會場" not in text


def test_a_markdown_file_is_digested_under_its_own_title_and_date() -> None:
    prepared = prepare(EXPORT.encode(), "articles/article_1.md")
    assert (prepared.title, prepared.date) == ("某區議會否決休會動議", "2018-06-22")
    assert prepared.meeting.chair == "陳大文"


def test_plain_text_is_read_as_written() -> None:
    text = "**镇领导班子认真落实要求。\n# 不是标题的井号行\n[附件](https://example.org/a.pdf)"
    assert not is_markdown("notes.txt", text)
    assert decode(text.encode(), "notes.txt").text == text
    assert is_markdown("notes.md", text) and is_markdown("notes.txt", EXPORT)
    # a masked name's asterisks are no emphasis, in Markdown too
    assert read_markdown(text).text.startswith("**镇领导班子")
