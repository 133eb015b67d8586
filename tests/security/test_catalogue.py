"""Guest input is untrusted: the catalogue of bad inputs (cases.py), built and checked.

One site holds every case at once, beside a good post, and is built once in
this process (as `make publish` builds, with an absolute SITEURL, so that the
feeds are written too) and checked once (as `make check` checks). For each
case: the build logs exactly its lines, naming the file and line; the check
prints exactly its lines; the good post and the case's own pages are built.
For the whole site: no script, event attribute, javascript:/data: address,
iframe or broken JSON-LD in any HTML, XML, SVG or JSON file written, nothing
written outside output/, nothing of a file outside content/ published, and
`make check` fails with exit status 1 and no traceback.

A case that would change what the others report, or needs the host's
settings, is built alone, the same way.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cases import CASES, GOOD_FILES, GOOD_URL, Case, Prefix
from pelican.log import LimitFilter

from conftest import ROOT, BuiltSite, run_pelican
from guestlist.cli.checks import check_site

SITEURL = "https://blog.example"
SHARED = [case for case in CASES if not case.own_build]

# ---------------------------------------------------------------------------
# Building a catalogue site.


@dataclass
class Catalogue:
    """A site built from some cases, and checked: what each said, and where it wrote."""

    root: Path  # everything of this build is under it
    content: Path
    output: Path
    scratch: Path  # the check's temporary folder
    settings_file: Path
    site: BuiltSite | None = None
    crashed: str | None = None  # the build's exception, if it raised one
    check: list[str] = field(default_factory=list)
    changed_outside: list[str] = field(default_factory=list)

    def messages(self) -> list[str]:
        return self.site.messages if self.site else []

    def about(self, lines: Iterable[str], case: Case) -> list[str]:
        return [line for line in lines if any(path in line for path in case.paths)]


# The one thing a build writes outside output/ with the content cache off:
# social cards kept by their key in the build's cache folder (cards/store.py).
CARD_STORE = re.compile(
    r"site/cache(/guestlist-[0-9a-f]+)?(/guestlist-cards(/[0-9a-f]+\.png)?)?"
)


def listing(root: Path, skip: Path) -> dict[str, object]:
    """Every file (with its size and time) and folder under `root`, but `skip`."""
    found = {}
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        folders[:] = [name for name in folders if here / name != skip]
        for name in folders:
            found[(here / name).relative_to(root).as_posix()] = "folder"
        for name in files:
            stat = (here / name).lstat()
            found[(here / name).relative_to(root).as_posix()] = (
                stat.st_size,
                stat.st_mtime_ns,
            )
    return found


def write_case_files(root: Path, content: Path, cases: Iterable[Case]) -> None:
    for relative, data in GOOD_FILES.items():
        write(content / relative, data)
    for case in cases:
        for relative, data in case.outside.items():
            write(root / relative, data)
        for relative, data in case.files.items():
            write(content / relative, data)
        for relative, target in case.links.items():
            link = content / relative
            link.parent.mkdir(parents=True, exist_ok=True)
            if target.startswith("content/"):
                link.symlink_to(content / target.removeprefix("content/"))
            else:
                link.symlink_to(root / target)


def write(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")


def settings_file(folder: Path, settings: dict) -> Path:
    """pelicanconf.py, or a file that imports it and sets the host's `settings`."""
    if not settings:
        return ROOT / "pelicanconf.py"
    path = folder / "host_settings.py"
    text = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
    text += "".join(f"{name} = {value!r}\n" for name, value in settings.items())
    path.write_text(text, encoding="utf-8")
    return path


def build_catalogue(root: Path, elsewhere: Path, cases: list[Case], settings=None):
    """Build and check `cases` together under `root` (settings files go in `elsewhere`)."""
    settings = settings or {}
    site_folder = root / "site"
    content, output, scratch = site_folder / "content", site_folder / "output", root / "tmp"
    write_case_files(root, content, cases)
    scratch.mkdir()
    built = Catalogue(
        root=root,
        content=content,
        output=output,
        scratch=scratch,
        settings_file=settings_file(elsewhere, settings),
    )
    before = listing(root, skip=output)
    try:
        built.site = run_pelican(
            content,
            output,
            SITEURL=SITEURL,
            RELATIVE_URLS=False,
            CACHE_CONTENT=False,
            **settings,
        )
    except Exception as error:  # what the case is about: the build must not crash
        built.crashed = f"{type(error).__name__}: {error}"
    # Pelican logs a message once a process; the check is a run of its own.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    saved = tempfile.tempdir
    tempfile.tempdir = str(scratch)  # so that a write out of the check's folder shows here
    try:
        result = check_site(built.settings_file, content)
    finally:
        tempfile.tempdir = saved
    built.check = [str(problem) for problem in result.problems]
    after = listing(root, skip=output)
    built.changed_outside = sorted(
        name
        for name in before.keys() | after.keys()
        if before.get(name) != after.get(name) and not CARD_STORE.fullmatch(name)
    )
    return built


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory):
    """Every case that can share a site, built and checked once."""
    return build_catalogue(
        tmp_path_factory.mktemp("catalogue"), tmp_path_factory.mktemp("settings"), SHARED
    )


