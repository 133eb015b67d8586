"""A page's key changes when what its template shows may change, and only then.

Unit tests of guestlist.build's fingerprints, template reads and page keys,
on Pelican articles and the series model built by hand.
"""

import datetime
import functools

import pytest
from jinja2 import DictLoader, Environment, FileSystemLoader, Template
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from conftest import ROOT, schema_defaults
from guestlist.build.fingerprints import FINGERPRINTS_SETTING, Fingerprints
from guestlist.build.keys import PageKeys
from guestlist.build.template_reads import DEFINED, TRUTH, VALUE, TemplateAnalysis
from guestlist.series.model import GuestProfile, Series, SeriesPosition

THEME = ROOT / "theme"


@pytest.fixture
def site():
    """Settings, a context, and four articles: a series of three, and one alone."""
    # Every Guestlist setting too: an earlier test's build left its plugins connected.
    settings = schema_defaults(**dict(DEFAULT_CONFIG, THEME=str(THEME)))
    context = dict(settings, generated_content={}, static_content={}, localsiteurl="")

    def article(title, day):
        slug = title.lower().replace(" ", "-")
        item = Article(
            f"<p>The words of {title}.</p>",
            {"title": title, "slug": slug, "date": SafeDatetime(2026, 3, day, 9)},
            settings=settings,
            source_path=f"/site/content/{slug}.md",
            context=context,
        )
        context["generated_content"][f"{slug}.md"] = item
        return item

    one, two, three = (article(t, day) for day, t in enumerate(("One", "Two", "Three"), 1))
    alone = article("Alone", 9)
    alone.series = None
    series = Series("Spring", "spring", "Guest", "Guests", None, "", "series/spring/", "")
    series.articles = [one, two, three]
    for place, item in enumerate(series.articles):
        item.series = SeriesPosition(
            series,
            item,
            place,
            place + 1,
            f"Guest #{place + 1}",  # labels that do not hold the neighbours' titles
            f"{place + 1} of 3",
            previous=series.articles[place - 1] if place else None,
            next=series.articles[place + 1] if place < 2 else None,
        )
    return settings, context, [one, two, three, alone], series


def article_key(site, article):
    """The key of `article`'s page, as a fresh build works it out."""
    settings, context, articles, series = site
    settings.pop(FINGERPRINTS_SETTING, None)
    environment = Environment(loader=FileSystemLoader(str(THEME / "templates")))
    reads = TemplateAnalysis().reads_of(environment.get_template("article.html"))
    localcontext = dict(
        context, article=article, articles=articles, guest_series=[series], output_file="x"
    )
    return PageKeys(settings).key_of(reads, "article.html", "x", "", localcontext, context)


def retitle(article, title):
    article.title = title
    article.metadata["title"] = title


def test_a_neighbours_title_changes_the_page(site):
    _, _, (one, two, _, _), _ = site
    before = article_key(site, two)
    retitle(one, "One, again")
    assert article_key(site, two) != before


def test_a_series_members_title_changes_every_member_page(site):
    # The series bar may list every member: the first post's page holds the third's title.
    _, _, (one, _, three, _), _ = site
    before = article_key(site, one)
    retitle(three, "Three, again")
    assert article_key(site, one) != before


def test_an_unrelated_posts_edit_leaves_the_page_alone(site):
    _, _, (_, two, _, alone), _ = site
    before = article_key(site, two)
    retitle(alone, "Alone, again")
    alone._content = "<p>Other words.</p>"
    assert article_key(site, two) == before


def test_the_same_page_has_the_same_key_in_every_build(site):
    _, _, (_, two, _, _), _ = site
    assert article_key(site, two) == article_key(site, two)


def test_a_reference_of_a_reference_counts_by_name_only(site):
    # A page of One holds its series, Three included (level 1). A page that
    # refers to One (One at level 1) holds Three only by name (level 2).
    settings, _, (one, _, three, _), _ = site
    before = Fingerprints(settings)
    page_of_one, one_referred_to = before.of_content(one, 0), before.of_content(one, 1)
    three._content = "<p>Changed words.</p>"
    after = Fingerprints(settings)
    assert after.of_content(one, 0) != page_of_one
    assert after.of_content(one, 1) == one_referred_to


def test_values_are_digested_by_what_they_hold(site):
    settings = site[0]

    def digest(value):
        return Fingerprints(settings).of(value)

    zone = datetime.timezone(datetime.timedelta(hours=1))
    assert digest({"b", "a", "c"}) == digest({"c", "b", "a"})
    assert digest([1, 2]) != digest([2, 1])
    assert digest("1") != digest(1)
    assert digest(datetime.datetime(2026, 3, 1, tzinfo=zone)) != digest(
        datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    )
    assert digest(functools.partial(print)) == digest(functools.partial(print))


def test_a_cycle_of_plain_objects_ends(site):
    class Node:
        pass

    first, second = Node(), Node()
    first.other, second.other = second, first
    first.name = "first"
    digest = Fingerprints(site[0]).of(first)
    second.name = "changed"
    assert Fingerprints(site[0]).of(first) != digest


def test_a_cached_property_worked_out_or_not_is_the_same(site):
    profile = GuestProfile(
        slug="ada", name="Ada", source_path="ada.md", website="https://a.example/"
    )
    digest = Fingerprints(site[0]).of(profile)
    assert profile.links  # now in the instance's __dict__
    assert Fingerprints(site[0]).of(profile) == digest


def test_a_name_only_tested_is_read_by_its_truth():
    environment = Environment(loader=FileSystemLoader(str(THEME / "templates")))
    analysis = TemplateAnalysis()
    article = analysis.reads_of(environment.get_template("article.html"))
    index = analysis.reads_of(environment.get_template("index.html"))
    # The menu asks whether there are series; the home page shows the running one.
    assert article.names["guest_series"] == TRUTH
    assert index.names["guest_series"] == VALUE
    assert article.names["article"] == VALUE
    assert "articles" not in article.names


def test_usages_in_a_template_of_its_own():
    source = (
        "{% if a and not b %}{{ c if d else e }}{% endif %}"
        "{% if f is defined %}{{ g or h }}{% endif %}"
    )
    environment = Environment(loader=DictLoader({"any.html": source}))
    names = TemplateAnalysis().reads_of(environment.get_template("any.html")).names
    assert names == {
        "a": TRUTH,
        "b": TRUTH,
        "c": VALUE,
        "d": TRUTH,
        "e": VALUE,
        "f": DEFINED,
        "g": VALUE,
        "h": VALUE,
    }


def test_a_template_made_from_a_string_is_known_by_its_code():
    # It reads all it is given; its compiled code stands for its source.
    first = TemplateAnalysis().reads_of(Template("{{ text }}"))
    assert first.everything
    again = TemplateAnalysis().reads_of(Template("{{ text }}"))
    other = TemplateAnalysis().reads_of(Template("{{ text }}!"))
    assert first.sources == again.sources != other.sources
