"""`make newpost` (guestlist-newpost): start a guest's post, and their profile.

It writes the post with every field filled in or explained in a comment, the
series' next free Series_index, and a date the day after the series' latest
post; and, when the guest has no profile yet, a profile to fill in. It reads
the metadata blocks of the existing files only, so it runs in a moment, and
it never overwrites a file.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.settings import read_settings
from pelican.utils import get_date

from ..core.frontmatter import MARKDOWN_SUFFIXES, markdown_files, read_header
from ..core.settings import all_schemas, apply_schemas
from ..core.slugs import slug_of
from ..series.ordering import parse_series_index, series_key, shorten

POST_TEMPLATE = """\
Title: {title}
Date: {date}
Author: {name}
{series_lines}
<!--
  Made by `make newpost`: the lines above are filled in, and you can change any
  of them. Keep them together at the top, with no blank line between them.
  Date: when the post goes live (YYYY-MM-DD HH:MM, {timezone} time). The host
      may move it. Until that time the post waits as a draft.
{series_help}\
  You can add these lines under the others:
  Summary: one or two sentences for post lists and the series page.
  Tags: a few topics, separated by commas.
  Leave out the host's note: the host adds it at the end.
  Write your post below, in Markdown, then delete this comment. Pictures go
  in content/images/posts/ (CONTRIBUTING.md shows how to link them).
  `make devserver` previews the site; `make check` checks your files.
-->

Write your post here.
"""

SERIES_LINES = """\
Series: {series}
Series_index: {index}
Short_title: {short_title}
"""

SERIES_HELP = """\
  Series_index: your number in the series, the next free one. The host may
      change it if two guests send a post at once.
  Short_title: how the posts before and after yours link to it ("Next
      {singular}: …"), in {limit} characters at most.
"""

PROFILE_TEMPLATE = """\
Name: {name}

<!--
  Your profile, shown under each of your posts and on your author page. Add
  any of these lines under Name (no blank line between them):
  Twitter: @your_handle
  Mastodon: @you@server.example
  Bluesky: you.bsky.social
  Website: https://your-site.example/
  Avatar: images/avatars/{slug}.jpg   (put the picture in content/images/avatars/)
  Then write your bio below, in Markdown, and delete this comment.
-->

{name} writes about …
"""


class NewPostError(Exception):
    """The post cannot be made (a file already there, a title with no words)."""


@dataclass(frozen=True)
class SeriesSoFar:
    """What the existing posts say about one series."""

    name: str
    singular: str
    next_index: int
    latest_date: datetime | None


@dataclass(frozen=True)
class Plan:
    """The files `make newpost` will write: path -> text, and what to tell the user."""

    files: dict
    notes: list


def plan_new_post(
    content_root: str | Path,
    settings: Mapping[str, Any],
    name: str,
    title: str,
    series: str | None = None,
    now: datetime | None = None,
) -> Plan:
    """The files for a new post by `name` (and their profile, if they have none)."""
    content_root = Path(content_root)
    now = now or _now(settings)
    notes = []
    slug = _slug(title, settings)
    if not slug:
        raise NewPostError(
            f"the title {title!r} has no letters or digits to name a file by"
        )
    posts_folder = content_root / _setting(settings, "GUEST_SERIES_NEW_POSTS_PATH")
    post_path = posts_folder / f"{slug}.md"
    if post_path.exists():
        raise NewPostError(
            f"{_shown(post_path, content_root)} is there already; give another TITLE, "
            "or edit that file"
        )

    date = now.replace(second=0, microsecond=0)
    series_lines = series_help = ""
    if series:
        found = read_series(content_root, settings, series)
        if found.next_index == 1 and found.latest_date is None:
            notes.append(f"There is no series {series!r} yet: this post starts it.")
        if found.latest_date is not None:
            date = max(date, found.latest_date + timedelta(days=1))
        limit = _setting(settings, "GUEST_SERIES_LABEL_MAX_LENGTH")
        series_lines = SERIES_LINES.format(
            series=found.name, index=found.next_index, short_title=shorten(title, limit)
        )
        series_help = SERIES_HELP.format(singular=found.singular, limit=limit)
        notes.append(f"{found.name}: this post is number {found.next_index}.")

    files = {
        post_path: POST_TEMPLATE.format(
            title=title,
            date=f"{date:%Y-%m-%d %H:%M}",
            name=name,
            series_lines=series_lines,
            series_help=series_help,
            timezone=settings.get("TIMEZONE") or "the site's",
        )
    }
    profiles = _profiles(content_root, settings)
    if name in profiles:
        notes.append(
            f"Your profile is {_shown(profiles[name], content_root)}: kept as it is."
        )
    else:
        profile_path = _free_path(
            content_root / _setting(settings, "GUEST_SERIES_PROFILES_PATH"),
            _slug(name, settings) or "guest",
        )
        files[profile_path] = PROFILE_TEMPLATE.format(name=name, slug=profile_path.stem)
        close = difflib.get_close_matches(name, list(profiles), n=1, cutoff=0.8)
        if close:
            other = _shown(profiles[close[0]], content_root)
            notes.append(
                f"There is a profile for {close[0]!r} ({other}): if that is you, delete "
                "the new profile and write that name as Author."
            )
    return Plan(files=files, notes=notes)


def read_series(
    content_root: Path, settings: Mapping[str, Any], series: str
) -> SeriesSoFar:
    """The series' name as written, its next free number and its latest date."""
    key = series_key(series)
    name, singular = series, _setting(settings, "GUEST_SERIES_DEFAULT_SINGULAR")
    descriptions = content_root / _setting(settings, "GUEST_SERIES_DESCRIPTIONS_PATH")
    for path in markdown_files(descriptions):
        header = _header(path)
        if header and series_key(header.get("title", "")) == key:
            name = header.get("title")
            singular = header.get("singular") or singular
    indexes, dates, named = [], [], None
    for path in _post_files(content_root, settings):
        header = _header(path)
        if not header or series_key(header.get("series", "")) != key:
            continue
        named = named or header.get("series")
        with suppress(ValueError):  # a bad number is the check's to report
            indexes.append(parse_series_index(header.get("series_index", "")))
        with suppress(ValueError, OverflowError):
            dates.append(get_date(header.get("date", "").replace("_", " ")))
    if name == series and named:
        name = named
    tz = _timezone(settings)
    latest = max((d if d.tzinfo else d.replace(tzinfo=tz) for d in dates), default=None)
    return SeriesSoFar(
        name=name,
        singular=singular,
        next_index=max(indexes, default=0) + 1,
        latest_date=latest,
    )


def write_plan(plan: Plan) -> None:
    """Write the planned files, none of which may exist yet."""
    for path in plan.files:
        if path.exists():
            raise NewPostError(f"{path} is there already")
    for path, text in plan.files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "x", encoding="utf-8") as target:  # "x": never overwrite
            target.write(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="guestlist-newpost", description="Start a guest post (and profile)."
    )
    parser.add_argument("--name", help="the guest's name, as readers should see it")
    parser.add_argument("--title", help="the post's title")
    parser.add_argument("--series", help="the series the post belongs to, if any")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument(
        "--content", help="the content folder (default: PATH in the settings)"
    )
    args = parser.parse_args(argv)

    if not Path(args.settings).is_file():
        return _fail(f"no settings file {args.settings}; run it in the blog's folder", 2)
    interactive = sys.stdin.isatty()
    name = _value(args.name, "Your name, as readers should see it", interactive)
    title = _value(args.title, "The post's title", interactive)
    series = args.series
    if series is None and interactive:
        series = input("The series (Enter for none): ").strip()
    if not name or not title:
        return _fail(
            'NAME and TITLE are needed: make newpost NAME="Jo Example" '
            'TITLE="What My Desk Taught Me" [SERIES="Birthday Bloggers"]',
            2,
        )

    override = {"PATH": str(Path(args.content).resolve())} if args.content else {}
    settings = read_settings(args.settings, override=override)
    problems = apply_schemas(settings, all_schemas(), Path(args.settings).name)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return _fail("fix the settings first", 2)
    content_root = Path(settings["PATH"])
    try:
        plan = plan_new_post(content_root, settings, name, title, series or None)
        write_plan(plan)
    except NewPostError as error:
        return _fail(str(error), 1)
    for path in plan.files:
        print(f"Made {_shown(path, content_root)}")
    for note in plan.notes:
        print(note)
    print("Next: write, preview with `make devserver`, check with `make check`.")
    return 0


