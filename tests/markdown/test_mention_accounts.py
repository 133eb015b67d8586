"""Which accounts a site links: GUEST_SERIES_MENTION_ACCOUNTS, and `make check`'s list."""

import os
import subprocess
import sys

import pytest

from conftest import ROOT, post, write_files
from guestlist.core.problems import NOTE, ContentProblem, ProblemCollector
from guestlist.core.settings import all_schemas, apply_schemas

URL = "2026/03/thanks/"
THANKS = post(
    "Thanks",
    body="""
    Thanks @jo_example, @JO_EXAMPLE again, @ann_example, @jo@social.example,
    @listed@social.example and @stranger.
    """,
)
PROFILE = (
    "Name: Jo Example\nTwitter: jo_example\nMastodon: @jo@social.example\n\nA guest.\n"
)


def mentions_in(site, url=URL):
    return [a.get_text() for a in site.page(url).select(".post-body a.mention")]


def test_by_default_any_handle_is_linked(build_site):
    site = build_site({"posts/thanks.md": THANKS, "authors/jo-example.md": PROFILE})
    assert mentions_in(site) == [
        "@jo_example",
        "@JO_EXAMPLE",
        "@ann_example",
        "@jo@social.example",
        "@listed@social.example",
        "@stranger",
    ]


def test_a_site_can_link_only_its_guests_and_listed_accounts(build_site):
    site = build_site(
        {"posts/thanks.md": THANKS, "authors/jo-example.md": PROFILE},
        GUEST_SERIES_MENTION_ACCOUNTS=("@ann_example", "https://social.example/@listed"),
    )
    # Jo's handles come from the profile, Ann's and the listed one from the setting.
    assert mentions_in(site) == [
        "@jo_example",
        "@JO_EXAMPLE",
        "@ann_example",
        "@jo@social.example",
        "@listed@social.example",
    ]


def test_an_empty_list_links_the_guests_only(build_site):
    site = build_site(
        {"posts/thanks.md": THANKS, "authors/jo-example.md": PROFILE},
        GUEST_SERIES_MENTION_ACCOUNTS=(),
    )
    assert mentions_in(site) == ["@jo_example", "@JO_EXAMPLE", "@jo@social.example"]


@pytest.mark.parametrize(
    "value, accepted",
    [
        (None, None),
        (["jo_example", "@ann@Social.Example"], ("@jo_example", "@ann@social.example")),
        (("@jo", "https://x.com/jo", "@JO"), ("@jo",)),
    ],
)
def test_the_setting_is_checked_and_normalised(value, accepted):
    settings = {"GUEST_SERIES_MENTION_ACCOUNTS": value}
    assert apply_schemas(settings, all_schemas(), "pelicanconf.py") == []
    assert settings["GUEST_SERIES_MENTION_ACCOUNTS"] == accepted


@pytest.mark.parametrize("value", [("not a handle!",), ("@jo@localhost",), (5,), "@jo"])
def test_a_bad_account_is_a_settings_error(value):
    settings = {"GUEST_SERIES_MENTION_ACCOUNTS": value}
    (problem,) = apply_schemas(settings, all_schemas(), "pelicanconf.py")
    assert problem.is_error
    assert "GUEST_SERIES_MENTION_ACCOUNTS" in str(problem)


def test_notes_never_fail_and_are_reported_once_an_account():
    collector = ProblemCollector()
    for path, line in (("content/posts/b.md", 3), ("content/posts/a.md", 9)):
        collector.add(
            ContentProblem(path, "links @jo to https://x.com/jo", NOTE, line=line)
        )
    collector.add(
        ContentProblem("content/posts/b.md", "links @ann to https://x.com/ann", NOTE)
    )
    assert collector.problems == []
    assert collector.report() == []
    # Every note is kept (make check filters by file, then takes each account
    # once, where it is first linked); none fails anything.
    assert [str(note) for note in collector.notes] == [
        "content/posts/a.md:9: note: links @jo to https://x.com/jo",
        "content/posts/b.md: note: links @ann to https://x.com/ann",
        "content/posts/b.md:3: note: links @jo to https://x.com/jo",
    ]
    assert [str(note) for note in collector.pending_notes] == []
    assert not any(note.is_error for note in collector.notes)


def run_check(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "guestlist.cli.check",
            "-s",
            str(ROOT / "pelicanconf.py"),
            *args,
        ],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


def test_make_check_lists_each_account_the_build_links_where_it_is_first(tmp_path):
    write_files(
        tmp_path / "content",
        {
            "posts/a.md": post(
                "A",
                body="""
                Hello.

                Thanks @Jo_Example and @ann@social.example; see `@media` and @media
                screen, @babel/core and \\@escaped.
                """,
            ),
            "posts/b.md": post("B", date="2026-03-03 09:00", body="Again, @jo_example."),
            "posts/c.md": post(
                "C", date="2026-03-04 09:00", body="Hi @cee_example.", Seires="S"
            ),
        },
    )
    result = run_check("--content", "content", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "content/posts/c.md:3: warning: unknown field 'Seires' is ignored; did you mean "
        "Series?",
        "Accounts the build links:",
        "content/posts/a.md:6: note: links @ann@social.example to https://social.example/@ann",
        "content/posts/a.md:6: note: links @jo_example to https://x.com/jo_example",
        "content/posts/c.md:5: note: links @cee_example to https://x.com/cee_example",
    ]
    assert result.stderr.strip() == "guestlist-check: 0 errors, 1 warning"
    assert result.returncode == 0
    # Given files limit the notes too.
    only = run_check("--content", "content", "content/posts/b.md", cwd=tmp_path)
    assert only.stdout.splitlines() == [
        "Accounts the build links:",
        "content/posts/b.md:4: note: links @jo_example to https://x.com/jo_example",
    ]
    assert only.stderr.strip() == "guestlist-check: no problems found"


def test_without_mentions_the_check_lists_no_accounts(tmp_path):
    write_files(tmp_path / "content", {"posts/a.md": post("A", body="Hi @jo_example.")})
    site_settings = tmp_path / "site.py"
    site_settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        "GUEST_SERIES_MENTIONS = False\n",
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "guestlist.cli.check",
            "-s",
            "site.py",
            "--content",
            "content",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout == ""
    assert result.returncode == 0, result.stderr


def test_a_profile_linked_from_outside_the_content_folder_names_no_guest(
    build_site, tmp_path
):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("Name: Stranger\nTwitter: @stranger\n\nNot a guest.\n")
    content = build_site({"posts/thanks.md": THANKS}).content
    (content / "authors").mkdir()
    os.symlink(outside, content / "authors/stranger.md")
    site = build_site(GUEST_SERIES_MENTION_ACCOUNTS=())
    assert "@stranger" not in mentions_in(site)
