"""RedirectGenerator: a page at each old address, and the maps servers read.

Each page (meta refresh, rel=canonical and a visible link) and each map is
written through Pelican's writer, which refuses to write over a file the
build has already written and outside the output folder; what is written
after the redirects (static files, series pages, feeds) is claimed first
(claims.py). A redirect that would replace anything is an error naming both
files, and nothing is written for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, Template
from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.writers import FileOverwriteFailedError, Writer

from ..core.lifecycle import settings_file_of
from ..core.outputs import normal
from ..core.problems import ERROR, ContentProblem, collector_for, display_path
from .claims import (
    claimed_outputs,
    claimed_patterns,
    describe,
    keep_free,
    overwrite_problem,
    source_of_page,
)
from .maps import netlify_map, nginx_map
from .paths import Redirect, collect_redirects

TEMPLATES = Path(__file__).resolve().parent / "templates"
# What a redirect page is given of the settings.
SITE_SETTINGS = ("SITENAME", "SITEURL", "THEME_STYLESHEET", "THEME_ACCENT_CSS")
MAPS = (
    ("GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS", netlify_map),
    ("GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS", nginx_map),
)


class RedirectGenerator(Generator):
    """Redirect pages and the server maps, after every other page is known."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A theme may give its own redirect.html; the plugin's is the fallback.
        self.env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))
        self.redirects: list[Redirect] = []
        self.problems: list[ContentProblem] = []

    def sources(self) -> list[Any]:
        """Published and hidden posts and pages: what has an address to forward to."""
        return [
            content
            for content in self.context.get("generated_content", {}).values()
            if isinstance(content, (Article, Page))
            and content.status in ("published", "hidden")
        ]

    def generate_context(self) -> None:
        self.redirects, self.problems = collect_redirects(self.sources(), self.path)

    def generate_output(self, writer: Writer) -> None:
        claimed = claimed_outputs(self.context, self.settings)
        patterns = claimed_patterns(self.settings)
        kept, problems = keep_free(self.redirects, claimed, self.path, patterns)
        self.problems += problems
        template = self.get_template("redirect")
        # A small context, not the site's: Pelican's writer copies the context
        # for each page, and a blog that moved can have a redirect for every post.
        # The theme's stylesheet and accent dress the page as the site's own.
        site = {name: self.settings.get(name) for name in SITE_SETTINGS}
        site["DEFAULT_LANG"] = self.settings.get("DEFAULT_LANG", "en")
        written = []
        for redirect in kept:
            if redirect.save_as:
                target = self._absolute(redirect.target_url)
                page = dict(site, redirect=redirect, target=target)
                if not self._write(writer, redirect.save_as, template, page, redirect):
                    continue
            written.append(redirect)
        # The maps are text, written through the writer like every other file.
        as_is = Template("{{ text }}", autoescape=False)
        for setting, render in MAPS:
            save_as = self.settings[setting]
            other = claimed.get(normal(save_as)) if save_as else None
            if other is not None:
                other = describe(other, self.path)
                self._setting_problem(
                    setting,
                    f"the redirect map {save_as} would overwrite {other}, so it "
                    f"is not written; set {setting} = '' in the settings, or move {other}",
                )
            elif save_as:
                self._write(
                    writer, save_as, as_is, {"text": render(written)}, setting=setting
                )
        collector_for(self.settings).extend(self.problems)

    def _write(
        self,
        writer: Writer,
        save_as: str,
        template: Template,
        context: dict,
        redirect: Redirect | None = None,
        setting: str | None = None,
    ) -> bool:
        """Write one file through Pelican's writer; False, with a problem, if refused."""
        try:
            writer.write_file(save_as, template, context)
        except FileOverwriteFailedError:
            source = source_of_page(
                self.context.get("generated_content", {}).values(), save_as
            )
            other = self._shown(source) if source else f"the page {save_as}"
        except RuntimeError:  # Pelican's writer: the path leaves the output folder
            other = None
        else:
            return True
        if redirect is not None and other is not None:
            self.problems.append(overwrite_problem(redirect, other, self.path))
        elif redirect is not None:
            self.problems.append(
                ContentProblem(
                    path=self._shown(redirect.source_path),
                    message=f"Redirect_from {redirect.old_path!r} resolves outside the "
                    "output folder, so it is not written",
                    severity=ERROR,
                    field="redirect_from",
                )
            )
        else:
            where = (
                f"would overwrite {other}"
                if other
                else "resolves outside the output folder"
            )
            self._setting_problem(
                setting, f"the redirect map {save_as} {where}, so it is not written"
            )
        return False

    def _setting_problem(self, setting: str | None, message: str) -> None:
        self.problems.append(
            ContentProblem(
                path=settings_file_of(self.settings),
                message=message,
                severity=ERROR,
                field=setting,
            )
        )

    def _shown(self, path: str | Path) -> str:
        return display_path(path, self.path)

    def _absolute(self, site_path: str) -> str:
        return self.settings.get("SITEURL", "").rstrip("/") + site_path
