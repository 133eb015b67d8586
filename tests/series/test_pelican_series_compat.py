"""pelican-series' attributes, meanings and fixtures' cases, written as our own tests.

pelican-series (3.1) gives `article.series` `name`, `index` (the place in the
series, from 1), `all`, `all_previous`, `all_next`, `previous` and `next`, and
does the same for pages, ordered by title. A theme written for it renders here
unchanged; our own names (`number`, `label` …) stay as they were.
"""

import textwrap

from conftest import HOST_NOTE, post

# pelican-series' README, as written.
SNIPPET = """\
{% if article.series %}
    <p>This post is part {{ article.series.index }} of the "{{ article.series.name }}" series:</p>
    <ol class="parts">
        {% for part_article in article.series.all %}
            <li {% if part_article == article %}class="active"{% endif %}>
                <a href='{{ SITEURL }}/{{ part_article.url }}'>{{ part_article.title }}</a>
            </li>
        {% endfor %}
    </ol>
{% endif %}
"""  # noqa: E501 (verbatim)


def part(title, day, index=None, series="test_series", **fields):
    if index is not None:
        fields["Series_index"] = index
    return post(
        title,
        date=f"2026-03-{day:02d} 09:00",
        body="W." + HOST_NOTE,
        Series=series,
        **fields,
    )


def url(title):
    return f"2026/03/{title.lower().replace(' ', '-')}/"


def parts(site, title):
    """The titles of the series bar's parts, as the page shows them."""
    return [a.get_text(strip=True) for a in site.page(url(title)).select("ol.parts a")]


def build_with_snippet(build_site, tmp_path, files, **settings):
    """Build `files` with an article template made of pelican-series' snippet only."""
    overrides = tmp_path / "overrides"
    overrides.mkdir(exist_ok=True)
    (overrides / "article.html").write_text(
        '{% extends "base.html" %}{% block content %}<article class="post">'
        + SNIPPET
        + "</article>{% endblock %}",
        encoding="utf-8",
    )
    return build_site(files, THEME_TEMPLATES_OVERRIDES=[str(overrides)], **settings)


def test_without_index_the_posts_are_ordered_and_numbered_by_date(build_site, tmp_path):
    files = {
        "posts/c.md": part("Third", 3),
        "posts/a.md": part("First", 1),
        "posts/b.md": part("Second", 2),
    }
    site = build_with_snippet(build_site, tmp_path, files)
    assert site.errors == []
    for place, title in enumerate(["First", "Second", "Third"], start=1):
        page = site.page(url(title))
        text = page.select_one("article.post p").get_text()
        assert text == f'This post is part {place} of the "test_series" series:'
        assert parts(site, title) == ["First", "Second", "Third"]
        (active,) = page.select("ol.parts li.active a")
        assert active.get_text(strip=True) == title
        assert active["href"] == f"/{url(title)}"


def test_with_index_the_index_orders_them_and_index_is_the_place(build_site, tmp_path):
    # pelican-series' articles_with_index: the oldest post is numbered last.
    files = {
        "posts/a.md": part("Oldest", 1, index=3),
        "posts/b.md": part("Middle", 2, index=2),
        "posts/c.md": part("Newest", 3, index=1),
    }
    site = build_with_snippet(build_site, tmp_path, files)
    assert parts(site, "Oldest") == ["Newest", "Middle", "Oldest"]
    text = site.page(url("Oldest")).select_one("article.post p").get_text()
    assert text.startswith("This post is part 3 of")


def test_index_is_the_place_and_number_the_guests_number(build_site):
    # A series whose first published guest is number 5: pelican-series says
    # part 1, our labels say Guest #5.
    files = {
        "posts/a.md": part("Five", 1, index=5),
        "posts/b.md": part("Six", 2, index=6),
        "posts/c.md": part("Twelve", 3, index=12),
    }
    site = build_site(files)
    first, second, third = (bar_of(site, t) for t in ("Five", "Six", "Twelve"))
    assert first.select_one("strong").get_text() == "Guest #5"
    assert third.select_one("strong").get_text() == "Guest #12"
    assert "(3 of 3)" in third.get_text()
    assert second is not None


def bar_of(site, title):
    return site.page(url(title)).select_one("header .series-bar")


def test_an_index_over_ten_is_ordered_as_a_number(build_site, tmp_path):
    # pelican-series' articles_with_index_over_10: 10 and 11 after 2, not after 1.
    files = {
        "posts/a.md": part("Ten", 1, index=10),
        "posts/b.md": part("One", 2, index=1),
        "posts/c.md": part("Eleven", 3, index=11),
        "posts/d.md": part("Two", 4, index=2),
    }
    site = build_with_snippet(build_site, tmp_path, files)
    assert parts(site, "Eleven") == ["One", "Two", "Ten", "Eleven"]
    text = site.page(url("Eleven")).select_one("article.post p").get_text()
    assert text.startswith("This post is part 4 of")


