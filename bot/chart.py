"""/trending as a picture: one horizontal bar per keyword, drawn with Pillow.

Pillow is imported on the first chart, not at start, and a chart is a few tens of
milliseconds in a worker thread. Chinese needs a CJK font: the subset shipped in
`bot/data/fonts`, else a system one; with neither (or without Pillow) `render` returns
None and the caller answers in text.
"""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
SHIPPED = Path(__file__).resolve().parent / "data" / "fonts" / "wqy-microhei-subset.ttf"
SYSTEM = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
WIDTH, ROW, MARGIN, LABELS = 960, 54, 32, 250  # pixels
BLUE, GREY, INK, PAPER = (42, 171, 238), (120, 128, 136), (33, 37, 41), (255, 255, 255)


@functools.cache
def font_path(candidates: tuple[str, ...] = (str(SHIPPED), *SYSTEM)) -> str | None:
    """The first CJK font file there is, or None."""
    return next((path for path in candidates if Path(path).is_file()), None)


def render(title: str, bars: Sequence[tuple[str, int]], footer: str = "") -> bytes | None:
    """A PNG of `bars` (label, count), longest first; None when it cannot be drawn."""
    path = font_path()
    if path is None or not bars:
        return None
    try:
        from PIL import Image, ImageDraw, ImageFont
    except ImportError:  # an install without Pillow: the text answer
        return None
    height = MARGIN * 2 + 64 + ROW * len(bars) + (40 if footer else 0)
    image = Image.new("RGB", (WIDTH, height), PAPER)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(path, 30), ImageFont.truetype(path, 24)
    draw.text((MARGIN, MARGIN), title, font=big, fill=INK)
    _bars(draw, bars, small, top=MARGIN + 64)
    if footer:
        draw.text((MARGIN, height - MARGIN - 24), footer, font=small, fill=GREY)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _bars(draw: Any, bars: Sequence[tuple[str, int]], font: Any, top: int) -> None:
    most = max(count for _, count in bars) or 1
    room = WIDTH - MARGIN * 2 - LABELS - 70  # the longest bar; its count after it
    for n, (label, count) in enumerate(bars):
        y = top + n * ROW
        shown = label if draw.textlength(label, font=font) <= LABELS - 16 else label[:8] + "…"
        x = MARGIN + LABELS - 16 - draw.textlength(shown, font=font)
        draw.text((x, y + 8), shown, font=font, fill=INK)
        length = max(4, round(room * count / most))
        left = MARGIN + LABELS
        draw.rounded_rectangle((left, y + 6, left + length, y + ROW - 10), radius=6, fill=BLUE)
        draw.text((left + length + 10, y + 8), str(count), font=font, fill=GREY)


__all__ = ["SHIPPED", "font_path", "render"]