@pytest.fixture(scope="session")
def built_alone(tmp_path_factory):
    """built_alone(case): the case's own site, built once."""
    cache = {}

    def build(case):
        if case.name not in cache:
            cache[case.name] = build_catalogue(
                tmp_path_factory.mktemp(case.name),
                tmp_path_factory.mktemp(case.name + "-settings"),
                [case],
                case.settings,
            )
        return cache[case.name]

    return build


@pytest.fixture
def built(request, catalogue, built_alone):
    case = request.node.callspec.params["case"]
    return built_alone(case) if case.own_build else catalogue


def params(aspect: str) -> list:
    """Every case, marked xfail (strict) where the catalogue says this aspect is wrong."""
    return [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(strict=True, reason=case.xfail[aspect])]
            if aspect in case.xfail
            else [],
        )
        for case in CASES
    ]


def as_expected(actual: list[str], expected: Iterable[str]) -> list[str]:
    """`actual`, sorted, with each line that a Prefix of `expected` starts shown as it."""
    prefixes = [line for line in expected if isinstance(line, Prefix)]
    shown = []
    for line in actual:
        prefix = next((p for p in prefixes if line.startswith(p)), None)
        if prefix is not None:
            prefixes.remove(prefix)
            line = prefix
        shown.append(line)
    return sorted(shown)


# ---------------------------------------------------------------------------
# Each case.


@pytest.mark.parametrize("case", params("build"))
def test_the_build_names_the_file_and_line_of_each_problem(case, built):
    assert built.crashed is None
    expected = [
        type(line)(line.replace("{content}", str(built.content))) for line in case.build
    ]
    actual = built.about(built.messages(), case)
    assert as_expected(actual, expected) == sorted(expected)


@pytest.mark.parametrize("case", params("check"))
def test_make_check_prints_exactly_its_lines(case, built):
    actual = built.about(built.check, case)
    assert as_expected(actual, case.check_lines) == sorted(case.check_lines)


@pytest.mark.parametrize("case", params("site"))
def test_the_rest_of_the_site_is_built(case, built):
    assert built.crashed is None
    site = built.site
    assert site.exists(GOOD_URL)
    assert "every bad file around it must leave it be" in site.path(GOOD_URL).read_text()
    for url in case.pages:
        assert site.exists(url), url
    for url in case.absent:
        assert not site.path(url).exists(), url
    for url, text in case.shows:
        assert text in site.path(url).read_text(encoding="utf-8"), url
    for url, text in case.hides:
        assert text not in site.path(url).read_text(encoding="utf-8"), url
    if case.own_build:
        assert built.changed_outside == []
        assert not leaked_secrets(built.output)
        if case.scan:
            assert unsafe_output(built.output) == []
            assert unsafe_names(built.output) == []


# ---------------------------------------------------------------------------
# The whole site.


def test_the_catalogue_covers_every_class_and_field():
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)
    kinds = {kind: sum(case.kind == kind for case in CASES) for kind in KINDS}
    assert all(count >= 3 for count in kinds.values()), kinds
    for folder, fields in FIELDS.items():
        written = "\n".join(
            data if isinstance(data, str) else data.decode("latin-1")
            for case in CASES
            for path, data in case.files.items()
            if path.startswith(folder + "/")
        )
        for name in fields:
            assert re.search(rf"(?m)^\ufeff?{name}:", written), f"{folder}: {name}"
    names = [path for case in CASES for path in (*case.files, *case.links)]
    assert any(" " in name and not name.isascii() for name in names)


