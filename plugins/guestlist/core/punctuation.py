"""Smart punctuation's rules, on text: curly quotes, en and em dashes, ellipses.

The rules are Python-Markdown's `smarty` extension's with its default
configuration (themselves John Gruber's SmartyPants'): `---` is an em dash,
`--` an en dash, `...` an ellipsis, and a straight quote opens or closes by
the characters around it, with apostrophes inside words (don't), decade
abbreviations ('90s) and a quote at the very start of a paragraph followed by
punctuation ("... ) as special cases. The output is the Unicode characters
themselves (’ “ ” – — …), never entities, so that a value reads the same
escaped in HTML, in an attribute, in a feed or in JSON-LD.

The Markdown extension (markdown/typography.py) applies them to the bodies;
the same rules set titles, series names and the site's name (`typeset`),
which is why they live here, on the floor every feature stands on.

Here the rules are the alternatives of one regular expression, tried in
smarty's order: smarty's fifteen inline patterns, each tried over every run
of text, doubled Markdown's time per post. A quote beside a read-only piece
(code) sees its characters, as smarty's rules would, but never curls them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

# Set in a build's settings by the feature that typesets bodies (guestlist.markdown):
# titles and names then get the same punctuation as the text they head.
TYPESET_TITLES_SETTING = "GUESTLIST_TYPESET_TITLES"

# A code span as Markdown writes one (`code`, ``co`de``): kept as written in a title.
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)

# Smarty's character classes. A quote closes after CLOSE; \x02 and \x03 are
# the ends of Markdown's placeholders (raw HTML, entities, backslash escapes).
PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
CLOSE = r"[^ \t\r\n\[{(\-\x02\x03\ue000]"
# Smarty curls dashes before quotes: a quote next to `--` or `---` sees a
# placeholder, not a dash. Only a run of four or more dashes stays as written.
NOT_A_DASH = r"(?!-{2,3}(?!-))"
# What an opening quote follows: a space, or a dash, as written or curled.
OPENING = r"(?:(?<=\s)|(?<=----)|(?<=[–—]))"

# Smarty's rules, in the order smarty applies them; the first that matches
# at a position wins. The group's name says what it becomes (REPLACEMENTS).
# It is tried only where ANY_CANDIDATE finds something: searched for over
# a whole text, trying eighteen alternatives at every character, it would be
# many times slower.
SMART_PUNCTUATION = re.compile(
    r"(?P<mdash>(?<!-)---(?!-))"
    r"|(?P<ndash>(?<!-)--(?!-))"
    r"|(?P<hellip>(?<!\.)\.{3}(?!\.))"
    # A quote opening the text and followed by punctuation closes ("...).
    rf"|(?P<rsquo_first>^'{NOT_A_DASH}(?={PUNCT}\B))"
    rf"|(?P<rdquo_first>^\"{NOT_A_DASH}(?={PUNCT}\B))"
    # Quotes within quotes.
    r"|(?P<ldquo_lsquo>\"'(?=\w))"
    r"|(?P<lsquo_ldquo>'\"(?=\w))"
    rf"|(?P<rsquo_rdquo>(?<={CLOSE})'\")"
    rf"|(?P<rdquo_rsquo>(?<={CLOSE})\"')"
    # The '90s.
    r"|(?P<rsquo_decade>(?<!\w)'(?=\d{2}s))"
    rf"|(?P<lsquo_opening>{OPENING}'(?=\w))"
    # An apostrophe in a word closes, as do quotes after one.
    rf"|(?P<rsquo_closing>(?<={CLOSE})'(?!\s|s\b|\d))"
    r"|(?P<rsquo_before>'(?=\s|s\b))"
    r"|(?P<lsquo>')"
    rf"|(?P<ldquo_opening>{OPENING}\"(?=\w))"
    r"|(?P<rdquo_before>\"(?=\s))"
    rf"|(?P<rdquo_closing>(?<={CLOSE})\")"
    r"|(?P<ldquo>\")"
)
REPLACEMENTS = {
    "mdash": "—",
    "ndash": "–",
    "hellip": "…",
    "rsquo_first": "’",
    "rdquo_first": "”",
    "ldquo_lsquo": "“‘",
    "lsquo_ldquo": "‘“",
    "rsquo_rdquo": "’”",
    "rdquo_rsquo": "”’",
    "rsquo_decade": "’",
    "lsquo_opening": "‘",
    "rsquo_closing": "’",
    "rsquo_before": "’",
    "lsquo": "‘",
    "ldquo_opening": "“",
    "rdquo_before": "”",
    "rdquo_closing": "”",
    "ldquo": "“",
}
QUOTES = "'\""
# Where SMART_PUNCTUATION may match. Each alternative starts with a plain
# character, which lets the search skip from one candidate to the next in C.
ANY_CANDIDATE = re.compile(r"'|\"|--|\.\.\.")
# Text that is only read, never changed (code beside a quote): its quotes
# must not be taken for quotes to curl, nor pair with one outside.
READ_ONLY = str.maketrans({"'": "\x01", '"': "\x01"})

# A quote with another quote at most two characters away: smarty's result
# depends on which of the two its rules curl first (curl_near_quotes).
NEAR_QUOTES = re.compile(r"['\"](?:.{0,1}['\"])+", re.DOTALL)
# What smarty has curled reads as a placeholder to the rules after it.
CURLED = "\ue000"
DASHES = re.compile(r"(?<!-)-{2,3}(?!-)")


# The quote rules of SMART_PUNCTUATION, one by one, in smarty's order and
# with the character before or after that smarty consumes with the quote
# (and gives back unchanged), for runs of near quotes.
QUOTE_RULES_IN_ORDER = tuple(
    (re.compile(pattern), REPLACEMENTS[name])
    for name, pattern in (
        ("rsquo_first", rf"^'{NOT_A_DASH}(?={PUNCT}\B)"),
        ("rdquo_first", rf"^\"{NOT_A_DASH}(?={PUNCT}\B)"),
        ("ldquo_lsquo", r"\"'(?=\w)"),
        ("lsquo_ldquo", r"'\"(?=\w)"),
        ("rsquo_rdquo", rf"(?<={CLOSE})'\""),
        ("rdquo_rsquo", rf"(?<={CLOSE})\"'"),
        ("rsquo_decade", r"(?<!\w)'(?=\d{2}s)"),
        ("lsquo_opening", r"(\s|----|[–—])'(?=\w)"),
        ("rsquo_closing", rf"(?<={CLOSE})'(?!\s|s\b|\d)"),
        ("rsquo_before", r"'(\s|s\b)"),
        ("lsquo", r"'"),
        ("ldquo_opening", r"(\s|----|[–—])\"(?=\w)"),
        ("rdquo_before", r"\"(?=\s)"),
        ("rdquo_closing", rf"(?<={CLOSE})\""),
        ("ldquo", r"\""),
    )
)


def curl_near_quotes(text: str) -> dict[int, str]:
    """{index: curled quote} for every quote in `text`, rule after rule as smarty does.

    Slower than SMART_PUNCTUATION (fifteen searches), so used only for the
    few texts with quotes close together. Whatever a rule curls, and the
    characters it consumes with it, read as a placeholder to the rules after.
    """
    work = DASHES.sub(lambda match: CURLED * len(match[0]), text)
    curled = {}
    for rule, replacement in QUOTE_RULES_IN_ORDER:
        position = 0
        while match := rule.search(work, position):
            quotes = [i for i in range(match.start(), match.end()) if work[i] in QUOTES]
            for index, quote in zip(quotes, replacement, strict=True):
                curled[index] = quote
            work = work[: match.start()] + CURLED * len(match[0]) + work[match.end() :]
            position = match.end()
    return curled


def educate(pieces: Sequence[tuple[str, bool]]) -> list[str] | None:
    """Curl the punctuation of one block's texts, read as one text.

    `pieces` are the block's texts in reading order, each a (text, editable)
    pair. The result is the list of texts with the editable ones educated,
    or None when there is nothing to change (most paragraphs).
    """
    texts = [text if editable else text.translate(READ_ONLY) for text, editable in pieces]
    whole = "".join(texts)
    matches, done = [], 0
    for candidate in ANY_CANDIDATE.finditer(whole):
        if candidate.start() >= done:
            match = SMART_PUNCTUATION.match(whole, candidate.start())
            if match:
                matches.append(match)
                done = match.end()
    if not matches:
        return None
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text)
    edits = [[] for _ in pieces]  # (start, end, replacement) within each piece
    near = None
    for match in matches:
        start, end = match.span()
        replacement = REPLACEMENTS[match.lastgroup]
        if whole[start] in QUOTES:
            if near is None:
                near = _near_quotes(whole)
            for offset, index in enumerate(range(start, end)):
                number = bisect_right(starts, index) - 1
                if pieces[number][1]:
                    quote = near.get(index, replacement[offset])
                    local = index - starts[number]
                    edits[number].append((local, local + 1, quote))
        else:
            number = bisect_right(starts, start) - 1
            local = start - starts[number]
            # A dash or an ellipsis split by an element's edge stays as written.
            if pieces[number][1] and local + (end - start) <= len(texts[number]):
                edits[number].append((local, local + end - start, replacement))
    return [_apply(text, changes) for (text, _), changes in zip(pieces, edits, strict=True)]


def _near_quotes(whole):
    """The quotes smarty would curl otherwise than SMART_PUNCTUATION, by index."""
    if not NEAR_QUOTES.search(whole):
        return {}
    curled = curl_near_quotes(whole)
    return {
        index: curled[index]
        for run in NEAR_QUOTES.finditer(whole)
        for index in range(run.start(), run.end())
        if index in curled
    }


def _apply(text, changes):
    if not changes:
        return text
    out, done = [], 0
    for start, end, replacement in changes:
        out += [text[done:start], replacement]
        done = end
    out.append(text[done:])
    return "".join(out)


def typeset(text: str) -> str:
    """`text`, plain text such as a title, with the punctuation bodies get.

    Code spans (`like this`) stay as written, as they do in a body. A text
    with nothing to curl is returned as it is, the same object.
    """
    if not text or not ANY_CANDIDATE.search(text):
        return text
    pieces, done = [], 0
    for span in CODE_SPAN.finditer(text):
        pieces += [(text[done : span.start()], True), (span[0], False)]
        done = span.end()
    pieces.append((text[done:], True))
    educated = educate([piece for piece in pieces if piece[0]])
    return text if educated is None else "".join(educated)


def typeset_titles(settings: Mapping[str, Any]) -> bool:
    """Whether this build gives titles and names the punctuation of the bodies."""
    return bool(settings.get(TYPESET_TITLES_SETTING))
