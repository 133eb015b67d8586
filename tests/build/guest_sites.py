"""A small site for the build tests: enough pages for workers, with a series.

Seventeen posts: "Spring Guests", a series of three by two guests (tagged
`guests`), and fourteen posts by the host (tagged `notes`), so the home page
and the `notes` tag page have two pages each. Every post names its Slug, so
that a title edit does not move the post.
"""

import os
import textwrap
from pathlib import Path

from conftest import post

SERIES_POSTS = {
    "posts/spring-1.md": ("Spring One", "Bo Guest", 1, "2026-03-01 09:00"),
    "posts/spring-2.md": ("Spring Two", "Ada Guest", 2, "2026-03-02 09:00"),
    "posts/spring-3.md": ("Spring Three", "Bo Guest", 3, "2026-03-03 09:00"),
}
NOTES = 14


def site_files():
    """{relative path: text} of the whole site."""
    files = {
        "series/spring-guests.md": "Title: Spring Guests\n\nThree guests, one spring.\n",
        "authors/ada-guest.md": "Name: Ada Guest\n\nAda writes about knitting.\n",
        "authors/bo-guest.md": "Name: Bo Guest\n\nBo writes about bicycles.\n",
        "authors/ollie-brennan.md": "Name: Ollie Brennan\n\nOllie hosts the blog.\n",
        "pages/about.md": "Title: About\n\nA blog with guests.\n",
    }
    for path, (title, author, index, date) in SERIES_POSTS.items():
        files[path] = post(
            title,
            date=date,
            body=f"The words of {title}.",
            Slug=Path(path).stem,
            Author=author,
            Series="Spring Guests",
            Series_index=index,
            Tags="guests",
        )
    for number in range(1, NOTES + 1):
        files[f"posts/note-{number:02}.md"] = post(
            f"Note {number}",
            date=f"2026-02-{number:02} 09:00",
            body=f"Note number {number}.",
            Slug=f"note-{number:02}",
            Tags="notes",
        )
    return files


def write(root, files):
    for relative, text in files.items():
        target = Path(root) / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")


def snapshot(output):
    """{relative path: (mtime_ns, bytes)} of every file in `output`."""
    output = Path(output)
    return {
        path.relative_to(output).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(output.rglob("*"))
        if path.is_file()
    }


def age(output, seconds=1_000_000_000):
    """Give every file in `output` an old mtime, so a file written again shows."""
    for path in Path(output).rglob("*"):
        if path.is_file():
            os.utime(path, ns=(seconds * 10**9, seconds * 10**9))