KINDS = ("markup", "html", "trust", "files", "bytes", "silent", "paths")
FIELDS = {
    "posts": (
        "Title",
        "Summary",
        "Short_title",
        "Tags",
        "Author",
        "Series",
        "Series_index",
        "Slug",
        "Date",
        "Modified",
        "Redirect_from",
        "Twitter",
        "X",
    ),
    "authors": ("Name", "Twitter", "X", "Mastodon", "Bluesky", "Website", "Avatar"),
    "series": ("Title", "Singular", "Plural", "Host"),
}


def test_each_case_is_known_by_its_own_files():
    paths = [(case.name, path) for case in CASES for path in case.paths]
    good = [f"content/{path}" for path in GOOD_FILES]
    for name, path in paths:
        others = [p for n, p in paths if n != name] + good
        assert not any(path in other for other in others), path


def test_every_message_names_a_case_file(catalogue):
    shared_paths = [path for case in SHARED for path in case.paths]
    for lines in (catalogue.messages(), catalogue.check):
        assert [line for line in lines if not any(p in line for p in shared_paths)] == []


def test_the_site_is_built_around_the_bad_files(catalogue):
    assert catalogue.crashed is None
    site = catalogue.site
    assert site.exists(GOOD_URL) and site.exists("")
    assert site.files("feeds/*.xml") == ["feeds/all.atom.xml", "feeds/all.rss.xml"]


def test_no_output_holds_anything_that_runs(catalogue):
    assert unsafe_output(catalogue.output) == []


def test_no_feed_describes_itself_with_markup(catalogue):
    found = []
    for path in sorted(catalogue.output.glob("feeds/**/*.rss.xml")):
        root = ElementTree.parse(path).getroot()
        for description in channel_descriptions(root):
            if unsafe_in_html(description.text or "", json_ld=False):
                found.append(f"{path.relative_to(catalogue.output)}: {description.text}")
    assert found == []


def test_no_output_file_is_named_with_markup(catalogue):
    assert unsafe_names(catalogue.output) == []


def test_nothing_from_outside_the_content_folder_is_published(catalogue):
    assert leaked_secrets(catalogue.output) == []


def test_nothing_is_written_outside_output(catalogue):
    assert catalogue.changed_outside == []
    assert list(catalogue.scratch.iterdir()) == []


def test_make_check_fails_and_prints_what_check_site_finds(catalogue):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"), TMPDIR=str(catalogue.scratch))
    before = listing(catalogue.root, skip=catalogue.output)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "guestlist.cli.check",
            "-s",
            str(ROOT / "pelicanconf.py"),
            "--content",
            "content",
        ],
        cwd=catalogue.content.parent,
        env=env,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stdout.splitlines() == catalogue.check
    errors = sum(line.split(": ")[1] == "error" for line in catalogue.check)
    assert errors > 0
    assert result.stderr.startswith(f"guestlist-check: {errors} errors, ")
    assert listing(catalogue.root, skip=catalogue.output) == before


# ---------------------------------------------------------------------------
# Reading what the build wrote.

# Characters a browser drops from an address before reading its scheme.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
_RUNNING_SCHEMES = ("javascript:", "data:", "vbscript:")
_URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "srcset",
}
_EMBEDS = re.compile(r"<(iframe|frame|frameset|object|embed|applet)\b", re.IGNORECASE)
_SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)
JSON_LD = '<script type="application/ld+json">'
# Feed elements whose text is HTML.
_RSS_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def runs(address: str) -> bool:
    return _IGNORED_IN_URLS.sub("", address).lower().startswith(_RUNNING_SCHEMES)


def unsafe_in_html(text: str, json_ld: bool = True) -> list[str]:
    """What in an HTML document (or fragment) would run: one line each."""
    found = [
        f"a script: {tag}"
        for tag in _SCRIPT_TAG.findall(text)
        if not json_ld or tag != JSON_LD
    ]
    found += [f"an <{name}>" for name in _EMBEDS.findall(text)]
    for element in BeautifulSoup(text, "html.parser").find_all(True):
        if element.name == "script" and element.get("type") == "application/ld+json":
            try:
                json.loads(element.string or "")
            except ValueError as error:
                found.append(f"broken JSON-LD ({error}): {element.string!r:.200}")
        for name, value in element.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                found.append(f"an event attribute: <{element.name} {name}=…>")
            elif name.lower() in _URL_ATTRIBUTES and any(runs(v) for v in values):
                found.append(f"an address that runs: <{element.name} {name}={value!r}>")
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            target = element.get("content", "").partition("=")[2]
            if runs(target.strip("'\"")):
                found.append(f"a refresh that runs: {element}")
    return found


