"""Build each series from the published articles, order it, and label it.

Only published, listed, already-dated posts take part: drafts, hidden posts and
posts dated in the future are filtered out *before* ordering, so that no
published post links to them or counts them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..core.markers import has_host_note
from ..core.problems import ERROR, WARNING, ContentProblem, display_path, problem
from ..core.punctuation import typeset, typeset_titles
from ..core.slugs import slug_of
from .model import Series, SeriesDescription, SeriesPosition

if TYPE_CHECKING:
    from pathlib import Path

_WHITESPACE = re.compile(r"\s+")


def series_key(name: str) -> str:
    """Two ways of writing one series name (case, spacing) are one series."""
    return _WHITESPACE.sub(" ", name).strip().casefold()


# The highest number a series post can have. The gaps before a number are
# looked for, so an absurd one would make work proportional to its value.
MAX_SERIES_INDEX = 9999


def parse_series_index(raw: object) -> int:
    """A Series_index as a whole number from 1 to MAX_SERIES_INDEX; ValueError says why."""
    text = str(raw).strip()
    digits = text.lstrip("0")
    if not (text.isascii() and text.isdigit()) or not digits:
        raise ValueError("is not a positive whole number")
    if len(digits) > len(str(MAX_SERIES_INDEX)) or int(digits) > MAX_SERIES_INDEX:
        raise ValueError(
            f"is more than {MAX_SERIES_INDEX}, the highest number a series takes"
        )
    return int(digits)


def ordering_key(
    index: int | None, date: datetime, source_path: str
) -> tuple[bool, int, datetime, str]:
    """Indexed posts first, by index; posts without an index after them, by date.

    The date and path break ties, so that the order never depends on the
    order files were read in.
    """
    return (index is None, index or 0, date, source_path)


def short_title(article: Any) -> str:
    """The label neighbours use for `article`: Short_title, or else Title."""
    return (article.metadata.get("short_title") or article.title or "").strip()


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis where it was cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "\u2026"


def plural_of(singular: str) -> str:
    return singular if singular.endswith("s") else singular + "s"


def build_series(
    articles: Iterable[Any],
    descriptions: Mapping[str, SeriesDescription],
    settings: Mapping[str, Any],
    now: datetime,
    content_root: Path,
    *,
    translations: bool = False,
) -> tuple[list[tuple[Series, list[int | None]]], list[ContentProblem]]:
    """Group `articles` into ordered Series; return them and the problems found.

    `articles` are Pelican's published, listed articles; `descriptions` maps
    series names to SeriesDescription. Nothing is attached to articles here.
    With `translations`, they are one language's translations: a description
    none of them uses, or numbers they leave out, are no problem.
    """
    problems = []
    described = {series_key(name): desc for name, desc in descriptions.items()}
    members = {}  # series key -> list of (sort key, article, index or None)
    written_names = {}  # series key -> the name as the first post wrote it

    for article in articles:
        name = article.metadata.get("series")
        if not name:
            continue
        if isinstance(name, list):
            problems.append(
                problem(
                    article.source_path,
                    "a post belongs to one series at most, but this one names "
                    f"{len(name)} ({', '.join(name)}); keep one Series line",
                    field="series",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            name = name[0]
        name = name.strip()
        if not name:
            continue
        if _is_future(article, now):
            continue
        key = series_key(name)
        if key not in described and not _slug(name, settings):
            problems.append(
                problem(
                    article.source_path,
                    f"the series name {name[:60]!r} has no letter or digit to make its "
                    "page's address from, so the post is in no series; write it in words",
                    field="series",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            continue
        index = _read_index(article, problems, content_root)
        written_names.setdefault(key, name)
        members.setdefault(key, []).append(
            (ordering_key(index, article.date, article.source_path), article, index)
        )

    all_series = []
    for key, entries in members.items():
        entries.sort(key=lambda entry: entry[0])
        description = described.get(key)
        if description is None and descriptions:
            problems.append(_no_description_problem(entries, descriptions, content_root))
        series = _make_series(written_names[key], description, settings)
        series.articles = [article for _, article, _ in entries]
        problems += _duplicate_problems(series, entries, content_root)
        problems += _unnumbered_problems(entries, "posts", "by date", content_root)
        if not translations:
            problems += _gap_problems(series, entries, content_root)
        all_series.append((series, [index for _, _, index in entries]))

    used = set(members)
    for name, description in descriptions.items() if not translations else ():
        if series_key(name) not in used:
            problems.append(
                problem(
                    content_root / description.source_path,
                    f"no published post is in the series {name!r}; give posts "
                    f"`Series: {name}`, or delete this description if the series "
                    "is gone",
                    field="title",
                    severity=WARNING,
                    content_root=content_root,
                )
            )

    all_series.sort(key=lambda item: (item[0].first.date, item[0].slug))
    return all_series, problems


def build_page_series(
    pages: Iterable[Any], settings: Mapping[str, Any], content_root: Path
) -> tuple[list[tuple[Series, list[int | None]]], list[ContentProblem]]:
    """Group published pages into Series as pelican-series does for pages.

    Pages with a `Series_index` first, by it; the others after them, by title.
    Page series are apart from article series (one name may be both), take no
    description and have no series page: their `url` is None.
    """
    problems = []
    members = {}  # series key -> list of (sort key, page, index or None)
    written_names = {}
    for page in pages:
        name = page.metadata.get("series")
        if isinstance(name, list):
            name = name[0]
        name = (name or "").strip()
        if not name:
            continue
        key = series_key(name)
        index = _read_index(page, problems, content_root)
        written_names.setdefault(key, name)
        sort_key = (index is None, index or 0, page.title or "", page.source_path)
        members.setdefault(key, []).append((sort_key, page, index))
    all_series = []
    for key, entries in members.items():
        entries.sort(key=lambda entry: entry[0])
        series = _make_series(written_names[key], None, settings)
        series.url, series.save_as = None, ""
        series.articles = [page for _, page, _ in entries]
        problems += _duplicate_problems(series, entries, content_root)
        problems += _unnumbered_problems(entries, "pages", "by title", content_root)
        all_series.append((series, [index for _, _, index in entries]))
    all_series.sort(key=lambda item: item[0].name)
    return all_series, problems


def label_series(
    series: Series, indexes: Iterable[int | None], settings: Mapping[str, Any]
) -> None:
    """Attach a SeriesPosition to every article of `series` as `article.series`."""
    limit = settings["GUEST_SERIES_LABEL_MAX_LENGTH"]
    count = series.count
    common = {
        "count": count,
        "singular": series.singular,
        "plural": series.plural,
        "series": series.name,
    }
    titles = [shorten(short_title(article), limit) for article in series.articles]
    urls = [article.url for article in series.articles]
    for place, (article, index) in enumerate(zip(series.articles, indexes, strict=True)):
        number = index if index is not None else place + 1
        own = dict(common, number=number, title=titles[place])
        position = SeriesPosition(
            series=series,
            article=article,
            place=place,
            number=number,
            label=settings["GUEST_SERIES_NUMBER_LABEL"].format(**own),
            position_label=settings["GUEST_SERIES_POSITION_LABEL"].format(
                **dict(own, number=place + 1)
            ),
            all_label=settings["GUEST_SERIES_ALL_LABEL"].format(**own),
        )
        if place > 0:
            position.previous = series.articles[place - 1]
            position.previous_url = urls[place - 1]
            position.previous_label = settings["GUEST_SERIES_PREVIOUS_LABEL"].format(
                **dict(own, title=titles[place - 1])
            )
        if place < count - 1:
            position.next = series.articles[place + 1]
            position.next_url = urls[place + 1]
            position.next_label = settings["GUEST_SERIES_NEXT_LABEL"].format(
                **dict(own, title=titles[place + 1])
            )
        article.series = position


def short_title_problems(
    articles: Iterable[Any], settings: Mapping[str, Any], content_root: Path
) -> list[ContentProblem]:
    """A warning for each label that will be cut because its title is too long."""
    limit = settings["GUEST_SERIES_LABEL_MAX_LENGTH"]
    problems = []
    for article in articles:
        label = short_title(article)
        if len(label) <= limit:
            continue
        field = "short_title" if article.metadata.get("short_title") else "title"
        problems.append(
            problem(
                article.source_path,
                f"{'Short_title' if field == 'short_title' else 'Title'} is "
                f"{len(label)} characters, longer than the {limit} a series label "
                f"takes, so links to this post will be cut to {shorten(label, limit)!r}; "
                "give a Short_title of at most "
                f"{limit} characters",
                field=field,
                severity=WARNING,
                content_root=content_root,
            )
        )
    return problems


def host_note_problems(
    series_list: Iterable[Series], settings: Mapping[str, Any], content_root: Path
) -> list[ContentProblem]:
    """A warning for each post of a series that has no host's note yet.

    None when the site (GUEST_SERIES_HOST_NOTE_WARNING) or the series'
    description (`Host_notes: off`) switches them off, nor for a series none
    of whose posts has a note: that series does without them.
    """
    if not settings.get("GUEST_SERIES_HOST_NOTE_WARNING", True):
        return []
    note_type = settings["GUEST_SERIES_HOST_NOTE_TYPE"]
    problems = []
    for series in series_list:
        if not series.host_notes:
            continue
        without = [a for a in series.articles if not has_host_note(a, note_type)]
        if len(without) == len(series.articles):
            continue
        problems += [
            problem(
                article.source_path,
                f"this post in the series {series.name!r} has no host's note "
                f'yet; the host adds one at the end: `!!! {note_type} "Note from …"` '
                "with the note indented under it",
                severity=WARNING,
                content_root=content_root,
            )
            for article in without
        ]
    return problems


def _is_future(article, now):
    date = getattr(article, "date", None)
    if date is None:
        return False
    if date.tzinfo is None:
        return date > now.replace(tzinfo=None)
    return date > now


def _read_index(article, problems, content_root):
    raw = article.metadata.get("series_index")
    if raw is None or str(raw).strip() == "":
        return None
    try:
        return parse_series_index(raw)
    except ValueError as error:
        shown = str(raw).strip()
        shown = shown if len(shown) <= 20 else shown[:20] + "…"
        problems.append(
            problem(
                article.source_path,
                f"Series_index {shown!r} {error}; "
                "write the guest's number as 1, 2, 3 … (until then the post is "
                "placed after the numbered ones, by date)",
                field="series_index",
                severity=ERROR,
                content_root=content_root,
            )
        )
        return None


def _make_series(written_name, description, settings):
    if description is not None:
        name = description.title
        slug = description.slug
        singular = description.singular or settings["GUEST_SERIES_DEFAULT_SINGULAR"]
        plural = description.plural or plural_of(singular)
        host = description.host or settings.get("AUTHOR")
        description_html = description.description_html
        description_path = description.source_path
        host_notes = description.host_notes
    else:
        name = written_name
        slug = _slug(name, settings)
        singular = settings["GUEST_SERIES_DEFAULT_SINGULAR"]
        plural = plural_of(singular)
        host = settings.get("AUTHOR")
        description_html = ""
        description_path = None
        host_notes = True
    return Series(
        # Shown with the punctuation titles get; the slug is the name's as written.
        name=typeset(name) if typeset_titles(settings) else name,
        slug=slug,
        singular=singular,
        plural=plural,
        host=host,
        description_html=description_html,
        url=settings["GUEST_SERIES_URL"].format(slug=slug),
        save_as=settings["GUEST_SERIES_SAVE_AS"].format(slug=slug),
        description_path=description_path,
        host_notes=host_notes,
    )


def _slug(name: str, settings: Mapping[str, Any]) -> str:
    """A series' slug when it has no description: the slug of its name."""
    return slug_of(name, settings, preserve_case=False)


