"""`make publish` swaps in a whole site or nothing; the deploy targets are wired."""

import os
import subprocess
import sys

from conftest import HOST_NOTE, ROOT, post, run_make, write_files

GOOD = {
    "posts/a.md": post("A", Redirect_from="/old-a.html"),
    "posts/b.md": post("B", "2026-03-03 09:00"),
}
# Two posts with one Series_index: an error, so nothing may be published.
BAD = {
    "posts/a.md": post("A", Series="S", Series_index=1, body="A." + HOST_NOTE),
    "posts/b.md": post("B", Series="S", Series_index=1, body="B." + HOST_NOTE),
}


def publish(tmp_path, files, *options, settings=ROOT / "publishconf.py"):
    content = tmp_path / "content"
    write_files(content, files)
    env = dict(os.environ, GUESTLIST_SITEURL="https://blog.example.org")
    return subprocess.run(
        [
            *(sys.executable, str(ROOT / "tools" / "publish.py")),
            *("--content", str(content), "--output", str(tmp_path / "output")),
            *("--settings", str(settings), "--cache-path", str(tmp_path / "cache")),
            *options,
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )


def snapshot(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def previous_site(tmp_path):
    output = tmp_path / "output"
    write_files(
        output, {"index.html": "<p>The site as it was.</p>\n", "old/page.html": "x\n"}
    )
    return snapshot(output)


def leftovers(tmp_path):
    return sorted(
        path.name for path in tmp_path.iterdir() if path.name.startswith("output.")
    )


def test_a_build_with_errors_leaves_the_previous_output_untouched(tmp_path):
    before = previous_site(tmp_path)
    result = publish(tmp_path, BAD)
    assert result.returncode == 1
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "Nothing published: the build reported 2 errors" in result.stderr
    assert "output/ is unchanged" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_build_that_stops_halfway_leaves_the_previous_output_untouched(tmp_path):
    before = previous_site(tmp_path)
    # --fatal errors makes Pelican raise at the first error, mid-build.
    result = publish(tmp_path, BAD, "--fatal", "errors")
    assert result.returncode == 1
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "The build stopped: RuntimeError" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_good_build_replaces_the_output_whole(tmp_path):
    previous_site(tmp_path)
    result = publish(tmp_path, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    files = snapshot(tmp_path / "output")
    assert "old/page.html" not in files  # nothing of the previous site lingers
    assert "2026/03/a/index.html" in files
    assert "feeds/all.atom.xml" in files  # the publish settings were used
    assert b"https://blog.example.org/2026/03/a/" in files["old-a.html"]
    assert leftovers(tmp_path) == []
    assert "Published to output/." in result.stdout


def test_files_the_settings_retain_are_carried_over(tmp_path):
    previous_site(tmp_path)
    (tmp_path / "output" / "CNAME").write_text("blog.example.org\n")
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from publishconf import *  # noqa: F403\nOUTPUT_RETENTION = ['CNAME']\n"
    )
    assert publish(tmp_path, GOOD, settings=settings).returncode == 0
    assert (tmp_path / "output" / "CNAME").read_text() == "blog.example.org\n"
    assert not (tmp_path / "output" / "old").exists()


def make(*args):
    # Deploy settings from the caller's environment must not leak in.
    return run_make(
        *args, env={k: v for k, v in os.environ.items() if not k.startswith("SSH_")}
    )


def test_rsync_upload_needs_a_host_and_path_and_builds_nothing_without(tmp_path):
    result = make("rsync_upload", f"OUTPUTDIR={tmp_path / 'output'}")
    assert result.returncode != 0
    assert "set SSH_HOST and SSH_TARGET_DIR" in result.stdout + result.stderr
    assert not (tmp_path / "output").exists()


def test_rsync_upload_publishes_then_copies_to_the_host_and_path():
    planned = make(
        "-n",
        "rsync_upload",
        "SSH_HOST=web.example.org",
        "SSH_USER=ollie",
        "SSH_TARGET_DIR=/srv/blog",
        "SSH_PORT=2222",
    ).stdout
    assert planned.index("tools/publish.py") < planned.index("rsync ")
    assert "ssh -p 2222" in planned
    assert '/output/ "ollie@web.example.org:/srv/blog"' in planned


def test_github_publishes_then_imports_to_gh_pages():
    planned = make("-n", "github").stdout
    assert planned.index("tools/publish.py") < planned.index("ghp-import")
    assert "ghp-import -m" in planned and "-b gh-pages -n -p" in planned
