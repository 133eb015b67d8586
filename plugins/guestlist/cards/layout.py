"""Fitting text into the card: lines of at most a width, and a title at the largest size.

Plain text and a `measure` function (text -> width in pixels), no Pillow, so
that the rules are tested with any measure: a title wraps at spaces, a word
too long for a line is broken, and text that needs more lines than it may
have ends in an ellipsis on its last line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Measure = Callable[[str], float]

ELLIPSIS = "…"


def wrap(text: str, width: float, measure: Measure, max_lines: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `max_lines` of them.

    When it needs more, the last line kept ends in an ellipsis (with as many
    of its words as fit before it), so a reader sees that the text goes on.
    """
    lines = _lines(text.split(), width, measure)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = ellipsised(f"{kept[-1]} {lines[max_lines]}", width, measure)
    return kept


def ellipsised(text: str, width: float, measure: Measure) -> str:
    """`text` if it fits `width`, else as many of its words as fit, then "…".

    Whole words are dropped first; a single word too long is cut letter by
    letter.
    """
    text = " ".join(text.split())
    if measure(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        candidate = " ".join(words).rstrip(",;:–—-") + ELLIPSIS
        if measure(candidate) <= width:
            return candidate
    word = words[0]
    while word and measure(word + ELLIPSIS) > width:
        word = word[:-1]
    return word + ELLIPSIS


def fit(
    text: str, width: float, measures: Sequence[Measure], max_lines: int
) -> tuple[int, list[str]]:
    """(which measure, lines): the first measure (largest size) at which `text` fits
    in `max_lines` whole; the last one, ellipsised, when none does."""
    for place, measure in enumerate(measures):
        lines = _lines(text.split(), width, measure)
        if len(lines) <= max_lines:
            return place, lines
    last = len(measures) - 1
    return last, wrap(text, width, measures[last], max_lines)


def _lines(words: list[str], width: float, measure: Measure) -> list[str]:
    """Words filled greedily into lines; a word wider than a line is broken."""
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if measure(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for piece in _pieces(word, width, measure):
            if line:
                lines.append(line)
            line = piece
    if line:
        lines.append(line)
    return lines


def _pieces(word: str, width: float, measure: Measure) -> list[str]:
    """`word` cut into pieces that each fit `width` (at least one letter a piece)."""
    pieces, piece = [], ""
    for letter in word:
        if piece and measure(piece + letter) > width:
            pieces.append(piece)
            piece = ""
        piece += letter
    pieces.append(piece)
    return pieces