def _no_description_problem(entries, descriptions, content_root):
    article = entries[0][1]
    name = article.metadata["series"]
    if isinstance(name, list):
        name = name[0]
    guess = difflib.get_close_matches(name, list(descriptions), n=1, cutoff=0.5)
    hint = (
        f"did you mean {guess[0]!r}?"
        if guess
        else f"the described series are {', '.join(map(repr, descriptions))}"
    )
    return problem(
        article.source_path,
        f"the series {name.strip()!r} has no description under content/series/; "
        f"{hint} (the series is built with default labels)",
        field="series",
        severity=WARNING,
        content_root=content_root,
    )


def _unnumbered_problems(
    entries: list[tuple], kind: str, order: str, content_root: Path
) -> list[ContentProblem]:
    """A warning for each unnumbered member of a series whose others are numbered.

    A series with no numbers at all is ordered by date, as pelican-series
    orders one: nothing to say. One number missing among others is a guest
    who forgot theirs.
    """
    if all(index is None for _, _, index in entries):
        return []
    return [
        problem(
            member.source_path,
            f"this is in a series whose other {kind} are numbered, but has no "
            f"Series_index, so it is placed after them, {order}; add `Series_index: N` "
            "with the number the host gave you",
            field="series",
            severity=WARNING,
            content_root=content_root,
        )
        for _, member, index in entries
        if index is None and not str(member.metadata.get("series_index", "")).strip()
    ]


