"""The four builds the benchmark compares, as Pelican command lines.

Every configuration reads the same content and writes into its own temporary
folder. What sets them apart is a settings file and a few `-e` overrides, so
the command line of each shows exactly how it differs from the others:

- A, Guestlist: `publishconf.py`, as `make publish` builds (plugin, theme,
  feeds, everything the project turns on).
- B, plain Pelican: `bench/settings/plain.py`, Pelican's defaults and its
  default theme, no plugins, Pelican's default feeds.
- C, pelican-series and pelican-neighbors (from PyPI, in the bench venv) on
  top of B.
- D, Guestlist without its plugins: A with `bench/plugin_off` in place of
  the guestlist package, and smart punctuation as a plain Markdown extension,
  so that A − D is the plugins' own cost.

Each build keeps its content cache in the temporary folder (never in the
repository). A cold build reads no cache; a rebuild loads the cache the
previous build of the same configuration wrote, with `CHECK_MODIFIED_METHOD =
"md5"` so that only the edited post is read again, and keeps the output folder
the build before it wrote, as the dev server does.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from pelican.settings import get_settings_from_file

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


@dataclass(frozen=True)
class Config:
    """One way of building the content."""

    key: str  # "A" … "D"
    title: str
    settings: Path
    overrides: dict = field(default_factory=dict)
    # Whether it runs in the bench venv (with the PyPI plugins), not .venv.
    needs_bench_venv: bool = False


def _markdown_with_typography():
    """The site's MARKDOWN settings, with the typography extension named in them."""
    markdown = get_settings_from_file(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    markdown["extension_configs"]["guestlist.markdown.typography"] = {}
    return markdown


CONFIGS = {
    config.key: config
    for config in (
        Config("A", "Guestlist (make publish)", ROOT / "publishconf.py"),
        Config("B", "Pelican, default theme", BENCH / "settings" / "plain.py"),
        Config(
            "C",
            "Pelican + pelican-series + pelican-neighbors",
            BENCH / "settings" / "plain.py",
            {"PLUGINS": ["pelican.plugins.series", "pelican.plugins.neighbors"]},
            needs_bench_venv=True,
        ),
        Config(
            "D",
            "Guestlist, plugin off",
            ROOT / "publishconf.py",
            {
                # Smart punctuation stays, as a plain Markdown extension: it is
                # part of how Guestlist renders posts, not of its plugins.
                "PLUGINS": ["plugin_off"],
                "MARKDOWN": _markdown_with_typography(),
                "PLUGIN_PATHS": [str(BENCH), str(ROOT / "plugins")],
            },
        ),
    )
}

# Turn the content cache on, whatever the configuration says: a build with
# WRITE_CACHE saves what it read, a build with LOAD_CACHE reads only what changed.
# Both keep the output folder, as the dev server does between two builds, so a
# rebuild writes over the pages of the build before it instead of starting empty.
WRITE_CACHE = {
    "CACHE_CONTENT": True,
    "CHECK_MODIFIED_METHOD": "md5",
    "LOAD_CONTENT_CACHE": False,
    "DELETE_OUTPUT_DIRECTORY": False,
}
LOAD_CACHE = dict(WRITE_CACHE, LOAD_CONTENT_CACHE=True)


def command(config, python, content, output, cache, *, cache_mode=None, extra=None):
    """The argv that builds `content` into `output` with `config`.

    `cache_mode` is None (the configuration's own cache settings, which for A
    mean neither writing a cache nor reading one, as a publish build does),
    "write" or "load". `extra` adds settings of its own, such as
    GUEST_SERIES_PROCESSES for a profiled build.
    """
    overrides = {"CACHE_PATH": str(cache), **config.overrides}
    if cache_mode == "write":
        overrides.update(WRITE_CACHE)
    elif cache_mode == "load":
        overrides.update(LOAD_CACHE)
    elif cache_mode is not None:
        raise ValueError(f"cache_mode must be None, 'write' or 'load', not {cache_mode!r}")
    overrides.update(extra or {})
    argv = [
        str(python),
        "-m",
        "pelican",
        str(content),
        "-o",
        str(output),
        "-s",
        str(config.settings),
        "-e",
    ]
    argv += [f"{name}={json.dumps(value)}" for name, value in overrides.items()]
    return argv


def _variant_of_d(key, title, overrides):
    base = CONFIGS["D"]
    return Config(key, title, base.settings, {**base.overrides, **overrides})


# D with one of Guestlist's own choices undone at a time, to show where the
# difference between Guestlist without its plugin (D) and plain Pelican (B)
# comes from. Each is timed beside D; D minus a variant is what that choice costs.
VARIANTS = {
    variant.key: variant
    for variant in (
        CONFIGS["D"],
        _variant_of_d(
            "D-markdown",
            "D with Pelican's default Markdown extensions (no toc, admonition, "
            "smart punctuation)",
            {
                "PLUGINS": ["plugin_off"],
                "PLUGIN_PATHS": [str(BENCH)],
                "MARKDOWN": {
                    "extension_configs": {
                        "markdown.extensions.codehilite": {"css_class": "highlight"},
                        "markdown.extensions.extra": {},
                        "markdown.extensions.meta": {},
                    },
                    "output_format": "html5",
                },
            },
        ),
        _variant_of_d(
            "D-notmyidea",
            "D with Pelican's default theme in place of Guestlist's",
            # notmyidea has no 404 page, and pages its category lists.
            {
                "THEME": "notmyidea",
                "DIRECT_TEMPLATES": ["index", "tags", "authors", "archives"],
                "PAGINATED_TEMPLATES": {
                    "index": None,
                    "tag": None,
                    "category": None,
                    "author": None,
                },
            },
        ),
    )
}
