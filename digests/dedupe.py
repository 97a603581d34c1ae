"""Duplicate detection: an exact content hash and a 64-bit SimHash for reposts.

A repost of the same news differs in encoding, script, page furniture, a dropped paragraph
or an edited sentence. All of these are absorbed by hashing the *normalised simplified*
body (NFKC, no whitespace, no punctuation) and, for the edits, by comparing SimHash
signatures of its character shingles: a few changed shingles move a few bits.
See Charikar, "Similarity estimation techniques from rounding algorithms" (2002) and
Manku et al., "Detecting near-duplicates for web crawling" (2007).
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from itertools import combinations
from typing import Protocol

from digests.model import Document

BITS = 64
SHINGLE = 4  # characters; Chinese words are 1–4 characters, so 4 spans a word boundary
# Measured on seeds/ (tests/digests/test_dedupe.py): reposts (GBK, simplified, other
# furniture) 0 bits from their original, a dropped paragraph (≤ 21 % of the text) or an
# edited sentence ≤ 12 bits, distinct seeds 29–41 bits apart. 14 sits in that gap, near
# the reposts: merging two different stories (one vanishes) is worse than missing a repost.
# Pages of one genre still come within it by chance (bench corpus: 0.07 % of pairs, from
# 11 bits), so `is_repost` confirms with the shingles themselves.
NEAR_DUPLICATE_BITS = 14
MIN_RESEMBLANCE = 0.5  # Jaccard of shingle sets confirming a SimHash match

_NOT_TEXT = re.compile(r"[\W_]+")  # whitespace, punctuation and symbols, any width
_MASK = (1 << BITS) - 1
# The full-width marks of Chinese text, each with its NFKC form (ASCII). They fail NFKC's
# quick check, so one of them sends `unicodedata.normalize` through every character (about
# 0.4 ms a page of 5,000 characters); replaced first by plain `str.replace`, most pages pass
# the check and come back at once. The result cannot change: compatibility decomposition
# works character by character, so a character and its NFKC form decompose alike.
_WIDE_MARKS = tuple((mark, unicodedata.normalize("NFKC", mark)) for mark in "，；：！？（）／－…")


def normalise(simplified: str) -> str:
    """NFKC, case-folded, without whitespace or punctuation: what both hashes read."""
    for mark, narrow in _WIDE_MARKS:
        simplified = simplified.replace(mark, narrow)
    return _NOT_TEXT.sub("", unicodedata.normalize("NFKC", simplified)).casefold()


def content_hash(simplified: str) -> str:
    """SHA-256 hex of the normalised text: equal for byte-different copies of one text."""
    return _sha256(normalise(simplified))


def signatures(simplified: str) -> tuple[str, int]:
    """(content_hash, simhash) of a text, normalising it once for both."""
    text = normalise(simplified)
    return _sha256(text), _simhash(text)


def _sha256(text: str) -> str:
    """SHA-256 hex of already normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _CharSignatures(dict[str, bytes]):
    """A stable pseudo-random 8-byte value per character, computed once per character."""

    def __missing__(self, char: str) -> bytes:
        # blake2b, not hash(): str hashes are salted per process and the store keeps these.
        value = hashlib.blake2b(char.encode("utf-8"), digest_size=8, person=b"digestbot").digest()
        self[char] = value
        return value


def _permutation(position: int) -> bytes:
    """A fixed byte permutation per shingle position, so `abcd` and `bacd` hash apart."""
    return bytes(sorted(range(256), key=lambda b: hashlib.blake2b(bytes((position, b))).digest()))


_CHARS = _CharSignatures()
_PERMUTATIONS = tuple(_permutation(p) for p in range(SHINGLE))


def _shingle_hashes(text: str) -> bytes:
    """8 bytes per 4-character shingle: the XOR of its characters' permuted values.

    Everything here runs at C speed on whole byte strings (dict lookups through `map`,
    `bytes.translate`, big-int XOR) because a per-shingle Python hash call would cost a
    third of jieba's own time (measured: ~800 ns against ~200 ns per character).
    """
    values = b"".join(map(_CHARS.__getitem__, text))
    size = len(values) - 8 * (SHINGLE - 1)
    mixed = 0
    for position, table in enumerate(_PERMUTATIONS):
        window = values[8 * position : 8 * position + size].translate(table)
        mixed ^= int.from_bytes(window, "big")
    # Distinct shingles only: a phrase the page repeats twenty times (民主生活会) would
    # otherwise outvote the rest and pull unrelated pages of one genre together.
    words = memoryview(mixed.to_bytes(size, "big")).cast("Q")  # 8 bytes each, no copy
    # through lists: tolist and fromlist convert in one C loop, where iterating the view
    # and building the array from a set step per value (same values, 0.07 s of 600 pages)
    distinct = array("Q")
    distinct.fromlist(list(set(words.tolist())))
    return distinct.tobytes()


def _bit_votes(digests: bytes) -> list[int]:
    """How many 8-byte digests have each bit set; bit 0 = least significant of the int."""
    size = len(digests) // 8
    masks = [int.from_bytes(bytes((1 << bit,)) * size, "big") for bit in range(8)]
    votes = [0] * BITS
    for position in range(8):
        # One byte of every digest as a big int; AND + popcount count a bit at C speed.
        column = int.from_bytes(digests[position::8], "big")
        shift = (7 - position) * 8
        for bit, mask in enumerate(masks):
            votes[shift + bit] = (column & mask).bit_count()
    return votes


def simhash(simplified: str) -> int:
    """64-bit SimHash (unsigned) over the normalised text's 4-character shingles."""
    return _simhash(normalise(simplified))


