"""A person's initials, for an avatar drawn where no picture is given.

Both the theme (an initials avatar in place of a missing picture) and the
social cards draw them, so they are worked out once, here, the same way.
"""

from __future__ import annotations

import unicodedata

# At most this many letters: the first name's and the last name's.
MOST = 2


def initials(name: str) -> str:
    """Up to two capitals: the first letter of the first and of the last word.

    "Hannah Lindqvist" gives "HL", "Ludwig van Beethoven" "LB", "PFNDF" "P",
    "Łukasz Wróbel" "ŁW". Words with no letter or digit ("—", "&") are
    skipped; a name with none at all gives "".
    """
    # NFC first, so that a letter written as a base and a combining accent
    # stays one character ("É", not "E").
    words = unicodedata.normalize("NFC", name).split()
    firsts = [first for first in map(_first_letter, words) if first]
    if len(firsts) > MOST:
        firsts = [firsts[0], firsts[-1]]
    return "".join(firsts).upper()


def _first_letter(word: str) -> str:
    for character in word:
        if character.isalnum():
            return character
    return ""
