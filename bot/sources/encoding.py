"""Content-Encoding undone by us, under the size cap, as the bytes arrive.

httpx decodes each chunk through every layer at once: a 6,777-byte body sent as
`Content-Encoding: gzip, gzip` grew to 8.3 GB inside one call, before any cap could look at
it. Here every layer inflates with zlib's `max_length`, so no layer ever holds more than
the room left under the cap, and the cap stops decompression itself. Only the encodings
we ask for (`ACCEPT_ENCODING`) are read, at most MAX_LAYERS of them.
"""

from __future__ import annotations

import zlib

ACCEPT_ENCODING = "gzip, deflate"  # brotli and zstd have no output limit we can rely on
MAX_LAYERS = 2  # one is what servers send; two is a misconfigured proxy; more is a bomb
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class Oversize(Exception):
    """The decoded body would exceed the cap."""


class BadEncoding(Exception):
    """An encoding we did not ask for, too many layers, or a corrupt stream."""


def layers(header: str) -> list[str]:
    """The Content-Encoding codings in the order they were applied, identity left out;
    raises BadEncoding for unknown ones or more than MAX_LAYERS."""
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    codings = [c for c in codings if c != "identity"]
    unknown = [c for c in codings if c not in _WBITS]
    if unknown:
        raise BadEncoding(f"unsupported content encoding {unknown[0]!r}")
    if len(codings) > MAX_LAYERS:
        raise BadEncoding(f"{len(codings)} nested content encodings (at most {MAX_LAYERS})")
    return codings


class _Layer:
    """One inflating layer; `deflate` also accepts the raw streams some servers send."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._inflate = zlib.decompressobj(_WBITS[coding])
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        """Inflate `data`; raises Oversize when that makes more than `room` bytes."""
        try:
            out = self._inflate.decompress(data, room + 1)  # one byte over says "too much"
        except zlib.error:
            if self._coding != "deflate" or self._started:
                raise BadEncoding(f"corrupt {self._coding} stream") from None
            self._inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, no zlib header
            return self.feed(data, room)
        self._started = True
        if len(out) > room:
            raise Oversize
        return out


class CappedDecoder:
    """Undo `codings` (as `layers` gives them) on chunks; at most `cap` bytes come out of
    any layer, counted as they are produced."""

    def __init__(self, codings: list[str], cap: int) -> None:
        # Applied gzip then gzip: undone from the last one applied.
        self._layers = [_Layer(coding) for coding in reversed(codings)]
        self._cap = cap
        self._made = [0] * len(self._layers)
        self.decoded = 0  # bytes out of the last layer so far

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes of `chunk`; raises Oversize or BadEncoding."""
        data = chunk
        for i, layer in enumerate(self._layers):
            data = layer.feed(data, self._cap - self._made[i])
            self._made[i] += len(data)
        self.decoded += len(data)
        return data


__all__ = ["ACCEPT_ENCODING", "MAX_LAYERS", "BadEncoding", "CappedDecoder", "Oversize", "layers"]
