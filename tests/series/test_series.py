"""Series as readers see them: numbers, neighbour links, series pages, problems."""

import pytest

from conftest import HOST_NOTE, differing_files, post

SERIES_DESCRIPTION = """\
    Title: Birthday Bloggers
    Singular: Birthday Blogger
    Host: Ollie Brennan

    Seven guests, one a day, for the blog's birthday.
    """


def guest_post(title, index, date, short=None, series="Birthday Bloggers", **fields):
    if short:
        fields["Short_title"] = short
    return post(
        title,
        date=date,
        body="A guest's words." + HOST_NOTE,
        Author=fields.pop("Author", "A Guest"),
        Series=series,
        Series_index=index,
        Summary=fields.pop("Summary", f"All about {title}."),
        **fields,
    )


THREE = {
    "series/birthday-bloggers.md": SERIES_DESCRIPTION,
    "posts/vid.md": guest_post(
        "Vid writes", 1, "2026-03-02 09:00", short="Vid on Blogging"
    ),
    "posts/pf.md": guest_post(
        "PFNDF writes", 2, "2026-03-03 09:00", short="PFNDF on future of detective work"
    ),
    "posts/lu.md": guest_post("Łukasz writes", 3, "2026-03-04 09:00"),
}
URLS = {
    "vid": "2026/03/vid-writes/",
    "pf": "2026/03/pfndf-writes/",
    "lu": "2026/03/lukasz-writes/",
}


def bar(site, url):
    return site.page(url).select_one("header .series-bar")


def link_texts(element):
    return {a.get("rel", [""])[0]: a.get_text(strip=True) for a in element.select("a[rel]")}


def test_a_three_post_series_links_each_guest_to_the_next(build_site):
    site = build_site(THREE)
    first, middle, last = (bar(site, URLS[key]) for key in ("vid", "pf", "lu"))

    assert first.strong.get_text() == "Guest #1"
    assert "(1 of 3)" in first.get_text()
    assert link_texts(first) == {
        "next": "Next Birthday Blogger: PFNDF on future of detective work"
    }

    assert middle.strong.get_text() == "Guest #2"
    assert link_texts(middle) == {
        "prev": "Previous Birthday Blogger: Vid on Blogging",
        "next": "Next Birthday Blogger: Łukasz writes",  # no Short_title: the Title
    }
    assert middle.select_one('a[rel="prev"]')["href"] == "/" + URLS["vid"]
    assert middle.select_one('a[rel="next"]')["href"] == "/" + URLS["lu"]

    assert link_texts(last) == {
        "prev": "Previous Birthday Blogger: PFNDF on future of detective work"
    }
    for element in (first, middle, last):
        all_link = element.select_one(".series-all a")
        assert all_link.get_text() == "All 3 Birthday Bloggers"
        assert all_link["href"] == "/series/birthday-bloggers/"
    assert site.messages == []


def test_neighbours_are_also_link_elements_in_the_head(build_site):
    site = build_site(THREE)
    head = site.page(URLS["pf"]).head
    assert head.select_one('link[rel="prev"]')["href"] == "/" + URLS["vid"]
    assert head.select_one('link[rel="next"]')["href"] == "/" + URLS["lu"]
    first_head = site.page(URLS["vid"]).head
    assert first_head.select_one('link[rel="prev"]') is None
    assert first_head.select_one('link[rel="next"]')["href"] == "/" + URLS["pf"]