def _simhash(text: str) -> int:
    """SimHash of already normalised text."""
    if len(text) < SHINGLE:  # too short to shingle: any stable value will do
        return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
    digests = _shingle_hashes(text)
    half = len(digests) // 8 / 2
    return sum(1 << bit for bit, vote in enumerate(_bit_votes(digests)) if vote > half)


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two signatures."""
    return ((a ^ b) & _MASK).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    """Whether two signatures are close enough to be the same text reposted."""
    return hamming(a, b) <= NEAR_DUPLICATE_BITS


def to_signed64(value: int) -> int:
    """Map an unsigned 64-bit signature to a signed one (for a BIGINT column)."""
    value &= _MASK
    return value - (1 << BITS) if value >> (BITS - 1) else value


def from_signed64(value: int) -> int:
    """Inverse of `to_signed64`."""
    return value & _MASK


def shingles(simplified: str) -> frozenset[str]:
    """The distinct 4-character shingles of the normalised text."""
    text = normalise(simplified)
    count = max(len(text) - SHINGLE + 1, 1)
    # slices made by map at C speed, no Python step per shingle: near pairs of one genre
    # make a batch compare a few hundred texts
    cuts = map(slice, range(count), range(SHINGLE, count + SHINGLE))
    return frozenset(map(text.__getitem__, cuts))


def resemblance(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingle sets (Broder 1997): 1.0 = same shingles."""
    first, second = shingles(a), shingles(b)
    if not (first or second):
        return 1.0
    shared = len(first & second)
    # |A ∪ B| counted, not built: the union of two pages' shingles is the largest set here
    return shared / (len(first) + len(second) - shared)


class Signed(Protocol):
    """What the duplicate rule reads: a Document, a pipeline Prepared or a stored row."""

    @property
    def content_hash(self) -> str: ...
    @property
    def simhash(self) -> int: ...
    @property
    def simplified(self) -> str: ...


def is_repost(a: Signed, b: Signed) -> bool:
    """Same text (hash), or near signatures confirmed by the shingles themselves.

    The one duplicate rule: the batch engine and the store both ask it. SimHash alone is a
    filter: among thousands of pages of one genre a few pairs of different stories come
    within the threshold by chance (bench corpus: 0.07 % of pairs, Jaccard ≤ 0.32); a
    repost, even missing a paragraph, keeps Jaccard above 0.6.
    """
    if a.content_hash == b.content_hash:
        return True
    near = is_near_duplicate(a.simhash, b.simhash)
    return near and resemblance(a.simplified, b.simplified) >= MIN_RESEMBLANCE


def mark_duplicates(documents: Sequence[Document]) -> list[Document]:
    """Point each repeat at the first document it repeats (exact hash, else near)."""
    by_hash: dict[str, str] = {}
    originals: list[Document] = []
    signatures: list[int] = []  # the originals' simhashes, for the scan at C speed
    out: list[Document] = []
    for document in documents:
        first = by_hash.get(document.content_hash) or next(
            (
                originals[i].path
                for i in _near_indices(signatures, document.simhash)
                if is_repost(originals[i], document)
            ),
            None,
        )
        if first is None:
            by_hash[document.content_hash] = document.path
            originals.append(document)
            signatures.append(document.simhash)
            out.append(document)
        else:
            out.append(replace(document, duplicate_of=first))
    return out


# Multi-index hashing (Norouzi et al., "Fast search in Hamming space", 2012): split the
# 64 bits into BANDS bands; two signatures within NEAR_DUPLICATE_BITS differ in some band
# by at most NEAR_DUPLICATE_BITS // BANDS bits (pigeonhole), so looking up every value that
# close to each band finds every near signature, none missed. Four 16-bit bands within 3
# bits: 697 values a band, 1.06 % of uniform band values, about 4 % of rows as candidates.
BANDS = 4
BAND_BITS = BITS // BANDS
BAND_RADIUS = NEAR_DUPLICATE_BITS // BANDS


def bands(signature: int) -> tuple[int, ...]:
    """The signature's BANDS band values, band 0 the least significant bits."""
    low = (1 << BAND_BITS) - 1
    return tuple((signature >> (BAND_BITS * i)) & low for i in range(BANDS))


@cache
def band_masks() -> tuple[int, ...]:
    """Every band mask of at most BAND_RADIUS bits (697 of them for 16 and 3)."""
    return tuple(
        sum(1 << bit for bit in bits)
        for size in range(BAND_RADIUS + 1)
        for bits in combinations(range(BAND_BITS), size)
    )


def band_neighbours(signature: int) -> tuple[list[int], ...]:
    """Per band, the values a near signature may hold there; one of its bands is among them."""
    return tuple([value ^ mask for mask in band_masks()] for value in bands(signature))


def _near_indices(signatures: list[int], signature: int) -> Iterator[int]:
    """Indices of the signatures within NEAR_DUPLICATE_BITS of `signature`, in order.

    The all-pairs scan as chained maps (XOR, mask, popcount, compare): no Python frame per
    pair, which at a few hundred documents a batch cost more than the hashing itself.
    """
    distances = map(int.bit_count, map(_MASK.__and__, map(signature.__xor__, signatures)))
    return itertools.compress(itertools.count(), map(NEAR_DUPLICATE_BITS.__ge__, distances))


__all__ = [
    "BANDS",
    "MIN_RESEMBLANCE",
    "NEAR_DUPLICATE_BITS",
    "Signed",
    "band_masks",
    "band_neighbours",
    "bands",
    "content_hash",
    "from_signed64",
    "hamming",
    "is_near_duplicate",
    "is_repost",
    "mark_duplicates",
    "normalise",
    "resemblance",
    "shingles",
    "signatures",
    "simhash",
    "to_signed64",
]
