"""The trust boundary: what a guest's file can do to the build, and what it cannot."""

import os
import re

import pytest

from conftest import HOST_NOTE, post
from guestlist.core.lint import date_problem, safe_slug
from guestlist.core.reading import ContentRefused, read_source_text

GOOD = {"posts/good.md": post("Good", body="Fine." + HOST_NOTE)}


def test_bytes_that_are_not_utf8_refuse_the_file_naming_line_and_byte(build_site):
    files = dict(GOOD, **{"posts/latin.md": "Title: Caf\xe9\n"})
    content = build_site(files).content  # written as UTF-8 first
    (content / "posts/latin.md").write_bytes(b"Title: A\nDate: 2026-03-02\n\nCaf\xe9\n")
    site = build_site()
    assert site.messages == [
        "content/posts/latin.md:4: error: byte 30 (0xe9) is not UTF-8 text, so the build "
        "does not read the file; save it as UTF-8 (in most editors: Save As, Encoding: "
        "UTF-8)"
    ]
    assert site.exists("2026/03/good/")


def test_a_profile_that_is_not_utf8_is_refused_and_the_site_builds(build_site):
    content = build_site(GOOD).content
    (content / "authors").mkdir()
    (content / "authors/jo.md").write_bytes(b"Name: Jo \xfe\n\nBio.\n")
    site = build_site()
    assert site.messages == [
        "content/authors/jo.md:1: error: byte 9 (0xfe) is not UTF-8 text, so the build "
        "does not read the file; save it as UTF-8 (in most editors: Save As, Encoding: "
        "UTF-8)"
    ]
    assert site.exists("2026/03/good/")


def test_a_byte_order_mark_and_windows_line_endings_read_as_any_file(build_site):
    content = build_site(GOOD).content
    text = "Title: Marked\r\nDate: 2026-03-03 09:00\r\n\r\nWords.\r\n"
    (content / "posts/marked.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    site = build_site()
    assert site.messages == []
    assert site.page("2026/03/marked/").find("h1").get_text(strip=True) == "Marked"


def test_a_link_out_of_the_content_folder_is_not_read(build_site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("Title: Secret\nDate: 2026-03-02\n\nThe runner's token.\n")
    content = build_site(GOOD).content
    os.symlink(secret, content / "posts/leak.md")
    site = build_site()
    assert site.messages == [
        "content/posts/leak.md: error: the file is a link to something outside the "
        "content folder, so the build does not read it; put the file itself in the "
        "content folder"
    ]
    assert not any("token" in path.read_text() for path in site.output.rglob("*.html"))


def test_a_file_too_large_to_be_a_post_is_refused(tmp_path):
    big = tmp_path / "big.md"
    big.write_bytes(b"Title: Big\n\n" + b"x" * (4 * 1024 * 1024))
    with pytest.raises(ContentRefused) as refused:
        read_source_text(big, tmp_path)
    assert "more than the 4 MB a post can be" in str(refused.value)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("12/03/2026", "could be read as either of two days"),
        ("3.4.26", "could be read as either of two days"),
        ("2026-03-02 09:00 +02:00", None),
        ("2026-03-02T09:00Z", None),
        ("25/03/2026", "is read as 2026-03-25 00:00; write it as YYYY-MM-DD HH:MM"),
        ("tomorrow", "is not a date"),
    ],
)
def test_dates(value, said):
    message, _ = date_problem("Date", value)
    assert message is None if said is None else said in message


def test_a_date_with_an_offset_keeps_it(build_site):
    site = build_site({"posts/a.md": post("A", date="2026-03-02 09:00 +05:00")})
    assert site.messages == []
    published = site.page("2026/03/a/").find("time")["datetime"]
    assert published.startswith("2026-03-02T09:00:00+05:00")


def test_an_ambiguous_date_leaves_the_post_out_once(build_site):
    site = build_site(dict(GOOD, **{"posts/a.md": post("A", date="12/03/2026")}))
    assert site.messages == [
        "content/posts/a.md:2: error: Date '12/03/2026' could be read as either of two "
        "days (day first or month first), so the build leaves the file out; write it as "
        "YYYY-MM-DD, e.g. 2026-03-12"
    ]
    assert site.exists("2026/03/good/")


