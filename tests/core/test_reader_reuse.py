"""One Markdown instance per reader, reset between files, reads as a fresh one would."""

from pelican import Pelican

from conftest import post, project_settings, write_files
from guestlist.core.reader import GuestMarkdownReader

FILES = {
    # A Summary whose first line looks like metadata must stay text.
    "posts/a.md": post(
        "First",
        Summary="Note: this is the summary, with a [link](https://example.com).",
        Mentions="off",
        body="Hi @ollie. A footnote[^1] and an abbr: HTML.\n\n[^1]: The note.\n\n"
        "*[HTML]: Hyper Text\n\n## Heading\n\n## Heading",
    ),
    # After a file with mentions off, mentions are on again; the footnote and
    # heading ids start again from 1.
    "posts/b.md": post(
        "Second",
        Summary="Plain: summary",
        body="Hi @ollie. Another[^1].\n\n[^1]: Its note.\n\n## Heading",
    ),
    "posts/c.md": post("Third", body="No metadata in a code block:\n\n    Title: no"),
}


def test_a_reused_reader_reads_each_file_as_a_fresh_reader(tmp_path):
    content = tmp_path / "content"
    write_files(content, FILES)
    settings = project_settings(content, tmp_path / "output")
    Pelican(settings)  # the plugins register, and add their Markdown extensions
    paths = [str(content / name) for name in FILES]

    reused = GuestMarkdownReader(settings)
    in_turn = [reused.read(path) for path in paths]
    fresh = [GuestMarkdownReader(settings).read(path) for path in paths]

    assert in_turn == fresh
    (a_body, a_meta), (b_body, b_meta), (c_body, c_meta) = in_turn
    assert a_meta["summary"].startswith("<p>Note: this is the summary")
    assert b_meta["summary"] == "<p>Plain: summary</p>"
    assert 'href="https://x.com/ollie"' not in a_body
    assert 'href="https://x.com/ollie"' in b_body
    assert 'id="fnref:1"' in b_body and 'id="heading"' in b_body
    assert "Title: no" in c_body and c_meta["title"] == "Third"
