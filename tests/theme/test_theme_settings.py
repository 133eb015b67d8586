"""The host's theme settings: what a reader sees, and what a bad value does.

A bad value is reported with the setting's name and what to write instead;
the build goes on with a safe value, and nothing unsafe reaches the page.
"""

import re

from conftest import post
from guestlist.theme.colours import AA_TEXT, Colour, worst_contrast
from guestlist.theme.palette import backgrounds

ONE_POST = {"posts/a.md": post("A post", Author="Ollie Brennan")}


def accent_style(page):
    style = page.head.find("style")
    return style.get_text() if style else None


def accents(css):
    """The light and dark accent colours a page's inline style sets."""
    light, dark = re.findall(r"--accent:(#[0-9a-f]{6})", css)
    return Colour.parse(light), Colour.parse(dark)


def test_the_footer_names_the_host_and_links_their_handle(build_site):
    site = build_site(ONE_POST, THEME_HOST_HANDLE="@ollie@social.example")
    footer = site.page("").select_one("footer.site-footer")
    assert "written by Ollie Brennan" in footer.get_text()
    link = footer.find("a", rel="me")
    assert link["href"] == "https://social.example/@ollie"
    assert link.get_text() == "@ollie@social.example"
    assert "on Mastodon" in footer.get_text()


def test_the_host_name_can_differ_from_the_author(build_site):
    site = build_site(ONE_POST, THEME_HOST_NAME="The Workbench team")
    assert "written by The Workbench team" in site.page("").footer.get_text()


def test_a_bad_handle_is_reported_and_left_out(build_site):
    site = build_site(ONE_POST, THEME_HOST_HANDLE="ollie at example")
    assert any("THEME_HOST_HANDLE" in message for message in site.warnings)
    assert site.page("").footer.find("a", rel="me") is None
    assert site.errors == []


def test_footer_links_are_shown_in_order_and_escaped(build_site):
    links = (("Colophon", "/colophon/"), ("<b>Mail</b> me", "mailto:ollie@example.com"))
    site = build_site(ONE_POST, THEME_FOOTER_LINKS=links)
    shown = site.page("").select("footer .footer-links a")
    assert [(a.get_text(), a["href"]) for a in shown] == list(links)
    assert site.page("").footer.find("b") is None  # markup shown as text


def test_footer_paths_on_the_site_follow_siteurl(build_site):
    links = (("Colophon", "/colophon/"), ("Elsewhere", "https://example.org/"))
    site = build_site(
        ONE_POST, THEME_FOOTER_LINKS=links, SITEURL="https://example.com/blog"
    )
    shown = [a["href"] for a in site.page("").select("footer .footer-links a")]
    assert shown == ["https://example.com/blog/colophon/", "https://example.org/"]


def test_unsafe_or_malformed_footer_links_are_reported_and_left_out(build_site):
    links = (
        ("Home", "/"),
        ("Run me", "javascript:alert(1)"),
        "just a string",
        ("No address", ""),
    )
    site = build_site(ONE_POST, THEME_FOOTER_LINKS=links)
    shown = site.page("").select("footer .footer-links a")
    assert [a["href"] for a in shown] == ["/"]
    reported = [m for m in site.warnings if "THEME_FOOTER_LINKS" in m]
    assert len(reported) == 3
    assert any("link 2" in m and "javascript:" in m for m in reported)
    assert not any("javascript" in a["href"] for a in site.page("").find_all("a"))


def test_the_default_accent_adds_no_style(build_site):
    site = build_site(ONE_POST, THEME_ACCENT_COLOUR="#a63d1c")
    assert accent_style(site.page("")) is None
    assert site.warnings == []


def test_a_legible_accent_is_used_as_given_with_a_dark_scheme_twin(build_site):
    site = build_site(ONE_POST, THEME_ACCENT_COLOUR="#0b5cad")
    light, dark = accents(accent_style(site.page("")))
    assert light.hex == "#0b5cad"
    assert worst_contrast(dark, backgrounds("dark")) >= 7
    assert dark.blue > dark.red  # the same blue, lighter
    assert site.warnings == []


def test_an_accent_below_aa_is_darkened_and_the_host_told(build_site):
    site = build_site(ONE_POST, THEME_ACCENT_COLOUR="#ffcc00")
    light, _ = accents(accent_style(site.page("")))
    assert worst_contrast(light, backgrounds("light")) >= AA_TEXT
    (warning,) = [m for m in site.warnings if "THEME_ACCENT_COLOUR" in m]
    assert "#ffcc00" in warning and light.hex in warning and "4.5:1" in warning


def test_a_dark_accent_of_the_hosts_own_is_checked_too(build_site):
    site = build_site(
        ONE_POST, THEME_ACCENT_COLOUR="#0b5cad", THEME_ACCENT_COLOUR_DARK="#333366"
    )
    _, dark = accents(accent_style(site.page("")))
    assert worst_contrast(dark, backgrounds("dark")) >= AA_TEXT
    assert any("THEME_ACCENT_COLOUR_DARK" in m for m in site.warnings)


def test_an_accent_that_is_not_a_colour_falls_back_to_the_default(build_site):
    site = build_site(ONE_POST, THEME_ACCENT_COLOUR="red;}</style><script>")
    assert accent_style(site.page("")) is None
    # Structured data is the page's only script element: nothing broke out of <style>.
    scripts = site.page("").find_all("script")
    assert [script.get("type") for script in scripts] in ([], ["application/ld+json"])
    (warning,) = [m for m in site.warnings if "THEME_ACCENT_COLOUR" in m]
    assert "#rrggbb" in warning


def test_the_home_page_lists_the_posts_when_the_host_turns_its_pagination_off(build_site):
    # The theme's listings go through a paginator: one page of every post
    # where PAGINATED_TEMPLATES leaves them out (the author page failed).
    site = build_site(
        {
            f"posts/p{n}.md": post(f"Post {n}", date=f"2026-03-0{n} 09:00")
            for n in (1, 2, 3)
        },
        PAGINATED_TEMPLATES={"tag": None},
        DEFAULT_PAGINATION=2,
    )
    titles = [
        h.get_text(strip=True)
        for h in site.page("").select("main article h2, main article h3")
    ]
    assert titles == ["Post 3", "Post 2", "Post 1"]
    assert not site.exists("page/2/")
    assert site.errors == []
    assert len(site.page("authors/ollie-brennan/").select("main article")) == 3
