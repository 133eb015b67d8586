"""Take out of posts and pages whatever could run in a reader's browser.

Guests send Markdown, and Markdown lets raw HTML through: a `<script>`, an
`<iframe>`, an `onclick=` attribute or a `javascript:` link in a guest's post
would run on the blog's own pages. Every post and page is cleaned as Pelican
reads it (the `content_object_init` signal), so that no check skipped before
the build can ship a script. The cleaning is nh3's (the Python binding of the
Rust sanitiser ammonia), with an allowlist wide enough for everything the
site's Markdown extensions produce; only a file whose metadata says
`Allow_unsafe_html: yes` is left as written.

To say *what* was removed, and on which line, each post is cleaned twice: once
by the allowlist and once by a cleaner that lets every known element and
attribute through. Both normalise the HTML the same way, so the two results
differ exactly when the allowlist took something out; only then is the HTML
parsed again, to name each part, and the source read, to find its line.
"""

import logging
import re
from dataclasses import replace
from pathlib import Path

import nh3
from pelican.contents import Article, Page

from ..core.frontmatter import prose_lines, read_header
from ..core.problems import ERROR, display_path, problem, report

logger = logging.getLogger(__name__)

# The metadata key with which a host lets one file keep its raw HTML.
ALLOW_FIELD = "allow_unsafe_html"
ALLOW_VALUES = frozenset({"yes", "true", "1"})

# Elements a post may contain: ammonia's defaults, plus what Markdown's
# extensions and a careful writer use (media, sections, definition lists …).
SAFE_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "audio",
    "picture",
    "section",
    "source",
    "track",
    "video",
}
# Attributes any element may keep: classes and ids carry code highlighting,
# admonitions (the host's note), footnotes and the table of contents.
_ANY_ELEMENT = {"class", "id", "title", "lang", "dir", "role", "style"}
SAFE_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": _ANY_ELEMENT,
    "a": {"href", "hreflang", "rel", "target", "name"},
    "img": {"alt", "src", "width", "height", "loading", "align"},
    "video": {"src", "controls", "width", "height", "poster", "preload", "loop", "muted"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "abbr": {"title"},
}
SAFE_ATTRIBUTE_PREFIXES = {"aria-", "data-"}
# Style attributes stay (Markdown's tables align cells with them), but only
# with properties that change how text looks, not what covers the page.
SAFE_STYLE_PROPERTIES = {
    "text-align",
    "vertical-align",
    "color",
    "background-color",
    "font-style",
    "font-weight",
    "text-decoration",
    "width",
    "height",
    "max-width",
}
SAFE_URL_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES)

# Every element of HTML, SVG's and MathML's roots, and the schemes that can run
# code: what the permissive cleaner lets through so that the difference with
# the strict one is what the strict one removed.
_EVERY_TAG = SAFE_TAGS | {
    "applet",
    "base",
    "basefont",
    "button",
    "canvas",
    "datalist",
    "dialog",
    "embed",
    "fieldset",
    "form",
    "frame",
    "frameset",
    "iframe",
    "input",
    "label",
    "legend",
    "link",
    "math",
    "meta",
    "meter",
    "noscript",
    "object",
    "optgroup",
    "option",
    "output",
    "param",
    "portal",
    "progress",
    "script",
    "search",
    "select",
    "slot",
    "svg",
    "template",
    "textarea",
}
_EVERY_SCHEME = SAFE_URL_SCHEMES | {"javascript", "vbscript", "data", "blob", "file"}

_STRICT = nh3.Cleaner(
    tags=set(SAFE_TAGS),
    clean_content_tags={"script", "style"},
    attributes=SAFE_ATTRIBUTES,
    generic_attribute_prefixes=SAFE_ATTRIBUTE_PREFIXES,
    filter_style_properties=SAFE_STYLE_PROPERTIES,
    url_schemes=set(SAFE_URL_SCHEMES),
    link_rel=None,
)
# ammonia cannot keep <style> elements while it filters style attributes, so
# the permissive cleaner drops them too, and they are looked for on their own.
_PERMISSIVE = nh3.Cleaner(
    tags=set(_EVERY_TAG),
    clean_content_tags={"style"},
    attributes=SAFE_ATTRIBUTES,
    generic_attribute_prefixes={""},  # every attribute
    filter_style_properties=SAFE_STYLE_PROPERTIES,
    url_schemes=set(_EVERY_SCHEME),
    link_rel=None,
)

# Attributes whose value is an address, and so may hold a `javascript:` link.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "data"}
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")
_STYLE_ELEMENT = re.compile(r"<style", re.IGNORECASE)


def clean_html(html):
    """`html` with everything unsafe removed, and whether anything was."""
    cleaned = _STRICT.clean(html)
    if cleaned == html:
        return cleaned, False
    removed = cleaned != _PERMISSIVE.clean(html) or bool(_STYLE_ELEMENT.search(html))
    return cleaned, removed


def is_allowed(metadata):
    """Whether a file's metadata lets it keep raw HTML."""
    return str(metadata.get(ALLOW_FIELD, "")).strip().lower() in ALLOW_VALUES


def sanitize_content(content, **kwargs):
    """content_object_init: clean a post's or page's HTML as Pelican reads it."""
    if not isinstance(content, (Article, Page)):
        return
    settings = content.settings
    html = content._content
    if not html or not settings.get("GUEST_SERIES_SANITIZE", True):
        return
    content_root = Path(settings["PATH"])
    if is_allowed(content.metadata):
        if clean_html(html)[1]:
            logger.info(
                "%s keeps raw HTML the build would otherwise remove, as its "
                "metadata allows (Allow_unsafe_html)",
                display_path(content.source_path, content_root),
            )
        return
    cleaned, removed = clean_html(html)
    content._content = cleaned
    if removed:
        report(unsafe_html_problems(content.source_path, html, content_root))


def sanitize_sources(sources, html_field, settings, content_root):
    """Profiles or series descriptions with their rendered body cleaned.

    `sources` maps names to frozen values (GuestProfile, SeriesDescription)
    whose `html_field` holds the body. Returns the cleaned mapping and a
    problem for each part removed. These files have no way to allow raw HTML:
    a bio or a description needs none.
    """
    if not settings.get("GUEST_SERIES_SANITIZE", True):
        return sources, []
    cleaned_sources, problems = {}, []
    for name, source in sources.items():
        html = getattr(source, html_field)
        cleaned, removed = clean_html(html) if html else (html, False)
        if removed:
            problems += unsafe_html_problems(
                Path(content_root) / source.source_path, html, content_root
            )
        cleaned_sources[name] = replace(source, **{html_field: cleaned})
    return cleaned_sources, problems


def unsafe_parts(html):
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


def unsafe_html_problems(source_path, html, content_root):
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
