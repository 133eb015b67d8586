"""The metadata lint runs in every build, not only in `make check`."""

from conftest import HOST_NOTE, post
from guestlist.core.frontmatter import parse_header, source_lines


def test_a_misspelt_key_is_named_with_its_line_and_the_key_meant(build_site):
    site = build_site({"posts/a.md": post("A", Seires="Birthday Bloggers") + HOST_NOTE})
    assert site.warnings == [
        "content/posts/a.md:3: warning: unknown field 'Seires' is ignored; "
        "did you mean Series?"
    ]


def test_a_key_another_plugin_reads_can_be_declared_known(build_site):
    files = {"posts/a.md": post("A", Og_image="card.png")}
    assert build_site(files).warnings
    assert build_site(files, GUEST_SERIES_KNOWN_FIELDS=("og_image",)).warnings == []


def test_pages_are_linted_and_files_pelican_skips_are_named(build_site):
    site = build_site(
        {
            "pages/about.md": "Title: About\nColor: red\n\nHi.\n",
            "posts/b.md": "Title: B\n\nx\n",
        }
    )
    assert "content/pages/about.md:2: warning: unknown field 'Color' is ignored" in (
        " ".join(site.warnings)
    )
    assert any(
        message.startswith("content/posts/b.md: error: there is no Date")
        for message in site.errors
    )


def test_lines_break_where_markdown_breaks_them():
    text = "Title: A\x0bB\r\nDate: 2026-03-02\r\n\r\nBody\x0c text\n"
    header = parse_header(text)
    assert [(field.key, field.line) for field in header.fields] == [
        ("title", 1),
        ("date", 2),
    ]
    assert header.get("title") == "A\x0bB"
    assert source_lines(text) == ["Title: A\x0bB", "Date: 2026-03-02", "", "Body\x0c text"]