def test_order_follows_the_index_not_the_date_nor_the_file_name(build_site):
    site = build_site(
        {
            "series/birthday-bloggers.md": SERIES_DESCRIPTION,
            # File names and dates both run against the guest numbers.
            "posts/a.md": guest_post("Third guest", 3, "2026-03-01 09:00"),
            "posts/b.md": guest_post("Second guest", 2, "2026-03-02 09:00"),
            "posts/c.md": guest_post("First guest", 1, "2026-03-03 09:00"),
            "posts/d.md": guest_post("Unnumbered late", "", "2026-03-05 09:00"),
            "posts/e.md": guest_post("Unnumbered early", "", "2026-03-04 09:00"),
        }
    )
    listed = site.page("series/birthday-bloggers/").select("ol.series-list h3 a")
    assert [a.get_text() for a in listed] == [
        "First guest",
        "Second guest",
        "Third guest",
        "Unnumbered early",
        "Unnumbered late",
    ]
    assert bar(site, "2026/03/unnumbered-early/").strong.get_text() == "Guest #4"


def test_two_series_side_by_side_stay_apart(build_site):
    files = dict(THREE)
    files["series/cooks.md"] = """\
        Title: Guest Cooks
        Singular: Guest Cook
        Host: Ollie Brennan

        Recipes from friends.
        """
    files["posts/soup.md"] = guest_post("Soup", 1, "2026-03-03 10:00", series="Guest Cooks")
    files["posts/bread.md"] = guest_post(
        "Bread", 2, "2026-03-05 10:00", series="Guest Cooks"
    )
    site = build_site(files)

    soup = bar(site, "2026/03/soup/")
    assert link_texts(soup) == {"next": "Next Guest Cook: Bread"}
    assert soup.select_one(".series-all a").get_text() == "All 2 Guest Cooks"
    assert "(2 of 3)" in bar(site, URLS["pf"]).get_text()

    index = site.page("series/")
    assert [a.get_text() for a in index.select(".series-index h2 a")] == [
        "Birthday Bloggers",
        "Guest Cooks",
    ]


def test_drafts_hidden_and_future_posts_are_never_linked_nor_counted(build_site):
    files = dict(THREE)
    files["posts/draft.md"] = guest_post("A draft", 4, "2026-03-05 09:00", Status="draft")
    files["posts/hidden.md"] = guest_post(
        "A hidden one", 5, "2026-03-06 09:00", Status="hidden"
    )
    files["posts/future.md"] = guest_post("From the future", 6, "2999-01-01 09:00")
    site = build_site(files)

    last = bar(site, URLS["lu"])
    assert "(3 of 3)" in last.get_text()
    assert last.select_one('a[rel="next"]') is None
    assert "All 3 Birthday Bloggers" in last.get_text()
    series_page = site.page("series/birthday-bloggers/")
    assert len(series_page.select("ol.series-list > li")) == 3
    every_link = {
        a["href"] for path in site.files() for a in site.page(path).select("a[href]")
    }
    assert not any(
        "draft" in href or "future" in href or "hidden" in href for href in every_link
    )


def test_a_future_post_is_left_out_even_when_the_site_publishes_future_dates(build_site):
    files = dict(THREE)
    files["posts/future.md"] = guest_post("From the future", 4, "2999-01-01 09:00")
    site = build_site(files, WITH_FUTURE_DATES=True)
    assert site.exists("2999/01/from-the-future/")
    assert "(3 of 3)" in bar(site, URLS["lu"]).get_text()
    assert bar(site, "2999/01/from-the-future/") is None


def test_a_duplicate_index_names_both_files_and_the_site_still_builds(build_site):
    files = dict(THREE)
    files["posts/pf-again.md"] = guest_post("Also second", 2, "2026-03-03 12:00")
    site = build_site(files)

    about_pf = site.messages_about("content/posts/pf.md:5")
    assert len(about_pf) == 1
    assert "Series_index 2" in about_pf[0]
    assert "content/posts/pf-again.md" in about_pf[0]
    assert "error" in about_pf[0]
    assert site.messages_about("content/posts/pf-again.md:5")
    assert len(site.page("series/birthday-bloggers/").select("ol.series-list > li")) == 4


