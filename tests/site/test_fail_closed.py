"""Two paths that fail closed and had no test: a check with exactly one error, and the
redirects' second guard against writing outside the output folder.

The first guard is the parser of Redirect_from (no `..`, no full address, no
empty folder name) and of the map settings (no leading `/`, no `..`): through
them, no path a post or a setting can give leaves the output folder, so the
second guard, Pelican's writer refusing such a path and RedirectGenerator._write
turning that into an error, is reached here with a real Writer and a real
RedirectGenerator given a Redirect that the parser would have refused.
"""

import os
import subprocess
import sys

import pytest
from pelican.writers import Writer

from conftest import HOST_NOTE, ROOT, post, project_settings, schema_defaults, write_files
from guestlist.core.problems import ERROR
from guestlist.redirects.generator import RedirectGenerator
from guestlist.redirects.paths import Redirect, RedirectPathError, parse_old_path


def test_a_check_with_exactly_one_error_fails_and_says_1_error(tmp_path):
    write_files(
        tmp_path / "content",
        {
            "posts/a.md": post("A", Series="S", Series_index=1, body="A." + HOST_NOTE),
            "posts/b.md": post("B", Series="S", Series_index="two", body="B." + HOST_NOTE),
        },
    )
    result = subprocess.run(
        [
            *(sys.executable, "-m", "guestlist.cli.check"),
            *("-s", str(ROOT / "pelicanconf.py"), "--content", "content"),
        ],
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins")),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("content/posts/b.md:4: error: ")
    assert result.stderr.strip() == "guestlist-check: 1 error, 0 warnings"


@pytest.mark.parametrize(
    "old",
    [
        "/../escape.html",
        "/%2e%2e/escape.html",
        "/a/%2E%2E/%2E%2E/escape.html",
        "//%2e%2e",
        "/%2F%2Fetc/escape.html",
        "/a/./../b.html",
        "https://example.org/x",
    ],
)
def test_the_first_guard_refuses_every_path_out_of_the_site(old):
    with pytest.raises(RedirectPathError):
        parse_old_path(old)


@pytest.mark.parametrize("save_as", ["../redirects.conf", "/etc/redirects.conf"])
def test_the_first_guard_refuses_a_map_setting_out_of_the_output(build_site, save_as):
    files = {"posts/a.md": post("A")}
    site = build_site(files, GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS=save_as)
    assert site.stopped is not None
    assert "GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS" in " ".join(site.errors)


def redirect_generator(tmp_path):
    content, output = tmp_path / "content", tmp_path / "site" / "output"
    content.mkdir()
    output.mkdir(parents=True)
    settings = schema_defaults(**project_settings(content, output))
    context = {**settings, "generated_content": {}, "static_content": {}}
    generator = RedirectGenerator(
        context=context,
        settings=settings,
        path=str(content),
        theme=settings["THEME"],
        output_path=str(output),
    )
    return generator, Writer(str(output), settings=settings), content, output


def redirect(content, old_path, save_as):
    return Redirect(
        old_path=old_path,
        save_as=save_as,
        target_url="/2026/03/a/",
        title="A",
        source_path=str(content / "posts" / "a.md"),
    )


def test_the_second_guard_writes_no_redirect_page_outside_the_output(tmp_path):
    generator, writer, content, output = redirect_generator(tmp_path)
    escaping = redirect(content, "/../escape.html", "../escape.html")
    staying = redirect(content, "/old-a.html", "old-a.html")
    generator.redirects = [escaping, staying]
    generator.generate_output(writer)
    assert not (output.parent / "escape.html").exists()
    assert (output / "old-a.html").is_file()  # the rest is written
    # The escaping one is in no map either; the other is.
    for name in ("_redirects", "redirects.nginx.conf"):
        text = (output / name).read_text(encoding="utf-8")
        assert "/old-a.html" in text and "escape" not in text
    [problem] = generator.problems
    assert problem.severity == ERROR
    assert problem.path == "content/posts/a.md"
    assert problem.message == (
        "Redirect_from '/../escape.html' resolves outside the output folder, "
        "so it is not written"
    )


def test_the_second_guard_writes_no_map_outside_the_output(tmp_path):
    generator, writer, content, output = redirect_generator(tmp_path)
    generator.settings["GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS"] = "../redirects.nginx.conf"
    generator.redirects = [redirect(content, "/old-a.html", "old-a.html")]
    generator.generate_output(writer)
    assert not (output.parent / "redirects.nginx.conf").exists()
    assert (output / "_redirects").is_file()
    [problem] = generator.problems
    assert problem.severity == ERROR
    assert problem.field == "GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS"
    assert problem.message == (
        "the redirect map ../redirects.nginx.conf resolves outside the output folder, "
        "so it is not written"
    )
