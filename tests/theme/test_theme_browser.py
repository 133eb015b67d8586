"""The theme in a real browser: Debian's Chromium, driven by Playwright.

Every kind of page loads with no console error and asks no other host for
anything; axe-core finds no violation; the layout holds at 320 px; focus is
visible; dark mode and print work. The screenshots of every page kind are
test_theme_screens.py's; the layout the issue found broken, test_theme_layout.py's.
"""

from urllib.parse import urlsplit

import pytest

from served_site import PAGE_KINDS, served_demo, visits

# Needs Chromium, Java or Lighthouse: make test-all runs it, make test does not.
pytestmark = pytest.mark.tools

try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:  # pragma: no cover - requirements-test.txt installs it
    Axe = None

AUDITED = ["home", "article", "series", "author"]
BUDGET = 30 * 1024  # bytes of HTML and CSS an article page may load, images aside


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):
    with served_demo(tmp_path_factory.mktemp("browser")) as (base, built):
        assert built.errors == []
        yield base


@pytest.fixture
def visit(browser):
    with visits(browser) as open_page:
        yield open_page


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_every_kind_of_page_loads_cleanly_and_only_from_this_host(site, visit, kind, width):
    shown = visit(f"{site}/{PAGE_KINDS[kind]}", width=width)
    assert shown.response.status == 200
    assert shown.console_errors == []
    own_host = urlsplit(site).netloc
    elsewhere = [
        url
        for url in shown.requests
        if not url.startswith("data:") and urlsplit(url).netloc != own_host
    ]
    assert elsewhere == []


def test_a_missing_address_gets_the_themes_404_page(site, visit):
    shown = visit(f"{site}/no/such/page/")
    assert shown.response.status == 404
    assert shown.page.locator("h1").inner_text() == "Page not found"
    # Its links start from the site's root, so they work from any depth.
    home = shown.page.get_by_role("link", name="The home page")
    assert home.get_attribute("href") == f"{site}/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("kind", AUDITED)
def test_axe_finds_no_violations(site, visit, kind, width, scheme):
    shown = visit(f"{site}/{PAGE_KINDS[kind]}", width=width, color_scheme=scheme)
    results = Axe().run(shown.page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_nothing_scrolls_sideways_at_320_px(site, visit, kind):
    shown = visit(f"{site}/{PAGE_KINDS[kind]}", width=320)
    overflow = shown.page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_the_skip_link_shows_on_focus_and_moves_focus_to_the_content(site, visit):
    shown = visit(f"{site}/{PAGE_KINDS['article']}", width=375)
    page = shown.page
    skip = page.get_by_role("link", name="Skip to content")
    assert not _in_viewport(page, skip)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    assert _in_viewport(page, skip)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_focused_link_has_a_visible_outline(site, visit, scheme):
    shown = visit(f"{site}/{PAGE_KINDS['article']}", color_scheme=scheme)
    page = shown.page
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site's name
    style, width, colour = page.evaluate(
        "(() => { const style = getComputedStyle(document.activeElement);"
        " return [style.outlineStyle, parseFloat(style.outlineWidth),"
        " style.outlineColor]; })()"
    )
    assert style == "solid"
    assert width >= 2
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colour != background


def test_dark_mode_follows_the_readers_setting(site, visit):
    light = visit(f"{site}/", color_scheme="light")
    dark = visit(f"{site}/", color_scheme="dark")
    script = "getComputedStyle(document.body).backgroundColor"
    assert _brightness(light.page.evaluate(script)) > 200
    assert _brightness(dark.page.evaluate(script)) < 60


def test_print_leaves_out_the_navigation(site, visit):
    shown = visit(f"{site}/{PAGE_KINDS['article']}")
    page = shown.page
    assert page.locator(".site-nav").is_visible()
    page.emulate_media(media="print")
    for selector in (".site-nav", ".skip-link", ".series-bar ul", ".post-neighbours"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator(".post-body").is_visible()


def test_an_article_page_loads_less_than_the_budget_before_images(site, visit):
    shown = visit(f"{site}/{PAGE_KINDS['article']}")
    loaded = {
        response.url: len(response.body())
        for response in shown.responses
        if response.request.resource_type != "image"
    }
    assert sum(loaded.values()) <= BUDGET, loaded


def _in_viewport(page, locator):
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )


def _brightness(css_colour):
    """The mean channel of an `rgb(r, g, b)` colour, 0 to 255."""
    channels = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")
    return sum(float(channel) for channel in channels[:3]) / 3
