"""One meeting, several reports: grouped on one card by the meeting, not by the text."""

from __future__ import annotations

from dataclasses import replace

from digests.digest import build_digest
from digests.model import Document, MeetingFacts
from digests.render import render_html, render_text
from digests.reports import group_reports, same_meeting


def report(path: str, source: str, name: str, date: str, place: str | None, text: str) -> Document:
    return Document(
        path=path,
        title=f"{name}召开",
        date=date,
        source=source,
        meeting=MeetingFacts(name=name, place=place, chair="王建国"),
        keywords=("常委会议",),
        highlights=(text,),
        text=text,
        simplified=text,
        content_hash=path,
        simhash=hash(path) & 0xFFFF,
    )


FIRST = report(
    "a.txt",
    "某区政协",
    "某区政协十四届五次常委会议",
    "2024-03-05",
    "区行政中心",
    "3月5日，某区政协十四届五次常委会议在区行政中心召开，区政协主席王建国主持会议并讲话。",
)
SECOND = report(
    "b.txt",
    "某区融媒体中心",
    "区政协十四届五次常委会议",
    "2024-03-06",
    None,
    "昨天，区政协召开十四届五次常委会议，听取各专委会年度工作汇报。",
)
OTHER = report(
    "c.txt",
    "某县政协",
    "某县政协十四届五次常委会议",
    "2024-03-05",
    "县会堂",
    "3月5日，某县政协十四届五次常委会议在县会堂召开。",
)


def test_reports_of_one_meeting_are_one_card_with_the_others_named() -> None:
    digest = build_digest([FIRST, SECOND, OTHER])
    assert [d.path for d in digest.documents] == ["a.txt", "c.txt"]
    assert digest.others(FIRST) == (SECOND,)
    text = render_text(digest)
    assert "另有 1 篇报道：某区融媒体中心" in text
    assert "<i>另有 1 篇报道：某区融媒体中心</i>" in "\n".join(render_html(digest))


def test_the_meeting_decides_not_the_text() -> None:
    assert same_meeting(FIRST, SECOND)  # no sentence in common
    assert not same_meeting(FIRST, OTHER)  # same session numbers, another body
    assert not same_meeting(FIRST, replace(SECOND, date="2024-04-06"))
    assert not same_meeting(FIRST, replace(SECOND, meeting=replace(SECOND.meeting, place="县会堂")))


def test_the_best_report_keeps_the_card() -> None:
    (coverage,) = group_reports([SECOND, FIRST])
    assert coverage.best is FIRST and coverage.others == (SECOND,)
