"""Old addresses that forward to new ones: a page for each, and maps for servers.

A post's `Redirect_from` lists old paths of the site (comma-separated). For
each, the generator writes a small page at that path (meta refresh,
rel=canonical and a visible link) and adds a line to the maps servers read:
Netlify's `_redirects` and an nginx `map`. A path that would overwrite a real
page, that leaves the site, or that another file already claims is an error
naming both files, and nothing is written for it: a redirect never replaces
a page, and nothing is written outside the output folder.
"""

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from jinja2 import FileSystemLoader
from pelican.contents import Article, Page
from pelican.generators import Generator

from ..core.problems import ERROR, WARNING, display_path, problem, report

TEMPLATES = Path(__file__).resolve().parent / "templates"
FIELD = "redirect_from"
# Paths ending so are written as that file; others get a folder with index.html.
PAGE_SUFFIXES = (".html", ".htm")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Characters that a server's map would read as syntax, or a shell as a command.
_FORBIDDEN = set("\"'\\;{}<>$`|*")
_FEED_SETTING = re.compile(r"^(FEED_|[A-Z_]+_FEED_)(ATOM|RSS)$")


class RedirectPathError(ValueError):
    """A Redirect_from entry that cannot be an old path of this site."""


@dataclass(frozen=True)
class Redirect:
    """One old path that forwards to a post or page."""

    old_path: str  # the old site path, decoded: "/2013/03/old.html"
    save_as: str  # the page written for it, under the output folder; "" for none
    target_url: str  # the new site path: "/2026/03/new-post/"
    title: str  # the title of the post it forwards to
    source_path: str  # the file asking for it, absolute


def parse_old_path(raw):
    """(old site path, file to write) for a Redirect_from entry, or RedirectPathError.

    `/2013/03/old.html` is written as that file; `/old/` and `/old` (no
    suffix) as `old/index.html`; any other suffix (`/feed.xml`) gets no page,
    only map lines, since a page there would be served as the wrong type.
    """
    text = raw.strip()
    if _SCHEME.match(text) or text.startswith("//"):
        raise RedirectPathError("leaves the site: it is a full address, not a path")
    if "?" in text or "#" in text:
        raise RedirectPathError(
            "has a query or fragment (? or #), which a static page cannot answer"
        )
    path = unquote(text)
    if not path.startswith("/"):
        path = "/" + path
    bad = sorted({char for char in path if char in _FORBIDDEN or not char.isprintable()})
    if bad or any(char.isspace() for char in path):
        shown = " ".join(repr(char) for char in bad) or "a space"
        raise RedirectPathError(f"contains {shown}; use the path as the old site had it")
    segments = path.split("/")[1:]
    if any(segment in {"..", "."} for segment in segments):
        raise RedirectPathError("leaves the site: it goes up a folder with '..'")
    if any(segment == "" for segment in segments[:-1]):
        raise RedirectPathError("has an empty folder name ('//')")
    last = segments[-1]
    if last == "":
        save_as = path[1:] + "index.html"
    elif PurePosixPath(last).suffix.lower() in PAGE_SUFFIXES:
        save_as = path[1:]
    elif PurePosixPath(last).suffix:
        save_as = ""
    else:
        save_as = path[1:] + "/index.html"
    return path, save_as


def collect_redirects(contents, content_root):
    """The redirects `contents` ask for, each path once, and the problems found.

    Files are taken in path order, so when two ask for one path, the same
    one keeps it in every build.
    """
    redirects, problems = [], []
    owner = {}  # path key -> Redirect
    for content in sorted(contents, key=lambda item: item.source_path):
        for raw in _entries(content.metadata.get(FIELD)):
            try:
                old_path, save_as = parse_old_path(raw)
            except RedirectPathError as error:
                problems.append(
                    _problem(
                        content,
                        f"Redirect_from {raw!r} {error}; write an old path of this "
                        "site, such as /2013/03/old-post.html",
                        content_root,
                    )
                )
                continue
            key = save_as or old_path
            first = owner.get(key)
            if first is not None:
                if first.source_path == content.source_path:
                    problems.append(
                        _problem(
                            content,
                            f"Redirect_from lists {raw!r} twice (as {first.old_path!r} "
                            "too); keep it once",
                            content_root,
                            severity=WARNING,
                        )
                    )
                else:
                    problems.append(
                        _problem(
                            content,
                            f"Redirect_from {raw!r} is also in "
                            f"{display_path(first.source_path, content_root)}, which "
                            "keeps it; an old address can forward to one place only, so "
                            "remove it from one of the two",
                            content_root,
                        )
                    )
                continue
            redirect = Redirect(
                old_path=old_path,
                save_as=save_as,
                target_url="/" + content.url,
                title=content.title,
                source_path=content.source_path,
            )
            owner[key] = redirect
            redirects.append(redirect)
    return redirects, problems


