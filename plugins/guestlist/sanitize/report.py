"""What the sanitiser removed, in words, on the line of the source that holds it.

Only called for HTML the policy found something in, so parsing it again with
Beautiful Soup costs nothing for the files that are fine.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..core.frontmatter import prose_lines, read_header
from ..core.problems import ERROR, ContentProblem, problem
from .policy import SAFE_ATTRIBUTE_PREFIXES, SAFE_ATTRIBUTES, SAFE_TAGS, SAFE_URL_SCHEMES

# Attributes whose value is an address, and so may hold a `javascript:` link.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")


def unsafe_parts(html: str) -> list[tuple[str, str]]:
    """What the strict cleaner removes from `html`: (text to find, message) pairs.

    Only called for HTML the cleaners found something in, so parsing it again
    costs nothing for the posts that are fine.
    """
    # Imported here: most builds never get this far, and the import costs
    # more than cleaning every post of a small blog.
    from bs4 import BeautifulSoup

    parts = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        name = element.name
        if name not in SAFE_TAGS:
            parts.append((f"<{name}", _element_message(name)))
            continue
        for attribute, value in element.attrs.items():
            attribute = attribute.lower()
            if attribute.startswith("on"):
                parts.append(
                    (
                        f"{attribute}=",
                        f"the {attribute}= attribute on <{name}> runs a script, so "
                        "the build removes it; delete it",
                    )
                )
            elif not _attribute_allowed(name, attribute):
                parts.append(
                    (
                        f"{attribute}=",
                        f"the {attribute}= attribute on <{name}> is not allowed in "
                        "posts, so the build removes it; delete it",
                    )
                )
            elif attribute in _URL_ATTRIBUTES:
                scheme = _SCHEME.match(str(value))
                if scheme and scheme.group(1).lower() not in SAFE_URL_SCHEMES:
                    written = scheme.group(1).lower()
                    parts.append(
                        (
                            f"{scheme.group(1)}:",
                            f"a {written}: link on <{name}> would run code or "
                            "hide what it opens, so the build removes it; link to "
                            "a web address (https://…) instead",
                        )
                    )
    return parts


def unsafe_html_problems(
    source_path: str | Path, html: str, content_root: str | Path
) -> list[ContentProblem]:
    """One error for each unsafe part of `html`, on its line of `source_path`."""
    lines, first_body_line = _body_lines(source_path)
    searched_from = {}  # text to find -> the line after the last one found
    problems = []
    for needle, message in unsafe_parts(html):
        start = searched_from.get(needle.lower(), first_body_line)
        line = _find_line(lines, needle, start)
        if line:
            searched_from[needle.lower()] = line + 1
        found = problem(
            source_path,
            f"{message} (a host can keep it by adding `Allow_unsafe_html: yes` "
            "to this file)",
            severity=ERROR,
            content_root=content_root,
        )
        problems.append(replace(found, line=line))
    return problems


def _attribute_allowed(tag, attribute):
    if attribute in SAFE_ATTRIBUTES["*"] or attribute in SAFE_ATTRIBUTES.get(tag, ()):
        return True
    return any(attribute.startswith(prefix) for prefix in SAFE_ATTRIBUTE_PREFIXES)


def _element_message(name):
    if name == "script":
        return (
            "a <script> would run on the blog's pages, so the build removes it; delete it"
        )
    if name in {"iframe", "frame", "object", "embed", "portal"}:
        return (
            f"an <{name}> would load another site into the blog's pages, so the build "
            "removes it; link to the page instead"
        )
    return (
        f"a <{name}> element is not allowed in posts, so the build removes it "
        "(keeping its text); delete it"
    )


def _body_lines(source_path):
    """The file's lines and the 1-based line its body starts on."""
    try:
        header, lines = read_header(source_path)
    except (OSError, UnicodeDecodeError):
        return [], 1
    return lines, header.body_line


def _find_line(lines, needle, start):
    """The first line from `start` (1-based) holding `needle`, outside code."""
    needle = needle.lower()
    for number, text in prose_lines(lines, start):
        if needle in text.lower():
            return number
    return None
