"""The theme in a real browser: Debian's Chromium, driven by Playwright.

Every kind of page loads with no console error and asks no other host for
anything; axe-core finds no violation; the layout holds at 320 px; focus is
visible; dark mode and print work. Screenshots at 375 and 1280 px are left in
test-output/screenshots/ to look at.
"""

from urllib.parse import urlsplit

import pytest

from served_site import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PAGE_KINDS,
    TEST_OUTPUT,
    require,
    require_chromium,
    served_demo,
)

# Needs Chromium, Java or Lighthouse: make test-all runs it, make test does not.
pytestmark = pytest.mark.tools

try:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - requirements-test.txt installs both
    sync_playwright = Axe = None

SCREENSHOTS = TEST_OUTPUT / "screenshots"
AUDITED = ["home", "article", "series", "author"]
BUDGET = 30 * 1024  # bytes of HTML and CSS an article page may load, images aside


@pytest.fixture(scope="module")
def browser():
    require(
        sync_playwright is not None, "Playwright", "pip install -r requirements-test.txt"
    )
    require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):
    with served_demo(tmp_path_factory.mktemp("browser")) as (base, built):
        assert built.errors == []
        yield base


class Visit:
    """One page opened in a fresh context, with everything it logged and asked for."""

    def __init__(self, browser, url, width=1280, color_scheme="light"):
        self.context = browser.new_context(
            viewport={"width": width, "height": 900}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.console_errors = []
        self.requests = []
        self.responses = []
        self.page.on("console", self._console)
        self.page.on("pageerror", self._page_error)
        self.page.on("request", self._request)
        self.page.on("response", self._response)
        self.response = self.page.goto(url, wait_until="load")

    def close(self):
        self.context.close()

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)

    def _page_error(self, error):
        self.console_errors.append(str(error))

    def _request(self, request):
        self.requests.append(request.url)

    def _response(self, response):
        self.responses.append(response)


@pytest.fixture
def visit(browser):
    opened = []

    def open_page(url, **options):
        opened.append(Visit(browser, url, **options))
        return opened[-1]

    yield open_page
    for page in opened:
        page.close()


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
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shown.page.screenshot(path=SCREENSHOTS / f"{kind}-{width}.png", full_page=True)


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
