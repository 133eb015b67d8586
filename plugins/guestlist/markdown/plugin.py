"""The Pelican side of guestlist.markdown: the extensions switched on at start-up.

The extensions are added to the site's MARKDOWN settings by dotted name, so
that Pelican's Markdown reader (and any other) loads them as it loads its own.

With GUEST_SERIES_MENTION_ACCOUNTS set, mentions link only the accounts it
lists and those of the guests' profiles. The profiles are the series
feature's, which this feature does not import: their handles are read here
from the profiles' metadata blocks, through core, as the series feature
reads them (a handle it reports as bad is left out here too). Each account a
post links is a note in the build's collector, so that `make check` lists
them for the host to see.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pelican import signals

from ..core.frontmatter import markdown_files, parse_header, prose_lines, source_lines
from ..core.handles import HandleError, parse_mastodon, parse_x
from ..core.lifecycle import connect_core, settings_file_of
from ..core.problems import NOTE, WARNING, ContentProblem, collector_for, display_path
from ..core.punctuation import TYPESET_TITLES_SETTING, typeset
from ..core.reading import ContentRefused, read_source_text
from . import host_note, mentions, tweets, typography

# Python-Markdown's own extension for smart punctuation: both at once would do it twice.
SMARTY = "markdown.extensions.smarty"


def add_markdown_extensions(pelican: Any, **kwargs: Any) -> None:
    """initialized: switch the extensions on, configured from the settings."""
    settings = pelican.settings
    markdown = settings.setdefault("MARKDOWN", {})
    extension_configs = markdown.setdefault("extension_configs", {})
    extension_configs.setdefault(typography.__name__, {})
    typeset_site_titles(settings)
    extension_configs[host_note.__name__] = {
        "note_type": settings["GUEST_SERIES_HOST_NOTE_TYPE"]
    }
    if SMARTY in extension_configs or SMARTY in markdown.get("extensions", ()):
        collector_for(settings).add(
            ContentProblem(
                path=settings_file_of(settings),
                message=f"MARKDOWN loads {SMARTY} as well as the guestlist.markdown "
                "plugin, which does the same work",
                severity=WARNING,
                field="MARKDOWN",
                fix=f"take {SMARTY} out of MARKDOWN",
            )
        )
    extension_configs[tweets.__name__] = {
        "x_domain": settings["GUEST_SERIES_X_DOMAIN"],
        "date_format": settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
        "widgets": settings["GUEST_SERIES_X_WIDGETS"],
    }
    if settings["GUEST_SERIES_MENTIONS"]:
        listed = settings.get("GUEST_SERIES_MENTION_ACCOUNTS")
        config = {"x_domain": settings["GUEST_SERIES_X_DOMAIN"], "limited": False}
        if listed is not None:
            accounts = {account.removeprefix("@").lower() for account in listed}
            accounts |= guest_accounts(settings)
            # Sorted, for the cache's fingerprint of MARKDOWN.
            config.update(limited=True, accounts=sorted(accounts))
        extension_configs[mentions.__name__] = config


# The site's names, shown in every page's head and header, and in the feeds.
SITE_TITLE_SETTINGS = ("SITENAME", "SITESUBTITLE")


def typeset_site_titles(settings: Any) -> None:
    """Titles get the bodies' punctuation: the site's name and subtitle here, once,
    and each post's title and each series' name as they are read (core/punctuation.py).
    """
    settings[TYPESET_TITLES_SETTING] = True
    for name in SITE_TITLE_SETTINGS:
        if isinstance(settings.get(name), str):
            settings[name] = typeset(settings[name])


# The profile fields whose handles mentions can link, as the series feature reads them.
_HANDLE_FIELDS = (("twitter", parse_x), ("x", parse_x), ("mastodon", parse_mastodon))


def guest_accounts(settings: Any) -> set[str]:
    """The X and Mastodon accounts of every guest profile, as `name`, `user@server`."""
    folder = Path(settings["PATH"]) / settings["GUEST_SERIES_PROFILES_PATH"]
    accounts = set()
    for path in markdown_files(folder):
        try:  # through the trust boundary, as every guest file is read
            header = parse_header(read_source_text(path, settings["PATH"]))
        except ContentRefused:
            continue  # the series feature reports it
        for field, parse in _HANDLE_FIELDS:
            value = header.get(field)
            if not value:
                continue
            try:
                accounts.add(parse(value).name.lower())
            except HandleError:
                continue  # reported by the series feature, and not linked
    return accounts


# A mention link as the extension writes it (and nh3 keeps it, perhaps with
# more attributes).
_MENTION_LINK = re.compile(r"<a\b([^>]*)>([^<]*)</a>", re.IGNORECASE)
_CLASS_MENTION = re.compile(r"""\bclass\s*=\s*["'][^"']*\bmention\b""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)


def linked_accounts(html: str) -> dict[str, str]:
    """{mention as written: its address} of each account `html` links, in order."""
    found = {}
    for link in _MENTION_LINK.finditer(html or ""):
        attributes, text = link.groups()
        href = _HREF.search(attributes)
        if href and _CLASS_MENTION.search(attributes):
            found.setdefault(text.strip().lower(), href[1].lower())
    return found


def note_linked_accounts(content: Any, **kwargs: Any) -> None:
    """content_object_init: a note for each account the post links, on its line."""
    settings = getattr(content, "settings", None)
    source = getattr(content, "source_path", None)
    if not settings or not source or not settings.get("GUEST_SERIES_MENTIONS"):
        return
    html = getattr(content, "_content", None)
    summary = getattr(content, "_summary", None)
    texts = [text for text in (html, summary) if isinstance(text, str)]
    texts = [text for text in texts if "mention" in text]
    if not texts:
        return
    found = {}
    for text in texts:
        for written, url in linked_accounts(text).items():
            found.setdefault(written, url)
    if not found:
        return
    first = _first_lines(_lines_of(source), list(found))
    collector = collector_for(settings)
    shown = display_path(source, settings.get("PATH"))
    for written, url in found.items():
        collector.add(
            ContentProblem(
                path=shown,
                message=f"links {written} to {url}",
                severity=NOTE,
                line=first.get(written),
            )
        )


def _lines_of(source: str) -> list[str]:
    try:
        return source_lines(Path(source).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return []


def _first_lines(lines: list[str], accounts: list[str]) -> dict[str, int]:
    """The first line each account is written on, outside code: one walk of the file."""
    patterns = {
        written: re.compile(rf"(?<![\w@/.]){re.escape(written)}(?![\w@])", re.IGNORECASE)
        for written in accounts
    }
    first: dict[str, int] = {}
    for number, text in prose_lines(lines):
        if "@" not in text:
            continue
        lowered = text.lower()
        for written, pattern in patterns.items():
            if written not in first and written in lowered and pattern.search(text):
                first[written] = number
        if len(first) == len(patterns):
            break
    return first


def register() -> None:
    connect_core()
    signals.initialized.connect(add_markdown_extensions)
    signals.content_object_init.connect(note_linked_accounts)
