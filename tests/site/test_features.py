"""The layout: a Pelican plugin per feature, each usable alone, none importing another."""

import ast
import shutil

import pytest

from conftest import DEMO_CONTENT, ROOT, differing_files, run_pelican
from guestlist import FEATURES

PACKAGE = ROOT / "plugins" / "guestlist"


@pytest.fixture(scope="module")
def demo_content(tmp_path_factory):
    content = tmp_path_factory.mktemp("demo") / "content"
    shutil.copytree(DEMO_CONTENT, content)
    return content


@pytest.mark.parametrize("feature", FEATURES)
def test_each_feature_alone_builds_the_demo(feature, demo_content, tmp_path):
    site = run_pelican(demo_content, tmp_path / "output", PLUGINS=[f"guestlist.{feature}"])
    assert site.stopped is None
    assert site.errors == []
    assert site.exists("") and site.exists("about/")


def test_the_package_is_every_feature_in_the_order_of_the_stages(demo_content, tmp_path):
    whole = run_pelican(demo_content, tmp_path / "whole", PLUGINS=["guestlist"])
    listed = run_pelican(
        demo_content, tmp_path / "listed", PLUGINS=[f"guestlist.{f}" for f in FEATURES]
    )
    assert whole.messages == listed.messages == []
    assert differing_files(whole.output, listed.output) == []
    assert sorted(FEATURES) == sorted(
        path.name
        for path in PACKAGE.iterdir()
        if (path / "__init__.py").is_file()
        if path.name not in ("core", "cli")
    )


def imports_of(path):
    """The guestlist sub-packages a module imports, by relative or absolute name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = path.parent.name
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1:
                continue  # its own feature
            if node.level == 2:
                found.add(module.split(".")[0] or "guestlist")
            elif module.startswith("guestlist."):
                found.add(module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.split(".")[1]
                for alias in node.names
                if alias.name.startswith("guestlist.")
            )
    return found - {own}


@pytest.mark.parametrize("feature", [*FEATURES, "core"])
def test_no_feature_imports_another_only_core(feature):
    for module in sorted((PACKAGE / feature).rglob("*.py")):
        assert imports_of(module) <= {"core"}, module.relative_to(ROOT)


def test_the_markdown_extensions_import_nothing_of_pelican():
    for name in ("mentions", "tweets", "typography", "__init__"):
        source = (PACKAGE / "markdown" / f"{name}.py").read_text(encoding="utf-8")
        assert "pelican" not in source.replace("Pelican", ""), name


def test_only_public_pelican_apis_are_used():
    private = (
        "_written_files",
        "_get_generator_classes",
        "_get_writer",
        "_open_w",
        "_DISCARD",
    )
    for module in sorted(PACKAGE.rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        assert not [name for name in private if name in text], module.relative_to(ROOT)


def test_pelican_keeps_a_posts_body_where_the_sanitiser_replaces_it(tmp_path):
    # No public API sets a post's body; the sanitiser relies on `_content`
    # being what `content` and `get_content()` give templates and feeds.
    from pelican.contents import Article

    from conftest import project_settings, schema_defaults

    (tmp_path / "content").mkdir()
    settings = schema_defaults(**project_settings(tmp_path / "content", tmp_path / "o"))
    article = Article("<p>raw</p>", metadata={"title": "A"}, settings=settings)
    assert article._content == "<p>raw</p>"
    article._content = "<p>clean</p>"
    assert article.content == "<p>clean</p>"
    assert article.get_content("https://b.example") == "<p>clean</p>"