def test_a_blank_line_inside_the_metadata_block_is_named_where_it_bites(build_site):
    text = (
        "Title: A\nDate: 2026-03-02\n\nSeries: Birthday Bloggers\nSeries_index: 2\n\nHi\n"
    )
    site = build_site({"posts/a.md": text})
    assert site.messages == [
        "content/posts/a.md:4: error: line 3 is blank, so the metadata block ends there "
        "and `Series: Birthday Bloggers` is read as the post's text; remove the blank line "
        "(a blank line may only follow the last metadata line)"
    ]


def test_a_file_without_title_is_reported_once_as_the_skip(build_site):
    site = build_site(dict(GOOD, **{"posts/a.md": "Date: 2026-03-02\n\nNo title.\n"}))
    assert site.messages == [
        "content/posts/a.md: error: there is no Title, so the build leaves this file out; "
        "add a line such as `Title: What My Desk Taught Me` to the block at the top (no "
        "blank line inside the block)"
    ]


def test_a_huge_series_index_is_an_error_without_work_in_proportion(build_site):
    files = {"posts/a.md": post("A", Series="S", Series_index="9" * 40) + HOST_NOTE}
    site = build_site(files)
    (message,) = site.errors
    assert message.startswith("content/posts/a.md:4: error: Series_index '99999999999999")
    assert "is more than 9999" in message


def test_an_unsafe_slug_is_replaced_before_any_path_is_made(build_site, tmp_path):
    site = build_site({"posts/a.md": post("A", Slug="../../../evil")})
    assert site.warnings == [
        "content/posts/a.md:3: warning: Slug '../../../evil' is not a short address "
        "segment (letters, digits, - and _, at most 80), so the post's address uses "
        "'evil'; write the Slug like that"
    ]
    assert site.exists("2026/03/evil/")
    assert not (tmp_path / "evil").exists()


def test_a_title_of_any_length_gets_an_address_of_a_safe_length(build_site):
    site = build_site({"posts/a.md": post("Long " * 2000)})
    (warning,) = site.warnings
    assert "the title makes an address of 9999 characters, so it is cut to" in warning
    (page,) = [path for path in site.files() if path.startswith("2026/")]
    assert len(page.split("/")[2]) <= 80


@pytest.mark.parametrize("text", ["a b c", "../x", "Ünïcode!", "x" * 300, "---"])
def test_safe_slugs_are_address_segments(text):
    slug = safe_slug(text)
    assert slug and len(slug) <= 80 and "/" not in slug and ".." not in slug


@pytest.mark.parametrize(
    ("files", "path", "said"),
    [
        (
            {"pages/tags.md": "Title: Tags\nSlug: tags\n\nMine.\n"},
            "content/pages/tags.md",
            "its page would be written to tags/index.html, which is the tags page",
        ),
        (
            {"posts/a.md": post("A", Save_as="index.html")},
            "content/posts/a.md",
            "its page would be written to index.html, which is the index page",
        ),
        (
            {"posts/a.md": post("A", Save_as="theme/css/style.css")},
            "content/posts/a.md",
            "which is the theme's own files",
        ),
        (
            {"posts/a.md": post("A", Save_as="feeds/all.atom.xml")},
            "content/posts/a.md",
            "which is the feed feeds/all.atom.xml",
        ),
        (
            {"pages/x.md": "Title: X\nSlug: series\n\nx\n"},
            "content/pages/x.md",
            "which is the page listing every series",
        ),
    ],
)
def test_no_content_is_written_over_the_sites_own_pages(build_site, files, path, said):
    files = dict(
        files,
        **{"posts/s.md": post("S", Series="S", Series_index=1, Tags="x") + HOST_NOTE},
    )
    site = build_site(files, SITEURL="https://b.example")
    (message,) = site.messages_about(path)
    # On the line of the Slug or Save_as that chose the address.
    assert re.match(rf"{path}:[23]: error: ", message) and said in message
    assert message.endswith(
        "so it is not written; give it another Slug (or remove its Save_as)"
    )
    assert "Mine." not in site.path("tags/").read_text() if site.exists("tags/") else True
    assert site.exists("") and site.exists("2026/03/s/")