def claimed_outputs(context, settings, written_files, output_path):
    """Every file the build writes or copies, mapped to what it is.

    A value is the source file's Path for a post, page or copied file, a
    _WrittenPage for a file already written, and a description for the rest;
    `describe` turns any of them into words for users.
    """
    # The writer records absolute, normalised paths under the output folder.
    prefix = os.path.abspath(output_path) + os.sep
    written = [
        PurePosixPath(*Path(path[len(prefix) :]).parts).as_posix()
        for path in written_files
        if path.startswith(prefix)
    ]
    claimed = {}
    contents = context.get("generated_content", {}).values()

    @cache  # only asked when a redirect or map would overwrite a written file
    def sources_by_save_as():
        return {
            _normal(content.save_as): Path(content.source_path)
            for content in contents
            if content is not None and getattr(content, "save_as", None)
        }

    kinds = ("generated_content", "static_content")
    if written:
        # Every post and page is written before the redirects (Pelican runs
        # plugins' generators after its own): their pages are among the written
        # files. Asking each for its save_as, which Pelican formats anew on every
        # access, was most of the redirects' time (0.2 s at 1,000 posts).
        kinds = ("static_content",)
    for kind in kinds:
        for content in context.get(kind, {}).values():
            save_as = getattr(content, "save_as", None)
            if content is not None and save_as:
                claimed[_normal(save_as)] = Path(content.source_path)
    for series in context.get("guest_series", []):
        claimed[_normal(series.save_as)] = f"the series page of {series.name!r}"
    for name, value in settings.items():
        if _FEED_SETTING.match(name) and isinstance(value, str) and "{" not in value:
            claimed.setdefault(_normal(value), f"the feed {value}")
    for relative in written:
        claimed.setdefault(relative, _WrittenPage(relative, sources_by_save_as))
    return claimed


@dataclass(frozen=True)
class _WrittenPage:
    """A written file; which post or page it is, if any, is looked up when asked."""

    relative: str
    sources_by_save_as: Callable[[], dict]

    def source(self):
        return self.sources_by_save_as().get(self.relative)


def keep_free(redirects, claimed, contents_by_path, content_root):
    """The redirects whose page would overwrite nothing, and an error for each other."""
    kept, problems = [], []
    for redirect in redirects:
        claim = claimed.get(_normal(redirect.save_as)) if redirect.save_as else None
        if claim is None:
            kept.append(redirect)
            continue
        other = describe(claim, content_root)
        content = contents_by_path[redirect.source_path]
        own = display_path(redirect.source_path, content_root)
        if other == own:
            message = (
                f"Redirect_from {redirect.old_path!r} is this file's own address; "
                "remove it from Redirect_from"
            )
        else:
            message = (
                f"Redirect_from {redirect.old_path!r} would overwrite {other} "
                f"({redirect.save_as}), so it is not written; remove it from "
                "Redirect_from, or give the other page another address"
            )
        problems.append(_problem(content, message, content_root))
    return kept, problems


def describe(claim, content_root):
    """A value of claimed_outputs() in words: a file's path, or its description."""
    if isinstance(claim, _WrittenPage):
        claim = claim.source() or f"the page {claim.relative}"
    return display_path(claim, content_root) if isinstance(claim, Path) else claim


def netlify_map(redirects):
    """Netlify's `_redirects`: one `old new 301` line a redirect."""
    lines = ["# Old addresses and where they forward to, from each post's Redirect_from."]
    lines += [
        f"{quote(redirect.old_path)}  {quote(redirect.target_url)}  301"
        for redirect in sorted(redirects, key=lambda item: item.old_path)
    ]
    return "\n".join(lines) + "\n"


