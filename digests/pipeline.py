"""The whole pipeline: bytes in, `Document`s out.

Two phases, because keywords need document frequencies from the corpus at hand:
`prepare` does everything one page allows on its own (decode, clean, script, metadata,
meeting facts, tokens, signatures); `finish` adds keywords and highlights once the
frequencies of the batch (or of the store) are known.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from digests.clean import clean_simplified
from digests.decode import decode
from digests.dedupe import mark_duplicates, signatures
from digests.glued import glued_headline
from digests.highlights import pick_highlights
from digests.keywords import DocumentFrequencies, extract_keywords
from digests.meeting import extract_meeting
from digests.metadata import extract_metadata
from digests.model import Decoded, DigestError, Document, Failure, MeetingFacts, Sentence
from digests.script import is_traditional, to_simplified
from digests.segment import tokenize
from digests.sentences import split_sentences

SUFFIXES = frozenset({".txt", ".html", ".htm", ".md"})
# Characters of a page's text that are digested; the rest is cut (an article has 2,000 to
# 20,000). The pipeline reads 50,000 to 100,000 characters a second on a busy core, so a
# page under the 10 MB cap (3.5 million characters) stays within a few seconds.
MAX_TEXT = 100_000
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A page digested as far as it can be without the rest of the corpus."""

    path: str
    title: str
    date: str | None
    source: str | None
    meeting: MeetingFacts
    text: str
    simplified: str
    sentences: tuple[Sentence, ...]
    title_tokens: tuple[str, ...]  # title words earn keywords a bonus when the body repeats them
    content_hash: str
    simhash: int


def prepare(data: bytes, path: str) -> Prepared:
    """Decode, clean and describe one page; raises DigestError when nothing is left."""
    decoded = _bounded(decode(data, path), path)
    cleaned, simplified_lines = clean_simplified(decoded.text)
    meta = extract_metadata(
        cleaned.lines,
        simplified_lines,
        cleaned.content,
        (*decoded.headings, *([decoded.title] if decoded.title else [])),
        address=path,
        date_hint=decoded.date,
        roc=is_traditional("".join(cleaned.lines), "".join(simplified_lines)),
    )
    body = [i for i, keep in enumerate(cleaned.content) if keep and i != meta.title_line]
    if not body:  # the title was the page's only text: it is the body too
        body = [i for i, keep in enumerate(cleaned.content) if keep]
    if not body:
        raise DigestError("no text left after cleaning")
    title_s = to_simplified(meta.title)
    lines: Sequence[str] = cleaned.lines
    lines_s: Sequence[str] = simplified_lines
    if meta.headline:  # (a title cut from the lede is the lede's own start)
        lines, lines_s = _unglued(lines, lines_s, body, title_s)
    text = "\n".join(lines[i] for i in body)
    simplified = "\n".join(lines_s[i] for i in body)
    hashed, signature = signatures(simplified)
    return Prepared(
        path=path,
        title=meta.title,
        date=meta.date,
        source=meta.source,
        meeting=extract_meeting(text, simplified, title_s, meta.title),
        text=text,
        simplified=simplified,
        sentences=_sentences(text, simplified),
        title_tokens=tuple(tokenize(title_s)),
        content_hash=hashed,
        simhash=signature,
    )


LEDE_LINES = 2  # body lines where a headline glued to the lede is looked for


def _unglued(
    lines: Sequence[str], lines_s: Sequence[str], body: Sequence[int], title_s: str
) -> tuple[Sequence[str], Sequence[str]]:
    """The lines without the headline's words glued to the start of the lede."""
    for i in body[:LEDE_LINES]:
        cut = glued_headline(lines_s[i], title_s)
        if cut and len(lines[i]) == len(lines_s[i]):
            lines, lines_s = list(lines), list(lines_s)
            lines[i], lines_s[i] = lines[i][cut:], lines_s[i][cut:]
            break
    return lines, lines_s