def unsafe_in_xml(text: str) -> list[str]:
    """What in a feed or SVG image would run, or that it is not well-formed XML."""
    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        return [f"not well-formed XML: {error}"]
    found = []
    channel = {id(element) for element in channel_descriptions(root)}
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1].lower()
        if name in {"script", "iframe", "frame", "object", "embed", "foreignobject"}:
            found.append(f"a <{name}> element")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                found.append(f"an event attribute: <{name} {local}=…>")
            elif local in _URL_ATTRIBUTES and runs(value):
                found.append(f"an address that runs: <{name} {local}={value!r}>")
        if name in {"link", "guid", "id", "uri", "comments"} and runs(element.text or ""):
            found.append(f"an address that runs: <{name}>{element.text}")
        carries_html = element.get("type") == "html" or element.tag in {
            "description",
            _RSS_CONTENT,
        }
        if carries_html and element.text and id(element) not in channel:
            found += [
                f"in <{name}>: {item}" for item in unsafe_in_html(element.text, False)
            ]
    return found


def channel_descriptions(root: ElementTree.Element) -> list[ElementTree.Element]:
    """An RSS feed's own <description> (an item's is its post's HTML)."""
    return [
        item for channel in root.iter("channel") for item in channel.findall("description")
    ]


def unsafe_output(output: Path) -> list[str]:
    """Every file of `output` that holds something that would run, and what."""
    found, seen = [], {"html": 0, "xml": 0}
    for path in sorted(output.rglob("*")):
        kind = path.suffix.lower().lstrip(".")
        if (
            path.is_symlink()
            or not path.is_file()
            or kind not in {"html", "xml", "svg", "json"}
        ):
            continue
        text = path.read_text(encoding="utf-8")
        if kind == "html":
            problems = unsafe_in_html(text)
        elif kind == "json":
            try:
                json.loads(text)
                problems = []
            except ValueError as error:
                problems = [f"broken JSON: {error}"]
        else:
            problems = unsafe_in_xml(text)
        seen[kind] = seen.get(kind, 0) + 1
        found += [f"{path.relative_to(output)}: {problem}" for problem in problems]
    assert seen["html"] and seen["xml"], seen  # the scan did read the site
    return found


def unsafe_names(output: Path) -> list[str]:
    """Files written under a name holding markup, quotes or control characters."""
    return [
        path.relative_to(output).as_posix()
        for path in output.rglob("*")
        if re.search(r"[<>\"'\\\x00-\x1f\x7f]", path.relative_to(output).as_posix())
    ]


def leaked_secrets(output: Path) -> list[str]:
    """Files of `output` holding text from a file outside the content folder."""
    return [
        path.relative_to(output).as_posix()
        for path in output.rglob("*")
        if path.is_file() and b"SECRET-" in path.read_bytes()
    ]


ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><entry>{}</entry></feed>'


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("html", "<p>x</p><script>alert(1)</script>"),
        ("html", "<SCRIPT SRC=//e.example/x.js></SCRIPT>"),
        ("html", '<img src="x" onerror="alert(1)">'),
        ("html", '<a href=" java\tscript:alert(1)">x</a>'),
        ("html", '<a href="DATA:text/html,x">x</a>'),
        ("html", '<iframe src="https://e.example/"></iframe>'),
        ("html", '<script type="application/ld+json">{"a": "</script><p>"}</script>'),
        ("html", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
        (
            "xml",
            ATOM.format('<content type="html">&lt;script&gt;x&lt;/script&gt;</content>'),
        ),
        ("xml", ATOM.format('<link href="javascript:alert(1)"/>')),
        (
            "xml",
            "<rss><channel><item><description>&lt;img src=x onerror=a()&gt;"
            "</description></item></channel></rss>",
        ),
        ("xml", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("xml", '<svg xmlns="http://www.w3.org/2000/svg"><script>a()</script></svg>'),
    ],
)
def test_the_scan_finds_what_would_run(kind, text):
    """The whole-output tests can only pass if the scan sees what it looks for."""
    found = unsafe_in_html(text) if kind == "html" else unsafe_in_xml(text)
    assert found != []


def test_the_scan_passes_what_the_theme_writes():
    page = (
        '<script type="application/ld+json">{"headline": "\\u003c/script\\u003e"}</script>'
        "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"
        '<a href="https://x.com/jo" title="&#34; onclick=&#34;x">x</a>'
    )
    assert unsafe_in_html(page) == []
    assert unsafe_in_xml(ATOM.format("<title>&lt;script&gt;</title>")) == []