def test_two_posts_on_one_address_keep_the_first_in_path_order(build_site):
    site = build_site(
        {
            "posts/a.md": post("A", Slug="same"),
            "posts/b.md": post("B", Slug="same", date="2026-03-09 09:00"),
            "posts/c.md": post("C", Save_as="2026/03/same/index.html"),
        }
    )
    (message,) = site.messages_about("content/posts/c.md")
    assert "which is content/posts/a.md" in message
    assert site.page("2026/03/same/").find("h1").get_text(strip=True) == "A"


def test_a_save_as_that_leaves_the_output_folder_is_not_used(build_site, tmp_path):
    site = build_site({"posts/a.md": post("A", Save_as="../../escape.html")})
    assert site.errors == [
        "content/posts/a.md:3: error: Save_as '../../escape.html' is not a path inside "
        "the site, so it is not used; remove the line (the post's address comes from its "
        "Slug)"
    ]
    assert site.exists("2026/03/a/")
    assert not list(tmp_path.parent.glob("escape.html"))


def test_a_static_file_is_not_copied_over_a_page(build_site):
    site = build_site(
        {
            "posts/a.md": post("A", Save_as="images/a.txt"),
            "images/a.txt": "the host's own text\n",
        }
    )
    (message,) = site.messages_about("content/images/a.txt")
    assert "it would be copied to images/a.txt, which is content/posts/a.md" in message


def test_an_empty_file_is_one_skip_with_one_message(build_site):
    site = build_site(dict(GOOD, **{"posts/empty.md": ""}))
    assert site.messages == [
        "content/posts/empty.md: error: there is no Title or Date, so the build leaves "
        "this file out; add lines such as `Title: What My Desk Taught Me` and `Date: "
        "2026-03-09 09:00` to the block at the top (no blank line inside the block)"
    ]
    assert site.exists("2026/03/good/")


def test_a_file_with_metadata_only_is_a_post_with_no_words(build_site):
    site = build_site({"posts/a.md": "Title: Only Metadata\nDate: 2026-03-02 09:00\n"})
    assert site.messages == []
    assert site.exists("2026/03/only-metadata/")


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("Lang", '"><script>alert(1)</script>', "is not a language code"),
        ("Lang", "../../../x", "is not a language code"),
        ("Status", "drafty", "is not published, draft, hidden or skip"),
        ("Template", "../../../etc/passwd", "is not one of the theme's templates"),
        ("Template", "nosuch", "is not one of the theme's templates"),
    ],
)
def test_a_word_field_of_the_wrong_form_is_not_used(build_site, field, value, said):
    site = build_site({"posts/a.md": post("A", **{field: value})})
    (message,) = site.messages
    assert message.startswith(f"content/posts/a.md:3: error: {field} ") and said in message
    # A Status that cannot be read keeps the post a draft: never published on a guess.
    assert site.exists("2026/03/a/") is (field != "Status")
    assert site.exists("drafts/a/") is (field == "Status")
    assert all("<" not in path for path in site.files("**/*"))


def test_a_tag_with_no_letter_or_digit_is_left_out_on_its_line(build_site):
    site = build_site({"posts/a.md": post("A", Tags="<img src=x onerror=alert(1)>, fine")})
    assert site.messages == [
        "content/posts/a.md:3: error: Tags '<img src=x onerror=alert(1)>' has no letter or "
        "digit to make its page's address from, so it is left out; write it in words"
    ]
    assert site.exists("tags/fine/")
    links = [a["href"] for a in site.page("2026/03/a/").select('a[href*="tags/"]')]
    assert links and all(not href.endswith("tags//") for href in links)


def test_a_redirect_never_sends_away_what_the_site_serves(build_site):
    files = {
        "posts/a.md": post(
            "A",
            Redirect_from="/feeds/all.atom.xml, /feeds/tags/x.rss.xml, /theme/css/a.css",
        ),
        "posts/b.md": post("B", Tags="x"),
    }
    site = build_site(files, SITEURL="https://b.example")
    messages = site.messages_about("content/posts/a.md")
    assert len(messages) == 3
    assert "is the feed feeds/all.atom.xml, which the site still serves" in messages[0]
    assert "is a feed (feeds/tags/{slug}.rss.xml), which the site still" in messages[1]
    assert "is the theme's own files, which the site still serves" in messages[2]
    assert "/2026/03/a/" not in (site.output / "_redirects").read_text()
