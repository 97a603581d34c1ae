"""The headline, chosen by evidence rather than by being the first line.

Every short line above the body (and the last lines, where some sites put it), and the
HTML page's `<h1>`, `og:title` and `<title>`, is a candidate. Each is scored for what a
headline is (its shape, its words echoed by the body, a meeting or event verb, a date or
source line right under it) against what page furniture is (navigation and accessibility
words, separators and brackets, Latin letters, a site name's or slogan's shape, many short
items on one line). Kickers (引题) lose to the headline they introduce because they state no
event. When no candidate reads as a headline the title is cut from the lede, as before,
and `Headline.source` says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from digests.script import to_simplified
from digests.title_layout import (
    article_start,
    body_text,
    candidate_lines,
    chaired_and_attended,
    continued_below,
    dashed_subtitle,
    has_byline,
    introduces,
    is_subtitle,
    layout_bonus,
    quote_parts,
    repeated_lines,
    split_copy,
    split_headline,
)
from digests.title_lede import BODY_TITLE, body_title
from digests.title_shape import (
    after_byline,
    echo,
    furniture_penalty,
    is_headline_shape,
    line_score,
    original_slice,
    site_names,
    strip_decoration,
    title_end,
    title_key,
)
from digests.title_words import (
    CAPTION,
    DAY_AND_TIME,
    ENUMERATED,
    FIELD_ROW,
    HEAD_LINES,
    MAX_TITLE,
    SIGNATURE,
    SPEAKS,
    TAIL_LINES,
    TITLE_END,
)

THRESHOLD = 0.3  # the score a candidate needs to be taken for the headline

TAIL_ECHO = 0.6  # how much of a headline under the article its body must repeat
HINT_BONUS = 0.3  # for a line the page's <title>/<h1> repeats
KICKER_PENALTY = 0.3  # for a line stating no event above a headline that states one
HINT_AGREES = 0.5  # how much of a line the page's <title> must repeat to vouch for it

ECHO_LEDE = 300  # lede characters a headline broken over two lines must open (SPLIT_HEAD)

Source = Literal["headline", "html", "body"]


@dataclass(frozen=True, slots=True)
class Headline:
    """The title, the line it came from (None for HTML and body titles), and its source."""

    text: str
    line: int | None
    source: Source


_REPRINT = re.compile(r"《([^《》]{4,64})》[^。《]{0,30}(?:提供|原创|发布|首发)[^。]{0,6}转载")

_LEDE_START = re.compile(rf"^\W*{DAY_AND_TIME}[，,]")

_IMAGE = re.compile(r"^\W*(?:!\[|<image|<img)", re.I)  # a picture: the line under it is a caption


def find_title(
    lines: Sequence[str],
    simplified: Sequence[str],
    content: Sequence[bool],
    hints: Sequence[str] = (),
) -> Headline:
    """The page's headline, by the highest score; else a title cut from the lede."""
    best: tuple[float, Headline] | None = None
    hints = (*hints, *_reprint_titles(lines, simplified))
    start = article_start(simplified, content)
    hinted = {title_key(to_simplified(strip_decoration(hint))) for hint in hints} - {""}
    sites = {title_key(to_simplified(name)) for hint in hints for name in site_names(hint)}
    sites |= {title_key(to_simplified(strip_decoration(name))) for name in sites} - {""}
    seen: set[str] = set()
    body = body_text(simplified, content, start)
    page_headline = " ".join(  # what the page's own <title> and <h1>s say, as headlines
        title_key(to_simplified(text))
        for hint in hints
        if is_headline_shape(text := strip_decoration(hint)) and not furniture_penalty(text, 1.0)
    )
    lede = title_key(body[:ECHO_LEDE])  # (keyed once: every candidate line is checked against it)
    for i in candidate_lines(simplified, content):
        raw, line = simplified[i], lines[i]
        if continued_below(simplified, i) or split_headline(simplified, i, lede):
            raw, line = raw + simplified[i + 1], line + lines[i + 1]  # `共青团某校` / `第一次…`
        quoted = quote_parts(simplified, i, start)
        if quoted == 0:
            continue  # the second line of a quote headline, read with its first
        if quoted == 2:  # `某某在某会议上强调` / `进一步开创…新局面` / `以优异成绩迎接…`
            raw, line = f"{raw} {simplified[i + 1]}", f"{line} {lines[i + 1]}"
        text_s = strip_decoration(raw[: title_end(raw)])
        if not is_headline_shape(text_s) or TITLE_END.match(raw):
            text_s = after_byline(raw)  # a byline's line (`发布时间：…`) holds no headline
        if not is_headline_shape(text_s) or ENUMERATED.match(raw) or FIELD_ROW.match(raw):
            continue
        if title_key(text_s) in sites:
            continue  # the site's or column's name, as the page's <title> gives it
        if _LEDE_START.match(text_s) or _LEDE_START.match(raw):
            continue
        if (i > 0 and _IMAGE.match(simplified[i - 1])) or CAPTION.search(raw):
            continue  # a caption (`某区长王五`, `图1 与会代表合影`) that the body echoes whole
        if any(split_copy(simplified, j) for j in (i - 1, i - 2) if j >= 0):
            continue  # a part of the headline printed again under it
        if i > 0 and continued_below(simplified, i - 1):
            continue  # the rest of the headline above
        byline = has_byline(simplified, i)
        if i > start and not byline:
            continue  # under the article, only a line with its date under it is a headline
        if i > start and SIGNATURE.fullmatch(text_s):
            continue  # a notice's signature over its date
        position = min(i, start - i) if i < start else i - start + HEAD_LINES // 2
        own = body.replace(raw, "") if i > start else body  # a line below echoes itself
        if i > start and echo(text_s, own) < TAIL_ECHO:
            continue  # a related story's headline, with its date, echoes another story
        score = line_score(text_s, own, byline, position)
        if i < start:  # (under the article a labelled byline dates a related story too)
            score += layout_bonus(simplified, content, i, start)
        if i + 1 < start and introduces(text_s, simplified[i + 1]):
            score -= KICKER_PENALTY
        if i < start and dashed_subtitle(simplified[i]):
            continue  # `——某某等主禮 某某蟬聯主席`: a subtitle, even when no headline is above
        if i < start and is_subtitle(text_s, simplified, i):
            if dashed_subtitle(simplified[i]) or chaired_and_attended(text_s):
                continue  # `——记某某`, `某某主持某某等出席`: the headline's subtitle
            score -= KICKER_PENALTY
        if i + 1 < start and SPEAKS.search(text_s) and quote_parts(simplified, i + 1, start):
            score -= KICKER_PENALTY  # `某某在某会议上强调`: the quote under it is the headline
        seen.add(title_key(text_s))
        if title_key(text_s) in hinted:
            score += HINT_BONUS  # the page's own <title> or <h1> says this line is the headline
        elif page_headline and echo(text_s, page_headline) < HINT_AGREES:
            score -= HINT_BONUS  # a line of the article that the page's <title> does not say
        if best is None or score > best[0]:
            best = (score, Headline(original_slice(line, raw, text_s), i, "headline"))
    for i in repeated_lines(simplified, content):
        score = line_score(simplified[i][:-1], body, False, 0) + HINT_BONUS
        if best is None or score > best[0]:
            best = (score, Headline(lines[i][:-1], i, "headline"))
    body_all = body if start < len(simplified) else body_text(simplified, content, 0)
    keys = [title_key(to_simplified(strip_decoration(hint))) for hint in hints]
    page_title: Headline | None = None
    for hint, key in zip(hints, keys, strict=True):
        text = strip_decoration(hint)
        if page_title is None and is_headline_shape(text) and not furniture_penalty(text, 1.0):
            page_title = Headline(text, None, "html")
        if key in seen or key in sites:
            continue  # the line itself was scored, with the bonus; or a site's name
        agreed = keys.count(key) > 1  # the <h1> and the <title> say the same
        score = line_score(to_simplified(text), body_all, False, 0) + HINT_BONUS * (1 + agreed) / 2
        if best is None or score > best[0]:
            best = (score, Headline(text, None, "html"))
    if best is not None and best[0] >= THRESHOLD:
        return best[1]
    # an HTML page's own title beats a first line that its text gives as prose
    return page_title or Headline(body_title(lines, simplified, content), None, "body")


def _reprint_titles(lines: Sequence[str], simplified: Sequence[str]) -> list[str]:
    """The headline a reprint notice quotes (`《…》由某某网提供，转载请注明出处`), which names
    the article as its <title> does; looked for on the last lines, where such notices are."""
    found = []
    for line, line_s in zip(lines[-TAIL_LINES:], simplified[-TAIL_LINES:], strict=True):
        if "转载" in line_s and (match := _REPRINT.search(line_s)) and len(line) == len(line_s):
            found.append(line[match.start(1) : match.end(1)])
    return found


__all__ = [
    "BODY_TITLE",
    "MAX_TITLE",
    "Headline",
    "echo",
    "find_title",
    "strip_decoration",
    "title_end",
]
