"""The pipeline's typed values: what each step takes and returns.

Every value is a frozen dataclass so a document can be shared between threads (the bot
digests in a worker thread) and cached without defensive copies.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Script = Literal["original", "simplified", "traditional"]
SCRIPTS: tuple[Script, ...] = ("original", "simplified", "traditional")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text recovered from a file's bytes."""

    text: str
    encoding: str
    title: str | None = None  # from an HTML page's <title>/og:title, when there is one
    headings: tuple[str, ...] = ()  # an HTML page's <h1>s: headline candidates too
    date: str | None = None  # an HTML page's own publication date (meta tags), as written


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A page after annotation removal and normalisation, one entry a non-empty line.

    `content[i]` says whether `lines[i]` is news text (True) or page furniture (False);
    furniture is kept because the date and source often live on furniture lines.
    """

    lines: tuple[str, ...]
    content: tuple[bool, ...]

    @property
    def body_lines(self) -> tuple[str, ...]:
        return tuple(line for line, keep in zip(self.lines, self.content, strict=True) if keep)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    date: str | None = None  # YYYY-MM-DD
    source: str | None = None
    title_line: int | None = None  # index into Cleaned.lines of the title, kept out of the body
    headline: bool = True  # False when no line read as a headline and the title is the lede's


@dataclass(frozen=True, slots=True)
class Person:
    """A person the report names: a whole name and, when the text gives it, the role."""

    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    """The meeting's facts as written in the text (original script).

    People are whole names (`胡勇政`), several chairs joined by `、`; `roles` holds the role
    the text writes before each name, which `person` puts back together.
    """

    name: str | None = None
    place: str | None = None
    chair: str | None = None
    attendees: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (name, role)

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.place or self.chair or self.attendees or self.speakers)

    @property
    def chairs(self) -> tuple[str, ...]:
        return tuple(self.chair.split("、")) if self.chair else ()

    def person(self, name: str) -> Person:
        """`name` with its role, when the text gives one."""
        return Person(name, dict(self.roles).get(name))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the body, tokenized once and reused by keywords and highlights."""

    text: str  # original script, as displayed
    simplified: str
    tokens: tuple[str, ...]  # jieba tokens of `simplified`, stopwords included
    line: int  # index of the body line it came from (0 = first body line)


@dataclass(frozen=True, slots=True)
class Document:
    """One digested page: the unit stored, searched, rendered and delivered."""

    path: str  # a file path or a URL
    title: str
    date: str | None
    source: str | None
    meeting: MeetingFacts
    keywords: tuple[str, ...]
    highlights: tuple[str, ...]  # original script, document order
    text: str  # the cleaned original: body lines joined by "\n"
    simplified: str  # `text` converted with OpenCC t2s; what analysis and search read
    content_hash: str  # sha256 hex of the normalised simplified text
    simhash: int  # 64-bit near-duplicate signature of the simplified text
    duplicate_of: str | None = None  # path of the first document this one repeats
    tokens: tuple[str, ...] = field(default=(), repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Failure:
    """A file or page that could not be digested, reported by name."""

    path: str
    reason: str


class DigestError(ValueError):
    """A page that cannot be digested (undecodable bytes, no text left after cleaning)."""