def _bounded(decoded: Decoded, path: str) -> Decoded:
    """The decoded page cut to MAX_TEXT characters, at a line's end when one is near."""
    if len(decoded.text) <= MAX_TEXT:
        return decoded
    end = decoded.text.rfind("\n", MAX_TEXT // 2, MAX_TEXT)
    kept = decoded.text[: end if end > 0 else MAX_TEXT]
    log.warning("%s: text cut to its first %d of %d characters", path, len(kept), len(decoded.text))
    return replace(decoded, text=kept)


def _sentences(text: str, simplified: str) -> tuple[Sentence, ...]:
    """Split the body and tokenize each sentence: the one jieba pass a document gets."""
    out = []
    pairs = zip(text.split("\n"), simplified.split("\n"), strict=True)
    for line_no, (line, line_s) in enumerate(pairs):
        cursor = 0
        for sentence in split_sentences(line):
            start = line.find(sentence, cursor)
            cursor = start + len(sentence)
            # t2s keeps lengths almost always; slicing saves a second conversion
            aligned = len(line) == len(line_s) and start >= 0
            simple = line_s[start:cursor] if aligned else to_simplified(sentence)
            out.append(Sentence(sentence, simple, tuple(tokenize(simple)), line_no))
    return tuple(out)


def tokens_of(page: Prepared) -> tuple[str, ...]:
    """Every token of the page, in order."""
    # chained at C speed: a generator step per token cost as much as a small stage
    return tuple(itertools.chain.from_iterable(sentence.tokens for sentence in page.sentences))


def finish(page: Prepared, frequencies: DocumentFrequencies, highlights: int = 3) -> Document:
    """Add keywords and highlights, given the document frequencies of the corpus."""
    return _finish(page, tokens_of(page), frequencies, highlights)


def _finish(
    page: Prepared, tokens: tuple[str, ...], frequencies: DocumentFrequencies, highlights: int
) -> Document:
    """`finish`, given the page's tokens (`analyse` has them already)."""
    keywords = extract_keywords(tokens, frequencies, title=page.title_tokens)
    return Document(
        path=page.path,
        title=page.title,
        date=page.date,
        source=page.source,
        meeting=page.meeting,
        keywords=keywords,
        highlights=pick_highlights(page.sentences, keywords, page.meeting, highlights),
        text=page.text,
        simplified=page.simplified,
        content_hash=page.content_hash,
        simhash=page.simhash,
        tokens=tokens,
    )


def analyse(
    pages: Iterable[tuple[str, bytes]], highlights: int = 3
) -> tuple[list[Document], list[Failure]]:
    """Digest a batch: frequencies learned from the batch itself, duplicates marked."""
    prepared: list[Prepared] = []
    failures: list[Failure] = []
    for path, data in pages:
        try:
            prepared.append(prepare(data, path))
        except DigestError as error:
            failures.append(Failure(path, str(error)))
    tokens = [tokens_of(page) for page in prepared]
    frequencies = DocumentFrequencies()
    for page_tokens in tokens:
        frequencies.add(page_tokens)
    documents = [
        _finish(page, page_tokens, frequencies, highlights)
        for page, page_tokens in zip(prepared, tokens, strict=True)
    ]
    return mark_duplicates(documents), failures


def read_pages(paths: Iterable[str | Path]) -> Iterator[tuple[str, bytes] | Failure]:
    """Yield (path, bytes) for every page file under `paths`, or a Failure naming it."""
    for root in map(Path, paths):
        files = (
            sorted(p for p in root.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if root.is_dir()
            else [root]
        )
        for file in files:
            try:
                yield str(file), file.read_bytes()
            except OSError as error:
                yield Failure(str(file), error.strerror or str(error))


def analyse_paths(
    paths: Iterable[str | Path], highlights: int = 3
) -> tuple[list[Document], list[Failure]]:
    """Read files and folders, then `analyse` them; unreadable files become failures."""
    pages: list[tuple[str, bytes]] = []
    failures: list[Failure] = []
    for item in read_pages(paths):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            pages.append(item)
    documents, more = analyse(pages, highlights)
    return documents, failures + more


__all__ = ["Prepared", "analyse", "analyse_paths", "finish", "prepare", "read_pages"]