def nginx_map(redirects):
    """An nginx `map` from old paths to new ones (see docs/publishing.md)."""
    lines = [
        "# Old addresses and where they forward to, from each post's Redirect_from.",
        "# In nginx's http block: include this file; in the server block:",
        "#     if ($guestlist_redirect) { return 301 $guestlist_redirect; }",
        "map $uri $guestlist_redirect {",
    ]
    lines += [
        f'    "{redirect.old_path}" "{redirect.target_url}";'
        for redirect in sorted(redirects, key=lambda item: item.old_path)
    ]
    lines.append("}")
    return "\n".join(lines) + "\n"


MAPS = (
    ("GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS", netlify_map),
    ("GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS", nginx_map),
)


class RedirectGenerator(Generator):
    """Redirect pages and the server maps, after every other page is known."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A theme may give its own redirect.html; the plugin's is the fallback.
        self.env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))
        self.redirects = []

    def sources(self):
        """Published and hidden posts and pages: what has an address to forward to."""
        return [
            content
            for content in self.context.get("generated_content", {}).values()
            if isinstance(content, (Article, Page))
            and content.status in ("published", "hidden")
        ]

    def generate_context(self):
        self.redirects, problems = collect_redirects(self.sources(), self.path)
        report(problems)

    def resolve(self, written_files=()):
        """The redirects that overwrite nothing; report those that would."""
        claimed = claimed_outputs(
            self.context, self.settings, written_files, self.output_path
        )
        by_path = {content.source_path: content for content in self.sources()}
        kept, problems = keep_free(self.redirects, claimed, by_path, self.path)
        report(problems)
        return kept, claimed

    def generate_output(self, writer):
        # Pelican's writer records every file written so far (articles, pages,
        # tags, archives …): those are the pages a redirect must not replace.
        kept, claimed = self.resolve(getattr(writer, "_written_files", ()))
        output = Path(self.output_path).resolve()
        template = self.get_template("redirect")
        # Rendered with a small context and written here rather than through
        # Pelican's writer, which copies the whole site's context for each page:
        # a blog that moved can have a redirect for every post.
        site = {name: self.settings.get(name) for name in ("SITENAME", "SITEURL")}
        site["DEFAULT_LANG"] = self.settings.get("DEFAULT_LANG", "en")
        for redirect in kept:
            if not redirect.save_as or not self._inside(output, redirect.save_as):
                continue
            target = output / redirect.save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            page = template.render(
                site, redirect=redirect, target=self._absolute(redirect.target_url)
            )
            target.write_text(page, encoding="utf-8")
        for setting, render in MAPS:
            save_as = self.settings.get(setting)
            if not save_as or not self._inside(output, save_as):
                continue
            other = claimed.get(_normal(save_as))
            if other is not None:
                other = describe(other, self.path)
                report(
                    [
                        problem(
                            self.path,
                            f"the redirect map {save_as} would overwrite {other}, so it "
                            f"is not written; set {setting} = '' in the settings, or "
                            f"move {other}",
                            severity=ERROR,
                            content_root=self.path,
                        )
                    ]
                )
                continue
            target = output / save_as
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(kept), encoding="utf-8")

    def _absolute(self, site_path):
        return self.settings.get("SITEURL", "").rstrip("/") + site_path

    def _inside(self, output, relative):
        """Whether `relative` stays inside the output folder, links resolved."""
        inside = (output / relative).resolve().is_relative_to(output)
        if not inside:
            report(
                [
                    problem(
                        self.path,
                        f"{relative} resolves outside the output folder, so it is "
                        "not written",
                        severity=ERROR,
                        content_root=self.path,
                    )
                ]
            )
        return inside


def add_redirect_generator(pelican, **kwargs):
    """get_generators: add the generator for redirect pages and maps."""
    return RedirectGenerator


def _entries(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [
        entry.strip() for text in values for entry in str(text).split(",") if entry.strip()
    ]


def _normal(save_as):
    return PurePosixPath(str(save_as).lstrip("/")).as_posix()


def _problem(content, message, content_root, severity=ERROR):
    return problem(
        content.source_path,
        message,
        field=FIELD,
        severity=severity,
        content_root=content_root,
    )