def _value(given, question, interactive):
    if given is not None and given.strip():
        return given.strip()
    if interactive:
        return input(f"{question}: ").strip()
    return ""


def _fail(message, code):
    print(f"guestlist-newpost: {message}", file=sys.stderr)
    return code


def _setting(settings, name):
    """A setting's value; `plan_new_post` is also given settings as a plain dict."""
    if name in settings:
        return settings[name]
    return next(schema for schema in all_schemas() if name in schema.names).default(name)


def _slug(text, settings):
    return slug_of(text, settings, preserve_case=False)


def _header(path):
    try:
        return read_header(path)[0]
    except (OSError, UnicodeDecodeError):
        return None


def _profiles(content_root, settings):
    """Every profile's Name, mapped to its file."""
    folder = content_root / _setting(settings, "GUEST_SERIES_PROFILES_PATH")
    profiles = {}
    for path in markdown_files(folder):
        header = _header(path)
        if header and header.get("name"):
            profiles.setdefault(header.get("name"), path)
    return profiles


def _post_files(content_root, settings):
    """Markdown files outside the folders for profiles, series and pages."""
    skipped = [
        content_root / _setting(settings, "GUEST_SERIES_PROFILES_PATH"),
        content_root / _setting(settings, "GUEST_SERIES_DESCRIPTIONS_PATH"),
        *(content_root / folder for folder in settings.get("PAGE_PATHS", [])),
    ]
    for path in sorted(content_root.rglob("*")):
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        if any(path.is_relative_to(folder) for folder in skipped):
            continue
        yield path


def _free_path(folder, stem):
    path, number = folder / f"{stem}.md", 2
    while path.exists():
        path, number = folder / f"{stem}-{number}.md", number + 1
    return path


def _timezone(settings):
    try:
        return ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _now(settings):
    return datetime.now(_timezone(settings))


def _shown(path, content_root):
    try:
        return Path(path).relative_to(Path(content_root).parent).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