def _duplicate_problems(series, entries, content_root):
    problems = []
    by_index = {}
    for _, article, index in entries:
        if index is None:
            continue
        by_index.setdefault(index, []).append(article)
    for index, articles in sorted(by_index.items()):
        if len(articles) < 2:
            continue
        paths = [article.source_path for article in articles]
        for article in articles:
            others = ", ".join(
                display_path(path, content_root)
                for path in paths
                if path != article.source_path
            )
            problems.append(
                problem(
                    article.source_path,
                    f"Series_index {index} in the series {series.name!r} is also used "
                    f"by {others}; give each post its own number",
                    field="series_index",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
    return problems


def _gap_problems(series, entries, content_root):
    numbers = sorted({index for _, _, index in entries if index is not None})
    if not numbers:
        return []
    missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers))
    if not missing:
        return []
    after = [article for _, article, index in entries if index is not None][-1]
    shown = ", ".join(str(number) for number in missing)
    return [
        problem(
            after.source_path,
            f"the series {series.name!r} has no published post numbered {shown}; "
            "number the posts 1, 2, 3 … without gaps, or publish the missing "
            "one (a draft or future post is not counted)",
            field="series_index",
            severity=WARNING,
            content_root=content_root,
        )
    ]


def now_for(settings: Mapping[str, Any]) -> datetime:
    """The build's 'now', in the site's time zone when it has one."""
    timezone = settings.get("TIMEZONE")
    if timezone:
        try:
            return datetime.now(ZoneInfo(timezone))
        except (ZoneInfoNotFoundError, ValueError):
            pass  # Pelican itself reports an unknown zone
    return datetime.now().astimezone()
