"""Translated posts: each language's translations form series of their own.

A translation that keeps its original's `Series` line is in the series of
that name among the translations in its language, never in the original's
(which lists only originals) and never shown as an empty series bar.
"""

from conftest import HOST_NOTE, post


def guest(title, index, day, lang=None, slug=None, series="Birthday Bloggers", **fields):
    if lang:
        fields["Lang"] = lang
    if slug:
        fields["Slug"] = slug
    return post(
        title,
        date=f"2026-03-0{day} 09:00",
        body="Words." + HOST_NOTE,
        Series=series,
        Series_index=index,
        **fields,
    )


SITE = {
    "posts/one.md": guest("One", 1, 1, slug="one"),
    "posts/two.md": guest("Two", 2, 2, slug="two"),
    "posts/three.md": guest("Three", 3, 3, slug="three"),
    "posts/one-fr.md": guest("Un", 1, 1, lang="fr", slug="one"),
    "posts/three-fr.md": guest("Trois", 3, 3, lang="fr", slug="three"),
    "posts/two-de.md": guest("Zwei", 2, 2, lang="de", slug="two"),
}


def bar(page):
    return page.select_one("header .series-bar")


def test_translations_form_a_series_per_language(build_site):
    site = build_site(SITE)
    assert site.errors == []
    un, trois = site.page("one-fr.html"), site.page("three-fr.html")
    assert bar(un).select_one("strong").get_text() == "Guest #1"
    assert "(1 of 2)" in bar(un).get_text()
    assert bar(un).select_one('a[rel="next"]')["href"] == "/three-fr.html"
    assert bar(trois).select_one('a[rel="prev"]')["href"] == "/one-fr.html"
    assert "(2 of 2)" in bar(trois).get_text()
    # No series page of its own: no link to one, and no empty bar.
    assert bar(un).select(".series-all") == []
    zwei = bar(site.page("two-de.html"))
    assert "(1 of 1)" in zwei.get_text()
    assert zwei.select('a[rel="prev"], a[rel="next"]') == []
    # The originals' series lists the originals only.
    assert "(2 of 3)" in bar(site.page("2026/03/two/")).get_text()
    series_page = site.page("series/birthday-bloggers/")
    assert len(series_page.select(".series-list > li")) == 3
    # A gap among the translations (no French two) is no problem.
    assert not [m for m in site.messages if "numbered" in m]


def test_a_translation_outside_any_series_has_no_bar(build_site):
    files = {
        "posts/one.md": guest("One", 1, 1, slug="one"),
        "posts/one-fr.md": post(
            "Un", date="2026-03-01 09:00", Lang="fr", Slug="one", body="Mots."
        ),
    }
    site = build_site(files)
    assert bar(site.page("one-fr.html")) is None


def test_pages_carry_their_own_language_and_link_their_translations(build_site):
    site = build_site(SITE)
    original, french = site.page("2026/03/one/"), site.page("one-fr.html")
    assert original.html["lang"] == "en"
    assert french.html["lang"] == "fr"
    (alternate,) = original.select('link[rel="alternate"][hreflang]')
    assert (alternate["hreflang"], alternate["href"]) == ("fr", "/one-fr.html")
    (back,) = french.select('link[rel="alternate"][hreflang]')
    assert (back["hreflang"], back["href"]) == ("en", "/2026/03/one/")
    visible = original.select_one(".translations a")
    assert visible["href"] == "/one-fr.html" and visible["hreflang"] == "fr"
    assert visible["lang"] == "fr" and "Un" in visible.get_text()
    # Each post links its own translations only.
    two = site.page("2026/03/two/")
    assert [link["hreflang"] for link in two.select("link[hreflang]")] == ["de"]
    alone = build_site({"posts/solo.md": post("Solo", date="2026-03-09 09:00")})
    assert alone.page("2026/03/solo/").select("link[hreflang], .translations") == []


def test_translated_pages_have_their_language_and_links(build_site):
    files = {
        "pages/about.md": "Title: About\nSlug: about\n\nAbout me.\n",
        "pages/about-fr.md": "Title: À propos\nSlug: about\nLang: fr\n\nÀ propos.\n",
    }
    site = build_site(files)
    french = site.page("pages/about-fr.html")
    assert french.html["lang"] == "fr"
    assert site.page("about/").html["lang"] == "en"
    (alternate,) = site.page("about/").select('link[rel="alternate"][hreflang]')
    assert alternate["hreflang"] == "fr"
    assert french.select_one(".translations a")["hreflang"] == "en"
