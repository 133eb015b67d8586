"""Profiles and series descriptions that cannot be used are reported, not lost."""

from conftest import HOST_NOTE, post

PROFILE = "Name: {name}\nTwitter: @jo_example\n\nA bio.\n"
DESCRIPTION = "Title: {title}\nSingular: Birthday Blogger\n\nAbout the series.\n"


def test_a_profile_without_name_is_an_error_naming_the_file(build_site):
    site = build_site(
        {
            "authors/jo.md": "Twitter: @jo_example\n\nA bio.\n",
            "posts/a.md": post("A", Author="Jo Example"),
        }
    )
    (message,) = site.messages_about("content/authors/jo.md")
    assert message.startswith("content/authors/jo.md: error:")
    assert "has no Name" in message and "`Name: Jo Smith`" in message
    assert site.exists("2026/03/a/")


def test_two_profiles_for_one_name_name_both_files(build_site):
    site = build_site(
        {
            "authors/jo.md": PROFILE.format(name="Jo Example"),
            "authors/jo-again.md": PROFILE.format(name="Jo Example"),
            "posts/a.md": post("A", Author="Jo Example"),
        }
    )
    (message,) = site.messages_about("content/authors/jo.md:1")
    assert "a second profile for 'Jo Example'" in message
    assert "authors/jo-again.md" in message
    assert "keep one and delete the other" in message
    # The first profile read is kept and shown.
    assert site.page("2026/03/a/").select_one(".author-box")


def test_a_description_without_title_is_an_error_naming_the_file(build_site):
    site = build_site(
        {
            "series/bb.md": "Singular: Birthday Blogger\n\nAbout it.\n",
            "posts/a.md": post(
                "A", body="Words." + HOST_NOTE, Series="Birthday Bloggers", Series_index=1
            ),
        }
    )
    (message,) = site.messages_about("content/series/bb.md")
    assert message.startswith("content/series/bb.md: error:")
    assert "has no Title" in message and "`Title: Birthday Bloggers`" in message
    assert site.exists("series/birthday-bloggers/")


def test_two_descriptions_of_one_series_name_both_files(build_site):
    site = build_site(
        {
            "series/a.md": DESCRIPTION.format(title="Birthday Bloggers"),
            "series/b.md": DESCRIPTION.format(title="Birthday Bloggers"),
            "posts/a.md": post(
                "A", body="Words." + HOST_NOTE, Series="Birthday Bloggers", Series_index=1
            ),
        }
    )
    (message,) = site.messages_about("content/series/b.md:1")
    assert "a second description of the series 'Birthday Bloggers'" in message
    assert "series/a.md" in message
    assert site.exists("series/a/")


def test_a_profiles_mentions_switch_does_not_carry_over_to_the_next(tmp_path):
    from conftest import project_settings
    from guestlist.series.sources import SmallFileReader

    (tmp_path / "content").mkdir()
    settings = project_settings(tmp_path / "content", tmp_path / "output")
    settings["MARKDOWN"]["extension_configs"]["guestlist.markdown.mentions"] = {}
    reader = SmallFileReader(settings["MARKDOWN"], tmp_path)
    quiet, loud = tmp_path / "quiet.md", tmp_path / "loud.md"
    quiet.write_text("Name: Quiet\nMentions: off\n\nFriends with @jo_example.\n")
    loud.write_text("Name: Loud\n\nFriends with @jo_example.\n")
    assert 'class="mention"' not in reader.read(quiet)[0]
    assert 'class="mention"' in reader.read(loud)[0]
    assert 'class="mention"' not in reader.read(quiet)[0]