def test_an_index_that_is_not_a_whole_number_is_reported_not_a_traceback(build_site):
    files = dict(THREE)
    files["posts/lu.md"] = guest_post("Łukasz writes", "two", "2026-03-04 09:00")
    files["posts/neg.md"] = guest_post("Negative", "-1", "2026-03-05 09:00")
    site = build_site(files)

    (message,) = site.messages_about("content/posts/lu.md")
    assert message.startswith("content/posts/lu.md:5: error:")
    assert "'two' is not a positive whole number" in message
    assert site.messages_about("content/posts/neg.md:5")
    # Placed after the numbered posts, by date.
    assert bar(site, URLS["lu"]).strong.get_text() == "Guest #3"
    assert "Traceback" not in "\n".join(site.messages)


def test_no_series_at_all_keeps_chronological_neighbours(build_site):
    site = build_site(
        {
            "posts/one.md": post("One", date="2026-01-01 09:00"),
            "posts/two.md": post("Two", date="2026-01-02 09:00"),
            "posts/three.md": post("Three", date="2026-01-03 09:00"),
        }
    )
    middle = site.page("2026/01/two/")
    assert middle.select_one(".series-bar") is None
    neighbours = middle.select_one(".post-neighbours")
    assert neighbours.select_one('a[rel="prev"]')["href"] == "/2026/01/one/"
    assert neighbours.select_one('a[rel="next"]')["href"] == "/2026/01/three/"
    assert not site.exists("series/")
    assert site.messages == []


def test_the_series_page_lists_every_guest_in_order(build_site):
    files = dict(THREE)
    files["posts/pf.md"] = guest_post(
        "PFNDF & <friends>", 2, "2026-03-03 09:00", Author="PF N. D. F."
    )
    site = build_site(files)
    page = site.page("series/birthday-bloggers/")
    assert page.h1.get_text() == "Birthday Bloggers"
    assert "Seven guests, one a day" in page.get_text()
    assert "Hosted by Ollie Brennan" in page.get_text()
    entries = page.select("ol.series-list > li")
    second = entries[1]
    assert second.select_one(".series-number").get_text() == "Guest #2"
    assert second.h3.a.get_text() == "PFNDF & <friends>"  # escaped, shown as text
    assert second.select_one(".meta a").get_text() == "PF N. D. F."
    assert second.select_one("time")["datetime"].startswith("2026-03-03")
    assert "All about PFNDF" in second.select_one(".summary-text").get_text()


def test_a_series_without_description_works_with_defaults(build_site):
    site = build_site(
        {
            "posts/a.md": guest_post(
                "Part one", 1, "2026-01-01 09:00", series="Winter Notes"
            ),
            "posts/b.md": guest_post(
                "Part two", 2, "2026-01-02 09:00", series="Winter Notes"
            ),
        }
    )
    first = bar(site, "2026/01/part-one/")
    assert link_texts(first) == {"next": "Next Guest: Part two"}
    assert first.select_one(".series-all a")["href"] == "/series/winter-notes/"
    assert site.messages == []


def test_content_problems_are_warnings_that_say_what_to_do(build_site):
    files = dict(THREE)
    files["series/unused.md"] = """\
        Title: Spring Guests
        Singular: Spring Guest

        Not started yet.
        """
    files["posts/typo.md"] = guest_post(
        "Typo", 1, "2026-02-01 09:00", series="Birthday Blogers"
    )
    files["posts/lu.md"] = guest_post("Łukasz writes", 5, "2026-03-04 09:00")
    files["posts/long.md"] = guest_post("Long", 6, "2026-03-05 09:00", short="x" * 70)
    files["posts/nonote.md"] = post(
        "No note", date="2026-03-06 09:00", Series="Birthday Bloggers", Series_index=7
    )
    site = build_site(files)

    (unused,) = site.messages_about("content/series/unused.md")
    assert "no published post is in the series 'Spring Guests'" in unused
    (typo,) = site.messages_about("content/posts/typo.md")
    assert "did you mean 'Birthday Bloggers'?" in typo
    (gap,) = [m for m in site.messages if "numbered" in m]
    assert "no published post numbered 3, 4" in gap
    (long,) = site.messages_about("content/posts/long.md")
    assert "longer than the 60 a series label takes" in long
    assert long.startswith("content/posts/long.md:7: warning:")
    (nonote,) = [
        m for m in site.messages_about("content/posts/nonote.md") if "host's note" in m
    ]
    assert "no host's note" in nonote and "!!! host-note" in nonote
    # Every problem is a warning: the site still builds, whole.
    assert site.errors == []
    assert site.exists("2026/03/no-note/")
    assert "…" in bar(site, "2026/03/lukasz-writes/").select_one('a[rel="next"]').get_text()


