"""Unit tests of series.py: index parsing, ordering and labels, without Pelican."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import schema_defaults
from guestlist.series.model import SeriesDescription
from guestlist.series.ordering import (
    build_series,
    label_series,
    ordering_key,
    parse_series_index,
    series_key,
    shorten,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
SETTINGS = schema_defaults(AUTHOR="Ollie")


def article(title, index=None, day=1, series="Birthday Bloggers", short=None):
    metadata = {"series": series}
    if index is not None:
        metadata["series_index"] = str(index)
    if short:
        metadata["short_title"] = short
    return SimpleNamespace(
        title=title,
        metadata=metadata,
        date=datetime(2026, 3, day, 9, tzinfo=UTC),
        source_path=f"/site/content/posts/{title}.md",
        url=f"posts/{title}/",
        _content="",
    )


def build(articles, descriptions=None):
    built, problems = build_series(
        articles, descriptions or {}, SETTINGS, NOW, Path("/site/content")
    )
    for series, indexes in built:
        label_series(series, indexes, SETTINGS)
    return [series for series, _ in built], problems


@pytest.mark.parametrize("raw, number", [("1", 1), (" 7 ", 7), ("12", 12)])
def test_a_positive_whole_number_is_an_index(raw, number):
    assert parse_series_index(raw) == number


@pytest.mark.parametrize("raw", ["two", "0", "-1", "1.5", "", "2a", "²"])
def test_anything_else_is_not(raw):
    with pytest.raises(ValueError):
        parse_series_index(raw)


def test_indexed_posts_come_first_then_the_rest_by_date():
    early, late = datetime(2026, 1, 1), datetime(2026, 2, 1)
    keys = [
        ordering_key(None, early, "e"),
        ordering_key(2, early, "b"),
        ordering_key(None, late, "f"),
        ordering_key(1, late, "a"),
    ]
    assert sorted(keys) == [keys[3], keys[1], keys[0], keys[2]]


def test_series_names_differing_in_case_and_spacing_are_one_series():
    assert series_key("Birthday  Bloggers ") == series_key("birthday bloggers")
    (series,), _ = build([article("a", 1), article("b", 2, series="birthday bloggers")])
    assert series.count == 2


def test_labels_and_neighbours():
    (series,), problems = build(
        [article("c", 3, day=1), article("a", 1, day=3, short="A short"), article("b", 2)],
        {
            "Birthday Bloggers": SeriesDescription(
                "bb", "Birthday Bloggers", "bb.md", "Birthday Blogger"
            )
        },
    )
    assert problems == []
    first, middle, last = series.articles
    assert [a.title for a in series.articles] == ["a", "b", "c"]
    assert middle.series.label == "Guest #2"
    assert middle.series.position_label == "2 of 3"
    assert middle.series.previous is first and middle.series.next is last
    assert (middle.series.previous_url, middle.series.next_url) == (first.url, last.url)
    assert middle.series.previous_label == "Previous Birthday Blogger: A short"
    assert middle.series.next_label == "Next Birthday Blogger: c"
    assert middle.series.all_label == "All 3 Birthday Bloggers"
    assert first.series.previous is None and first.series.previous_label is None
    assert last.series.next is None and last.series.next_label is None
    assert first.series.first is first and first.series.last is last
    assert middle.series.all == [first, middle, last]
    assert series.url == "series/bb/"


def test_position_counts_published_places_while_the_number_keeps_the_index():
    (series,), problems = build([article("a", 1), article("c", 3)])
    assert series.articles[1].series.label == "Guest #3"
    assert series.articles[1].series.position_label == "2 of 2"
    assert ["numbered 2" in str(p) for p in problems] == [True]


def test_future_posts_are_left_out_before_ordering():
    future = article("later", 2)
    future.date = NOW + timedelta(days=1)
    (series,), _ = build([article("a", 1), future])
    assert series.articles == [series.first]
    assert series.first.series.next is None


def test_a_long_title_is_cut_with_an_ellipsis_in_labels():
    assert shorten("x" * 10, 10) == "x" * 10
    assert shorten("abcdef ghij", 8) == "abcdef…"
    (series,), _ = build([article("a", 1), article("b" * 80, 2)])
    assert series.first.series.next_label == "Next Guest: " + "b" * 59 + "…"


def test_templates_written_for_pelican_series_keep_working():
    (series,), _ = build([article("a", 1), article("b", 2), article("c", 3)])
    first, middle, last = series.articles
    assert middle.series.index == 2
    assert middle.series.all_previous == [first]
    assert middle.series.all_next == [last]
    assert middle.series.name == "Birthday Bloggers"
