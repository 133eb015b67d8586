"""The settings schema: each setting declared once, checked once, documented from code."""

import os
import pickle
import subprocess

import pytest

from conftest import ROOT, post, write_files
from guestlist.core.settings import (
    Setting,
    all_schemas,
    apply_schemas,
    with_settings_table,
)

FEATURES = {
    "build",
    "cards",
    "cli",
    "core",
    "feeds",
    "markdown",
    "meta",
    "redirects",
    "sanitize",
    "series",
    "theme",
}


def declared():
    return [setting for schema in all_schemas() for setting in schema]


def test_every_feature_declares_its_settings_in_one_schema():
    assert {schema.feature for schema in all_schemas()} == FEATURES
    names = [setting.name for setting in declared()]
    assert len(names) == len(set(names)), "a setting is declared twice"


@pytest.mark.parametrize("setting", declared(), ids=lambda setting: setting.name)
def test_each_setting_has_a_meaning_and_a_default_it_accepts(setting):
    assert setting.meaning.strip()
    if not setting.computed:
        assert setting.read(setting.default) == setting.default


def test_defaults_are_filled_in_as_copies():
    settings = {}
    assert apply_schemas(settings, all_schemas(), "pelicanconf.py") == []
    for setting in declared():
        assert (setting.name in settings) is not setting.computed
    settings["GUEST_SERIES_KNOWN_FIELDS"] += ("og_image",)
    (core,) = [schema for schema in all_schemas() if schema.feature == "core"]
    assert core["GUEST_SERIES_KNOWN_FIELDS"].default == ()


def test_a_misspelt_setting_is_an_error_naming_the_one_meant():
    settings = {"GUEST_SERIES_FEED_MAX_ITEM": 5, "THEME_ACENT_COLOUR": "#123456"}
    problems = apply_schemas(settings, all_schemas(), "publishconf.py")
    assert [str(problem) for problem in problems] == [
        "publishconf.py: error: GUEST_SERIES_FEED_MAX_ITEM is not a Guestlist setting, "
        "so it would be ignored; did you mean GUEST_SERIES_FEED_MAX_ITEMS?",
        "publishconf.py: error: THEME_ACENT_COLOUR is not a Guestlist setting, "
        "so it would be ignored; did you mean THEME_ACCENT_COLOUR?",
    ]


def test_a_name_like_no_setting_points_at_the_list():
    (problem,) = apply_schemas({"THEME_WALLPAPER_OF_THE_WEEK": 1}, all_schemas(), "p.py")
    assert problem.fix == "docs/settings.md lists every setting"


def test_pelicans_own_theme_settings_are_left_to_pelican():
    settings = {"THEME_STATIC_DIR": "theme", "THEME_STATIC_PATHS": ["static"]}
    assert apply_schemas(settings, all_schemas(), "pelicanconf.py") == []


@pytest.mark.parametrize(
    ("name", "value", "said"),
    [
        ("GUEST_SERIES_LABEL_MAX_LENGTH", "60", "is str, not a whole number"),
        ("GUEST_SERIES_LABEL_MAX_LENGTH", True, "is bool, not a whole number"),
        ("GUEST_SERIES_LABEL_MAX_LENGTH", 0, "is not a positive whole number"),
        ("GUEST_SERIES_MENTIONS", "no", "is str, not True or False"),
        ("GUEST_SERIES_X_DOMAIN", None, "cannot be None"),
        ("GUEST_SERIES_X_DOMAIN", "x com", "is not a domain name"),
        ("GUEST_SERIES_PROFILES_PATH", "../elsewhere", "must be a path inside its folder"),
        ("GUEST_SERIES_KNOWN_FIELDS", ("og_image", 3), "must list metadata keys as text"),
        ("THEME_FOOTER_LINKS", "Colophon", "is str, not a tuple or a list"),
    ],
)
def test_a_wrong_value_is_an_error_saying_what_the_setting_means(name, value, said):
    (problem,) = apply_schemas({name: value}, all_schemas(), "pelicanconf.py")
    assert problem.is_error and problem.field == name and problem.path == "pelicanconf.py"
    assert str(problem).startswith(f"pelicanconf.py: error: {name} = {value!r} {said}")
    assert "it means: " in str(problem)


def test_a_value_is_normalised_once_where_it_is_read():
    settings = {"GUEST_SERIES_X_DOMAIN": " Twitter.COM ", "GUEST_SERIES_SITE_X_HANDLE": "x"}
    assert apply_schemas(settings, all_schemas(), "pelicanconf.py") == []
    assert settings["GUEST_SERIES_X_DOMAIN"] == "twitter.com"
    assert settings["GUEST_SERIES_SITE_X_HANDLE"] == "@x"


def test_an_optional_setting_takes_none_and_a_computed_one_is_known():
    settings = {"GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS": None, "THEME_ACCENT_CSS": ""}
    assert apply_schemas(settings, all_schemas(), "pelicanconf.py") == []
    assert Setting("X", None, "x", (str,), optional=True).read(None) is None


def test_the_settings_document_is_made_from_the_schemas():
    document = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert with_settings_table(document, all_schemas()) == document, (
        "docs/settings.md is stale: run make settings-doc"
    )
    for setting in declared():
        assert (f"`{setting.name}`" in document) is not setting.computed


def test_the_settings_table_needs_its_markers():
    with pytest.raises(ValueError, match="marker lines"):
        with_settings_table("# Settings\n", all_schemas())


def test_a_collector_is_cached_empty():
    from guestlist.core.problems import ContentProblem, ProblemCollector

    collector = ProblemCollector()
    collector.add(ContentProblem(path="a.md", message="m"))
    assert pickle.loads(pickle.dumps(collector)).problems == []


def make_html(tmp_path, *pelican_options):
    """`make html` of a one-post site in tmp_path, as a host runs it; its output as text."""
    content = tmp_path / "content"
    write_files(content, {"posts/a.md": post("A", Seires="Birthday Bloggers")})
    options = " ".join(pelican_options)
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "html",
            f"INPUTDIR={content}",
            f"OUTPUTDIR={tmp_path / 'output'}",
            f"PELICANOPTS=-e CACHE_CONTENT=false {options}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Wide enough that Pelican's log lines are not wrapped.
        env=dict(os.environ, COLUMNS="500"),
    )
    return result.returncode, result.stdout + result.stderr


def test_make_html_stops_on_a_misspelt_setting_without_a_traceback(tmp_path):
    status, printed = make_html(tmp_path, "GUEST_SERIES_FEED_MAX_ITEM=5")
    assert status != 0
    assert (
        "pelicanconf.py: error: GUEST_SERIES_FEED_MAX_ITEM is not a Guestlist setting, so "
        "it would be ignored; did you mean GUEST_SERIES_FEED_MAX_ITEMS?" in printed
    )
    assert "pelicanconf.py has 1 error" in printed
    assert "Traceback" not in printed
    assert not (tmp_path / "output" / "index.html").exists()


def test_make_html_names_a_misspelt_metadata_key(tmp_path):
    status, printed = make_html(tmp_path)
    assert status == 0
    assert (
        "content/posts/a.md:3: warning: unknown field 'Seires' is ignored; "
        "did you mean Series?" in printed
    )
    assert (tmp_path / "output" / "index.html").exists()
