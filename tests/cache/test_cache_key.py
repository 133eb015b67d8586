"""The content cache's fingerprint covers the code that renders Markdown."""

import shutil
import sys

from guestlist.cache.fingerprint import PLUGIN_FOLDER, extension_sources, fingerprint

PLUGIN = {
    "__init__.py": "def register():\n    pass\n",
    "ext.py": "RULES = 'first version'\n",
}


def make_plugin(folder, name="typo", files=PLUGIN):
    plugin = folder / name
    plugin.mkdir(parents=True)
    for file_name, text in files.items():
        (plugin / file_name).write_text(text, encoding="utf-8")
    return plugin


def site_settings(plugin_path, **markdown):
    return {
        "PLUGIN_PATHS": [str(plugin_path)],
        "PLUGINS": ["typo"],
        "MARKDOWN": {"extension_configs": dict(markdown)},
    }


def test_a_change_to_a_plugins_extension_starts_a_fresh_cache(tmp_path):
    plugin = make_plugin(tmp_path / "plugins")
    settings = site_settings(tmp_path / "plugins", **{"typo.ext": {}})
    before = fingerprint(settings)
    assert fingerprint(settings) == before
    (plugin / "ext.py").write_text("RULES = 'second version'\n", encoding="utf-8")
    assert fingerprint(settings) != before


def test_the_plugin_counts_even_before_it_adds_its_extension(tmp_path):
    """Plugins add extensions at `initialized`, in no set order: maybe after this runs."""
    plugin = make_plugin(tmp_path / "plugins")
    settings = site_settings(tmp_path / "plugins")  # not in MARKDOWN yet
    before = fingerprint(settings)
    (plugin / "ext.py").write_text("RULES = 'second version'\n", encoding="utf-8")
    assert fingerprint(settings) != before


def test_the_same_code_elsewhere_gives_the_same_fingerprint(tmp_path):
    """A fresh clone in another folder, as on CI, finds the cache it restored."""
    make_plugin(tmp_path / "one")
    make_plugin(tmp_path / "two")
    assert fingerprint(site_settings(tmp_path / "one")) == fingerprint(
        site_settings(tmp_path / "two")
    )


def test_an_imported_extension_of_the_sites_own_is_covered(tmp_path, monkeypatch):
    module = tmp_path / "site_ext_for_cache_test.py"
    module.write_text("X = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    import site_ext_for_cache_test  # noqa: F401  (imported, as Markdown would)

    try:
        settings = {
            "PLUGINS": [],
            "MARKDOWN": {
                "extension_configs": {
                    "site_ext_for_cache_test": {},
                    "markdown.extensions.toc": {},
                }
            },
        }
        # Installed extensions are covered by their package's version instead.
        assert [name for name, _ in extension_sources(settings)] == [
            "site_ext_for_cache_test"
        ]
        before = fingerprint(settings)
        module.write_text("X = 2\n", encoding="utf-8")
        assert fingerprint(settings) != before
    finally:
        sys.modules.pop("site_ext_for_cache_test", None)


def test_the_project_hashes_its_whole_package_once(tmp_path):
    from conftest import DEMO_CONTENT, project_settings

    settings = project_settings(DEMO_CONTENT, tmp_path / "output")
    names = [name for name, _ in extension_sources(settings)]
    # Every feature's files, typography's included, are hashed as one folder,
    # not listed again as another plugin's.
    assert (PLUGIN_FOLDER / "markdown" / "typography.py").is_file()
    assert not any(name.startswith("guestlist") for name in names)


def test_turning_a_plugin_off_starts_a_fresh_cache(tmp_path):
    make_plugin(tmp_path / "plugins")
    settings = site_settings(tmp_path / "plugins")
    before = fingerprint(settings)
    settings["PLUGINS"] = []
    assert fingerprint(settings) != before
    shutil.rmtree(tmp_path / "plugins")


def test_how_many_processes_build_keeps_the_cache(tmp_path):
    # One process and several write the same bytes: switching between them
    # (make html JOBS=1) must not read every post again.
    make_plugin(tmp_path / "plugins")
    settings = site_settings(tmp_path / "plugins")
    settings["GUEST_SERIES_PROCESSES"] = 0
    before = fingerprint(settings)
    settings["GUEST_SERIES_PROCESSES"] = 1
    settings["GUEST_SERIES_WRITE_CHANGED_ONLY"] = False
    assert fingerprint(settings) == before
    settings["GUEST_SERIES_NOTE_LABEL"] = "A word from the host"
    assert fingerprint(settings) != before
    shutil.rmtree(tmp_path / "plugins")