def test_a_post_names_one_series_at_most(build_site):
    files = dict(THREE)
    files["posts/both.md"] = (
        "Title: Both\nDate: 2026-03-07 09:00\nSeries: Birthday Bloggers\n"
        "Series: Guest Cooks\nSeries_index: 4\n\nText." + HOST_NOTE
    )
    site = build_site(files)
    (message,) = site.messages_about("content/posts/both.md")
    assert "one series at most" in message and "keep one Series line" in message


def test_label_formats_are_settings(build_site):
    site = build_site(
        THREE,
        GUEST_SERIES_NUMBER_LABEL="Birthday guest {number}",
        GUEST_SERIES_PREVIOUS_LABEL="← {title}",
        GUEST_SERIES_NEXT_LABEL="{title} →",
        GUEST_SERIES_POSITION_LABEL="part {number}/{count}",
        GUEST_SERIES_URL="guests/{slug}.html",
        GUEST_SERIES_SAVE_AS="guests/{slug}.html",
    )
    middle = bar(site, URLS["pf"])
    assert middle.strong.get_text() == "Birthday guest 2"
    assert link_texts(middle) == {"prev": "← Vid on Blogging", "next": "Łukasz writes →"}
    assert "(part 2/3)" in middle.get_text()
    assert site.exists("guests/birthday-bloggers.html")


def test_a_bad_label_setting_stops_the_build_naming_the_placeholders(build_site):
    site = build_site(THREE, GUEST_SERIES_NUMBER_LABEL="Guest {numbr}")
    (error,) = site.errors
    assert error.startswith("pelicanconf.py: error: GUEST_SERIES_NUMBER_LABEL = ")
    assert "{number}" in error and "'numbr'" in error
    assert "has 1 error" in site.stopped
    assert not site.output.exists()


@pytest.mark.parametrize("first_build_cached", [False, True])
def test_a_build_from_the_content_cache_gives_the_same_site(
    build_site, tmp_path, first_build_cached
):
    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    build_site(THREE, **settings)
    first = tmp_path / "first"
    (tmp_path / "output").rename(first)
    site = build_site(**settings)
    assert (tmp_path / "cache").is_dir()
    assert differing_files(first, site.output) == []
    assert "(2 of 3)" in bar(site, URLS["pf"]).get_text()


def test_a_setting_that_changes_rendering_starts_a_fresh_cache(build_site, tmp_path):
    # Pelican trusts a cached post while its file is unchanged; a change of
    # Guestlist's settings or code must still show in a cached rebuild.
    settings = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    files = dict(THREE)
    files["posts/vid.md"] = guest_post(
        "Vid writes", 1, "2026-03-02 09:00", short="Vid on Blogging"
    ).replace("A guest's words.", "Thanks to @jo_example.")
    first = build_site(files, **settings)
    assert first.page(URLS["vid"]).select_one("a.mention")["href"] == (
        "https://x.com/jo_example"
    )
    again = build_site(GUEST_SERIES_X_DOMAIN="twitter.com", **settings)
    assert again.page(URLS["vid"]).select_one("a.mention")["href"] == (
        "https://twitter.com/jo_example"
    )
    assert len(list((tmp_path / "cache").iterdir())) == 2
