"""The missing host's note warning: on by default, off per series, site-wide,
and for a series none of whose posts has ever had a note."""

from conftest import HOST_NOTE, post


def entry(title, index, day, note=True, series="Birthday Bloggers"):
    return post(
        title,
        date=f"2026-03-0{day} 09:00",
        body="Words." + (HOST_NOTE if note else ""),
        Series=series,
        Series_index=index,
    )


def description(title="Birthday Bloggers", **fields):
    lines = [f"Title: {title}"] + [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\nA series.\n"


WITH_ONE_MISSING = {
    "posts/a.md": entry("A", 1, 1),
    "posts/b.md": entry("B", 2, 2, note=False),
}


def note_warnings(site):
    return [m for m in site.messages if "no host's note" in m]


def test_a_post_without_a_note_in_a_series_with_notes_warns(build_site):
    site = build_site(WITH_ONE_MISSING)
    (warning,) = note_warnings(site)
    assert warning.startswith("content/posts/b.md")
    assert "the series 'Birthday Bloggers'" in warning


def test_a_series_that_never_had_a_note_does_not_warn(build_site):
    files = {
        "posts/a.md": entry("A", 1, 1, note=False),
        "posts/b.md": entry("B", 2, 2, note=False),
    }
    site = build_site(files)
    assert note_warnings(site) == []


def test_one_series_switches_it_off_in_its_description(build_site):
    files = dict(WITH_ONE_MISSING)
    files["series/birthday-bloggers.md"] = description(Host_notes="off")
    files["posts/c.md"] = entry("C", 1, 3, series="Spring Guests")
    files["posts/d.md"] = entry("D", 2, 4, note=False, series="Spring Guests")
    site = build_site(files)
    (warning,) = note_warnings(site)
    assert warning.startswith("content/posts/d.md")
    # The field is known: no unknown-field warning about the description.
    assert site.messages_about("content/series/birthday-bloggers.md") == []


def test_host_notes_on_in_a_description_keeps_warning(build_site):
    files = dict(WITH_ONE_MISSING)
    files["series/birthday-bloggers.md"] = description(Host_notes="on")
    assert len(note_warnings(build_site(files))) == 1


def test_an_unknown_host_notes_value_is_reported_and_leaves_it_on(build_site):
    files = dict(WITH_ONE_MISSING)
    files["series/birthday-bloggers.md"] = description(Host_notes="sometimes")
    site = build_site(files)
    (problem,) = site.messages_about("content/series/birthday-bloggers.md")
    assert problem.startswith("content/series/birthday-bloggers.md:2: warning:")
    assert "Host_notes 'sometimes' is neither on nor off" in problem
    assert len(note_warnings(site)) == 1


def test_the_site_setting_switches_it_off_everywhere(build_site):
    site = build_site(WITH_ONE_MISSING, GUEST_SERIES_HOST_NOTE_WARNING=False)
    assert note_warnings(site) == []
    assert site.errors == []
