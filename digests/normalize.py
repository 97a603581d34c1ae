"""Whitespace and punctuation cleanup that keeps Chinese text intact.

Unicode NFKC is not applied wholesale: it would turn the full-width `，。：` of Chinese
into ASCII. Only full-width letters and digits are folded, and ASCII punctuation used
inside Chinese sentences is made full-width, as Chinese typography writes it.
"""

from __future__ import annotations

import re

from digests.script import CJK_COMPAT as _CJK

# Closing marks after which a comma still belongs to Chinese text: `”,` `》,` `）,`.
_CLOSERS = "”’》」』）】〉。"
_WIDE = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
# Left neighbour Chinese; for `?` the right neighbour must also end the clause, because a
# lone `?` between two characters is far more often mojibake (`上??萍`) than a question.
# One pattern per mark, the mark first: the regex engine then scans for it at C speed and
# the replacement is a plain string. Passes cannot interact: no widened mark is a context.
_QUESTION_END = r"(?=$|\s|[”’》」』）])"


def _after_chinese(mark: str, then: str = "") -> re.Pattern[str]:
    """`mark` after a Chinese character or closing mark, and before `then`."""
    escaped = re.escape(mark)
    return re.compile(rf"{escaped}(?<=[{_CJK}{_CLOSERS}]{escaped}){then}", re.M)


_PUNCT = tuple(
    (_after_chinese(mark, _QUESTION_END if mark == "?" else ""), wide)
    for mark, wide in _WIDE.items()
)
_SPACE_AFTER_WIDE = re.compile(rf" (?<=[，：；！？] )(?=[{_CJK}“《])")  # the space first, as above
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# A feed's space inside an ordinal or a date in prose (`第 6次會議`, `總理李強 10月 25日主持`):
# Chinese typography sets none there, and the readers downstream read words across it. (A
# byline's fields keep theirs: `宣傳部 2019-08-11 打印`.)
_DIGIT_SPACE = re.compile(
    rf"(?<=第) (?=\d)|(?<=\d) (?=[次届屆])"
    rf"|(?<=[{_CJK}]) (?=\d{{1,4}} ?[年月])|(?<=[年月]) (?=\d{{1,2}} ?[月日])|(?<=\d) (?=[年月日])"
)
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BLANKS = re.compile(r"\n{3,}")
# Full-width digits and letters (０-９ Ａ-Ｚ ａ-ｚ) to ASCII; full-width punctuation stays.
_FOLD = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B))}
_FOLD.update({code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)})
_FULL_WIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")


def _fold(match: re.Match[str]) -> str:
    """A run of full-width digits and letters in ASCII."""
    return match.group(0).translate(_FOLD)


def normalize(text: str) -> str:
    """`text` with unified line ends, clean spaces, full-width Chinese punctuation."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    if "\ufe30" in text or "\ufe55" in text:  # Hong Kong's colons `日期︰`, `來源﹕`
        text = text.replace("\ufe30", "：").replace("\ufe55", "：")
    text = _SPACES.sub(" ", _FULL_WIDTH.sub(_fold, _INVISIBLE.sub("", text)))
    # Whole-text passes: no pattern crosses a line break, and `_PUNCT` reads `$` per line.
    text = "\n".join([line.strip() for line in text.split("\n")])
    for pattern, wide in _PUNCT:
        text = pattern.sub(wide, text)
    text = _SPACE_AFTER_WIDE.sub("", text)  # full-width marks carry their own spacing
    if " " in text:
        text = _DIGIT_SPACE.sub("", text)
    return _BLANKS.sub("\n\n", text).strip("\n")


__all__ = ["normalize"]
