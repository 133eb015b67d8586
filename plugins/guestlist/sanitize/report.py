"""What the sanitiser removed, in words, on the line of the source that holds it.

Only called for HTML the policy found something in, so parsing it again with
Beautiful Soup costs nothing for the files that are fine.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..core.frontmatter import prose_lines, read_header
from ..core.problems import ERROR, ContentProblem, find_field_line, problem
from .policy import (
    SAFE_ATTRIBUTE_PREFIXES,
    SAFE_ATTRIBUTES,
    SAFE_STYLE_PROPERTIES,
    SAFE_TAGS,
    SAFE_URL_SCHEMES,
)

# Attributes whose value is an address, and so may hold a `javascript:` link.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


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
                # Browsers drop tabs, line breaks and control characters from an
                # address: "java&#9;script:" is a javascript: link.
                compact = _IGNORED_IN_URLS.sub("", str(value))
                scheme = _SCHEME.match(compact)
                if scheme and scheme.group(1).lower() not in SAFE_URL_SCHEMES:
                    written = scheme.group(1).lower()
                    as_written = scheme.group(1) in str(value)
                    parts.append(
                        (
                            f"{scheme.group(1)}:" if as_written else f"{attribute}=",
                            f"a {written}: link on <{name}> would run code or "
                            "hide what it opens, so the build removes it; link to "
                            "a web address (https://…) instead",
                        )
                    )
            elif attribute == "style":
                parts += [
                    (
                        prop,
                        f"the style property {prop} on <{name}> is not allowed "
                        "(it could cover or restyle the page), so the build removes it; "
                        f"use only {', '.join(sorted(SAFE_STYLE_PROPERTIES))}",
                    )
                    for prop in _style_properties(str(value))
                    if prop not in SAFE_STYLE_PROPERTIES
                ]
    return parts


def _style_properties(style: str) -> list[str]:
    """The property names of a style attribute, lower-case, in order."""
    names = []
    for declaration in style.split(";"):
        name, colon, _ = declaration.partition(":")
        if colon and name.strip():
            names.append(name.strip().lower())
    return names


def unsafe_html_problems(
    source_path: str | Path,
    html: str,
    content_root: str | Path,
    field: str | None = None,
    trusted_by_host: bool = True,
) -> list[ContentProblem]:
    """One error for each unsafe part of `html`, on its line of `source_path`.

    `field`: the HTML is a metadata field's (a Summary), so its parts are
    looked for from that field's line, not from the body. `trusted_by_host`:
    whether the host could keep this file's HTML (posts and pages: yes; a bio
    or a description: no), which the message then says how.
    """
    lines, first_body_line = _body_lines(source_path)
    if field:
        first_body_line = find_field_line(source_path, field) or 1
    searched_from = {}  # text to find -> the line after the last one found
    problems = []
    for needle, message in unsafe_parts(html):
        start = searched_from.get(needle.lower(), first_body_line)
        line = _find_line(lines, needle, start)
        if line is None and needle.endswith(":"):  # the scheme was written as entities
            near = (
                _find_line(lines, f"{name}=", start) for name in sorted(_URL_ATTRIBUTES)
            )
            line = min((number for number in near if number), default=None)
        if line:
            searched_from[needle.lower()] = line + 1
        if trusted_by_host:
            message += " (a host who trusts this file can keep it: "
            message += "GUEST_SERIES_TRUSTED_HTML_FILES)"
        found = problem(source_path, message, severity=ERROR, content_root=content_root)
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
    article = "an" if name[:1] in "aeiou" else "a"
    return (
        f"{article} <{name}> element is not allowed, so the build removes it "
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
