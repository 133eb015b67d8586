"""Make the links and images in a post's HTML absolute, for feeds.

A feed entry is read away from the site, so `/images/x.png` or `../other/`
mean nothing there. Pelican already makes `{filename}` and `{static}` links
absolute in a publish build; the rest (root-relative and relative addresses
written by hand) are resolved here against the post's own address, exactly as
a browser reading the post's page would resolve them.

The HTML comes from Python-Markdown (plus any raw HTML in a post), where text
and code never hold a raw `<`: it is escaped as `&lt;`. So an `=` is inside a
tag exactly when the nearest `<` before it comes after the nearest `>`. The
search looks for `=` (which the regular expression engine finds very fast),
then checks the attribute's name and that it is in a tag: far cheaper than
parsing every post with an HTML parser, and it runs once a post however many
feeds hold it.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import urljoin, urlsplit

# Attributes holding one address, and the one holding a list of them.
URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action")
SRCSET_ATTRIBUTE = "srcset"

# `=` and the value after it; values are taken whole, and never span a `<`.
_VALUE = re.compile(
    r"""=\s*(?:"(?P<double>[^"<]*)"|'(?P<single>[^'<]*)'|(?P<bare>[^\s"'<>]+))"""
)
# The name of the attribute just before the `=`, if it is one holding addresses.
_URL_NAME = re.compile(
    r"\s(?P<name>{names})\s*\Z".format(names="|".join((SRCSET_ATTRIBUTE, *URL_ATTRIBUTES))),
    re.IGNORECASE,
)
_LONGEST_NAME = max(len(name) for name in (SRCSET_ATTRIBUTE, *URL_ATTRIBUTES)) + 4

# A scheme (https:, mailto:, data: …) makes an address absolute.
_SCHEME = re.compile(r"\s*[A-Za-z][A-Za-z0-9+.-]*:")


def is_absolute(url: str) -> bool:
    """True for an address with a scheme (https:, mailto:, data: …)."""
    return _SCHEME.match(url) is not None


def _resolver(page_url):
    """A function resolving an address against `page_url`, as urljoin does.

    The common cases, `/images/x.png` and `#part`, are joined by hand: urljoin
    costs more than the rest of a post's pass together.
    """
    parts = urlsplit(page_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    page = page_url.split("#", 1)[0]

    def resolve(value: str) -> str:
        if value.startswith("/") and not value.startswith("//") and "/." not in value:
            return origin + value
        if value.startswith("#"):
            return page + value
        return urljoin(page_url, value)

    return resolve


def _resolve_srcset(value, resolve):
    candidates = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts and not is_absolute(parts[0]):
            parts[0] = resolve(parts[0])
        candidates.append(" ".join(parts))
    return ", ".join(candidates)


def make_absolute(html: str, page_url: str) -> str:
    """`html` with every relative address in a tag resolved against `page_url`.

    Absolute addresses, `mailto:` and `data:` ones are left as they are, and so
    is anything that only looks like an attribute in text or code. A rewritten
    value is written back double-quoted and escaped. When nothing needs
    resolving, `html` itself comes back, not a copy: a feed entry then shares
    the text Pelican keeps anyway, instead of a copy per post.
    """
    if not html:
        return html
    resolve = _resolver(page_url)
    rewritten = False

    def rewrite(match: re.Match[str]) -> str:
        start = match.start()
        name = _URL_NAME.search(html, max(0, start - _LONGEST_NAME), start)
        if name is None:
            return match.group(0)
        raw = match.group("double")
        if raw is None:
            raw = match.group("single")
        if raw is None:
            raw = match.group("bare")
        if is_absolute(raw):
            return match.group(0)
        if html.rfind("<", 0, start) < html.rfind(">", 0, start):
            return match.group(0)  # text between tags, not an attribute
        value = unescape(raw).strip() if "&" in raw else raw.strip()
        if name.group("name").lower() == SRCSET_ATTRIBUTE:
            resolved = _resolve_srcset(value, resolve)
        elif value:
            resolved = resolve(value)
        else:
            return match.group(0)
        nonlocal rewritten
        rewritten = True
        return f'="{escape(resolved, quote=True)}"'

    result = _VALUE.sub(rewrite, html)
    return result if rewritten else html
