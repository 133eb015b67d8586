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

# Where checks leave what a person may want to look at (ignored by git).
TEST_OUTPUT = ROOT / "test-output"

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


def build_demo(root, **overrides):
    """Build the shipped demo content under `root`; return the BuiltSite."""
    content = root / "content"
    shutil.copytree(DEMO_CONTENT, content)
    return run_pelican(content, root / "output", **{**DEMO_OVERRIDES, **overrides})


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
def served_demo(root, **overrides):
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
        site = build_demo(root, SITEURL=base, **overrides)
        yield base, site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
