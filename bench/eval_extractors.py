"""Body text and publish date of real Chinese news pages: trafilatura against gne
(GeneralNewsExtractor), and htmldate against our own dates (digests.metadata).

The pages are GeneralNewsExtractor's own test pages (`tests/*/*.html`), never committed:

    fetch github:GeneralNewsExtractor/GeneralNewsExtractor (the search tool), then
    for f in $(git --git-dir=$G ls-tree -r --name-only HEAD tests); do
        mkdir -p bench/extractors/pages/$(dirname $f)
        git --git-dir=$G show HEAD:$f > bench/extractors/pages/$f; done
    git --git-dir=$G show HEAD:result.txt > bench/extractors/pages/result.txt

Two references for the body, because neither is perfect:
- `markup`: the text of the page's own article container, found by the markers Chinese
  CMSes and news sites put on it (`articleBody`, `TRS_Editor`, `#zoom`, `#artibody`,
  `#endText`, `#js_content`, …) – derived from the page, by neither extractor; pages
  without such a marker are left out and counted.
- `gne-2019`: the outputs GNE's authors committed in `result.txt` (20 pages). These favour
  gne: they are what an older gne printed.
Scores are character-level over ideographs, letters and digits: the characters of the
longest matching blocks (difflib) over the output's length (precision) and the
reference's (recall), and their F1.

    PYTHONPATH=. python bench/eval_extractors.py
"""

from __future__ import annotations

import json
import re
import statistics
import time
from difflib import SequenceMatcher
from pathlib import Path

import lxml.html

PAGES = Path(__file__).resolve().parent / "extractors" / "pages"
_KEEP = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]")
CONTAINERS = (
    "//*[@itemprop='articleBody']",
    "//*[contains(concat(' ', @class, ' '), ' TRS_Editor ')]",
    "//*[@id='zoom' or @id='artibody' or @id='endText' or @id='js_content' or @id='detail'"
    " or @id='article_content' or @id='content_area' or @id='mp-editor' or @id='ctrlfscont']",
    "//*[contains(@class, 'article-content') or contains(@class, 'article_content')"
    " or contains(@class, 'post_body') or contains(@class, 'post_text') or contains(@class,"
    " 'news_txt') or contains(@class, 'rm_txt_con') or contains(@class, 'content-article')"
    " or contains(@class, 'all-txt') or contains(@class, 'article-text') or contains(@class,"
    " 'text_con') or contains(@class, 'main-text') or contains(@class, 'index_cententWrap')]",
    "//article",
)


def norm(text: str) -> str:
    return _KEEP.sub("", text or "")


