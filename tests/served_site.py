"""The demo site built and served on 127.0.0.1, and the outside tools that check it.

Browser, Lighthouse and validator tests need programs pip cannot install
(Chromium, Node with Lighthouse, Java): they are marked `tools`, run by
`make test-all`, where a missing program fails them (see `require`).
"""

import functools
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import DEMO_CONTENT, ROOT, run_pelican

# Where checks leave what a person may want to look at (ignored by git, and
# uploaded by both GitHub workflows as the "test-output" artefact).
TEST_OUTPUT = ROOT / "test-output"
SCREENSHOTS = TEST_OUTPUT / "screenshots"

CHROMIUM = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)
# Headless, as root, with nothing that reaches for the network on its own.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--no-first-run",
]

# One page of each kind in the demo, by site URL. "article" is a post in a
# series; "post" is one outside any series.
PAGE_KINDS = {
    "home": "",
    "home-page-2": "page/2/",
    "article": "2026/03/the-last-detective-will-be-very-good-at-waiting/",
    "post": "2026/03/seven-guests-for-seven-years/",
    "series": "series/birthday-bloggers/",
    "series-list": "series/",
    "author": "authors/pfndf/",
    "authors": "authors/",
    "tags": "tags/",
    "tag": "tags/blogging/",
    "archives": "archives/",
    "category": "category/blog/",
    "about": "about/",
    "not-found": "404.html",
}
# An old address the demo keeps (Redirect_from in its guest #1's post): the
# redirects feature writes a page there that forwards to the post.
REDIRECT = "2013/03/birthday-blogger-1.html"
# The page kinds a reader lands on, as the issue that asked for them names
# them, by site address: what the screenshots and Lighthouse both cover.
READER_PAGES = {
    "home": PAGE_KINDS["home"],
    "post": PAGE_KINDS["article"],
    "series": PAGE_KINDS["series"],
    "series-list": PAGE_KINDS["series-list"],
    "author": PAGE_KINDS["author"],
    "guests": PAGE_KINDS["authors"],
    "tags": PAGE_KINDS["tags"],
    "archives": PAGE_KINDS["archives"],
}
# The demo has nine posts: four a page gives the home page a page 2.
DEMO_OVERRIDES = {"DEFAULT_PAGINATION": 4}


def require(available, what, install):
    """Fail unless `available`, saying how to install `what`.

    These tests are marked `tools`: `make test` leaves them out (and says so),
    and `make test-all` runs them, where a missing program is a failure, never a
    skip, so that a check never passes by not running. Run alone outside both
    (plain pytest), a missing program skips, with the way to install it.
    """
    if available:
        return
    message = f"{what} is not installed here: {install}"
    if os.environ.get("GUESTLIST_REQUIRE_TOOLS") or os.environ.get("CI"):
        pytest.fail(f"{message} (bash .ci/install-tools installs it)")
    pytest.skip(message)


def require_chromium():
    require(
        Path(CHROMIUM).is_file(),
        "Chromium",
        "apt-get install chromium (or set CHROMIUM_PATH)",
    )


@contextmanager
def chromium():
    """Debian's Chromium, launched headless through Playwright; yields the Browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - requirements-test.txt installs it
        sync_playwright = None
    require(
        sync_playwright is not None, "Playwright", "pip install -r requirements-test.txt"
    )
    require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser():
    """One Chromium a test module, for the modules that import this fixture."""
    with chromium() as launched:
        yield launched


class Visit:
    """One page opened in a fresh context, with everything it logged and asked for.

    `hold` is an address the page may forward to (a redirect page's target):
    the browser's request for it is recorded in `held` and answered with
    204 No Content, which leaves the forwarding page on screen to be measured.
    """

    def __init__(
        self,
        browser,
        url,
        width=1280,
        color_scheme="light",
        hold=None,
        javascript=True,
    ):
        self.context = browser.new_context(
            viewport={"width": width, "height": 900},
            color_scheme=color_scheme,
            java_script_enabled=javascript,
        )
        self.page = self.context.new_page()
        self.console_errors = []
        self.requests = []
        self.responses = []
        self.held = []
        self.page.on("console", self._console)
        self.page.on("pageerror", self._page_error)
        self.page.on("request", self._request)
        self.page.on("response", self._response)
        if hold:
            self.page.route(hold, self._hold)
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

    def _hold(self, route):
        self.held.append(route.request.url)
        route.fulfill(status=204)


@contextmanager
def visits(browser):
    """Yield open(url, **options) -> Visit; every page it opened is closed after."""
    opened = []

    def open_page(url, **options):
        opened.append(Visit(browser, url, **options))
        return opened[-1]

    try:
        yield open_page
    finally:
        for page in opened:
            page.close()


def build_demo(root, edit=None, **overrides):
    """Build the shipped demo content under `root`; return the BuiltSite.

    `edit`, if given, is called with the copied content folder before the build.
    """
    content = root / "content"
    shutil.copytree(DEMO_CONTENT, content)
    if edit:
        edit(content)
    return run_pelican(content, root / "output", **{**DEMO_OVERRIDES, **overrides})


def forward_target(built, address):
    """Where the page at `address` forwards with <meta http-equiv=refresh>, if it does."""
    if not built.exists(address):
        return None
    refresh = built.page(address).find("meta", attrs={"http-equiv": "refresh"})
    if refresh is None:
        return None
    return refresh["content"].split("url=", 1)[1].strip()


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves the output folder as a static host does: 404.html for a missing page."""

    def log_message(self, format, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def served_demo(root, edit=None, **overrides):
    """Build the demo under `root` and serve it on 127.0.0.1; yield (base URL, site).

    The server is bound first, so that the site is built with its own address
    as SITEURL: absolute links and canonical URLs, as a published site has.
    """
    output = root / "output"
    output.mkdir(parents=True)
    handler = functools.partial(_SiteHandler, directory=str(output))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        site = build_demo(root, edit, SITEURL=base, **overrides)
        yield base, site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