def test_mixed_indexed_posts_first_then_the_rest_by_date(build_site, tmp_path):
    files = {
        "posts/a.md": part("Undated first", 1),
        "posts/b.md": part("Numbered two", 2, index=2),
        "posts/c.md": part("Undated second", 3),
        "posts/d.md": part("Numbered one", 4, index=1),
    }
    site = build_with_snippet(build_site, tmp_path, files)
    expected = ["Numbered one", "Numbered two", "Undated first", "Undated second"]
    assert parts(site, "Undated second") == expected
    text = site.page(url("Undated first")).select_one("article.post p").get_text()
    assert text.startswith("This post is part 3 of")


def test_drafts_are_left_out(build_site, tmp_path):
    # Here pelican-series 3.1 differs: it counts drafts in the series. Guestlist
    # never links a published post to a draft (docs/content.md).
    files = {
        "posts/a.md": part("First", 1),
        "posts/b.md": part("Draft", 2, Status="draft"),
        "posts/c.md": part("Third", 3),
    }
    site = build_with_snippet(build_site, tmp_path, files)
    assert parts(site, "First") == ["First", "Third"]
    text = site.page(url("Third")).select_one("article.post p").get_text()
    assert text.startswith("This post is part 2 of")
    draft = site.page("drafts/draft/")
    assert draft.select("ol.parts") == []


def test_every_attribute_has_pelican_series_meaning(build_site, tmp_path):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    fields = ("name", "index", "all", "all_previous", "all_next", "previous", "next")
    template = textwrap.dedent(
        """\
        {% extends "base.html" %}{% block content %}<dl>
        {%- set s = article.series %}
        <dt>name</dt><dd id="name">{{ s.name }}</dd>
        <dt>index</dt><dd id="index">{{ s.index }}</dd>
        <dd id="all">{{ s.all|map(attribute="title")|join(",") }}</dd>
        <dd id="all_previous">{{ s.all_previous|map(attribute="title")|join(",") }}</dd>
        <dd id="all_next">{{ s.all_next|map(attribute="title")|join(",") }}</dd>
        <dd id="previous">{{ s.previous.title if s.previous else "None" }}</dd>
        <dd id="next">{{ s.next.title if s.next else "None" }}</dd>
        <dd id="number">{{ s.number }}</dd>
        </dl>{% endblock %}"""
    )
    (overrides / "article.html").write_text(template, encoding="utf-8")
    files = {
        "posts/a.md": part("A", 1, index=4),
        "posts/b.md": part("B", 2, index=5),
        "posts/c.md": part("C", 3, index=6),
    }
    site = build_site(files, THEME_TEMPLATES_OVERRIDES=[str(overrides)])

    def values(title):
        page = site.page(url(title))
        return {key: page.select_one(f"#{key}").get_text() for key in (*fields, "number")}

    assert values("A") == {
        "name": "test_series",
        "index": "1",
        "all": "A,B,C",
        "all_previous": "",
        "all_next": "B,C",
        "previous": "None",
        "next": "B",
        "number": "4",
    }
    assert values("B") == {
        "name": "test_series",
        "index": "2",
        "all": "A,B,C",
        "all_previous": "A",
        "all_next": "C",
        "previous": "A",
        "next": "C",
        "number": "5",
    }
    assert values("C")["index"] == "3"
    assert values("C")["all_previous"] == "A,B"
    assert values("C")["next"] == "None"


def page_file(title, index=None, series="Guide"):
    fields = {"Series": series}
    if index is not None:
        fields["Series_index"] = index
    lines = [f"Title: {title}"] + [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\nA page.\n"


def test_pages_form_series_ordered_by_index_then_title(build_site):
    files = {
        "pages/zebra.md": page_file("Zebra"),
        "pages/apple.md": page_file("Apple"),
        "pages/setup.md": page_file("Setup", index=1),
        "posts/a.md": part("A post", 1, series="Guide"),
    }
    site = build_site(files)
    assert site.errors == []
    page = site.page("apple/")
    listed = [li.get_text(strip=True) for li in page.select("ol.parts li")]
    assert listed == ["Setup", "Apple", "Zebra"]
    assert page.select_one("ol.parts strong").get_text() == "Apple"
    assert "Part 2 of 3 in Guide" in page.select_one(".series-bar").get_text()
    # Page series and article series are apart, as in pelican-series.
    assert "(1 of 1)" in bar_of(site, "A post").get_text()


def test_a_page_without_series_has_no_bar(build_site):
    site = build_site({"pages/about.md": "Title: About\n\nAbout me.\n"})
    assert site.page("about/").select(".series-bar") == []