def score(out: str, ref: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of `out` against `ref`, characters of matching blocks."""
    a, b = norm(out), norm(ref)
    if not a or not b:
        return 0.0, 0.0, 0.0
    matched = sum(m.size for m in SequenceMatcher(None, b, a, autojunk=False).get_matching_blocks())
    p, r = matched / len(a), matched / len(b)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def markup_reference(html: str) -> str | None:
    """The article container's text, by its CMS's markers; None when the page has none."""
    tree = lxml.html.document_fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for query in CONTAINERS:
        found = [e for e in tree.xpath(query) if len(norm(e.text_content())) >= 100]
        if found:
            return max(found, key=lambda e: len(norm(e.text_content()))).text_content()
    return None


def gne_reference() -> dict[str, dict[str, str]]:
    """result.txt: `>>>…path>>>` then a JSON object, per page."""
    path = PAGES / "result.txt"
    if not path.exists():
        return {}
    out = {}
    text = path.read_text(encoding="utf-8")
    for match in re.finditer(r"^>{5,}(\S+?)>{5,}\n(.*?)\n<{5,}", text, re.M | re.S):
        try:
            out[match[1]] = json.loads(match[2])
        except json.JSONDecodeError:
            continue
    return out


def trafilatura_body(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, output_format="txt", include_tables=True) or ""


def gne_body(html: str) -> str:
    from gne import GeneralNewsExtractor

    try:
        return str(GeneralNewsExtractor().extract(html).get("content") or "")
    except Exception:  # gne raises on pages it cannot read
        return ""


EXTRACTORS = {"trafilatura": trafilatura_body, "gne": gne_body}


def both(html: str) -> str:
    """trafilatura, then gne when trafilatura finds little."""
    first = trafilatura_body(html)
    return first if len(norm(first)) >= 200 else (gne_body(html) or first)


def gne_first(html: str) -> str:
    """gne, then trafilatura when gne finds little."""
    first = gne_body(html)
    return first if len(norm(first)) >= 200 else (trafilatura_body(html) or first)


EXTRACTORS["trafilatura→gne"] = both
EXTRACTORS["gne→trafilatura"] = gne_first


def bodies() -> None:
    pages = sorted(PAGES.glob("tests/*/*.html"))
    refs = gne_reference()
    table: dict[str, dict[str, list[tuple[float, float, float]]]] = {}
    seconds: dict[str, float] = {name: 0.0 for name in EXTRACTORS}
    skipped = 0
    for path in pages:
        html = path.read_bytes().decode("utf-8", "replace")
        key = str(path.relative_to(PAGES))
        references = {}
        if (found := markup_reference(html)) is not None:
            references["markup"] = found
        else:
            skipped += 1
        if key in refs:
            references["gne-2019"] = refs[key].get("content", "")
        for name, extract in EXTRACTORS.items():
            started = time.perf_counter()
            out = extract(html)
            seconds[name] += time.perf_counter() - started
            for ref_name, ref in references.items():
                table.setdefault(ref_name, {}).setdefault(name, []).append(score(out, ref))
    print(f"{len(pages)} pages; {skipped} without an article-container marker\n")
    print("| reference | extractor | pages | precision | recall | F1 (mean) | F1 ≥ 0.8 |")
    print("|---|---|---|---|---|---|---|")
    for ref_name, rows in table.items():
        for name, scores in rows.items():
            p = statistics.mean(s[0] for s in scores)
            r = statistics.mean(s[1] for s in scores)
            f = statistics.mean(s[2] for s in scores)
            good = sum(s[2] >= 0.8 for s in scores)
            print(f"| {ref_name} | {name} | {len(scores)} | {p:.3f} | {r:.3f} | {f:.3f} | {good} |")
    print()
    for name, spent in seconds.items():
        print(f"{name}: {spent / len(pages) * 1000:.0f} ms a page")


def dates() -> None:
    """htmldate against the pipeline's date, on the pages whose result.txt has a time."""
    import htmldate

    from digests.pipeline import prepare

    refs = {k: v for k, v in gne_reference().items() if v.get("publish_time")}
    right = {"htmldate": 0, "digests": 0}
    refs = {k: v for k, v in refs.items() if re.match(r"(?:19|20)\d\d", v["publish_time"])}
    for key, ref in sorted(refs.items()):
        parts = re.match(r"((?:19|20)\d\d)\D(\d{1,2})\D(\d{1,2})", ref["publish_time"])
        if parts is None:
            continue  # no year in what gne printed
        expected = f"{parts[1]}-{int(parts[2]):02d}-{int(parts[3]):02d}"
        data = (PAGES / key).read_bytes()
        html = data.decode("utf-8", "replace")
        ours = prepare(data, key).date or ""
        theirs = htmldate.find_date(html, original_date=True, outputformat="%Y-%m-%d") or ""
        right["digests"] += ours == expected
        right["htmldate"] += theirs == expected
        print(f"{key}: expected {expected}, digests {ours or '-'}, htmldate {theirs or '-'}")
    print(f"\npublish date right on {len(refs)} pages: {right} (digests: the whole pipeline)")


if __name__ == "__main__":
    bodies()
    print()
    dates()
