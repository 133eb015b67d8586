"""Posts read by worker processes: the same site, problems and messages as one process."""

import logging
import os

from conftest import HOST_NOTE, differing_files, post, run_pelican, write_files

GUESTS = 24  # more than a pool needs (core/workers.py: MIN_ITEMS_FOR_POOL)


def site_files():
    files = {
        f"posts/guest-{n:02}.md": post(
            f"Guest {n} on 'writing' -- slowly",
            date=f"2026-03-{n:02} 09:00",
            Series="Birthday Bloggers",
            Series_index=n,
            Tags="writing, guests",
            body=f"Hello from guest {n}. Say hi to @ollie.{HOST_NOTE}",
        )
        for n in range(1, GUESTS + 1)
    }
    # A post whose metadata the lint warns of, and one without a date.
    files["posts/odd.md"] = post("Odd one", Colour="blue")
    files["posts/undated.md"] = "Title: No date here\n\nWords.\n"
    return files


def build(tmp_path, name, processes, **overrides):
    content = tmp_path / "content"
    if not content.exists():
        write_files(content, site_files())
        # A post that is not UTF-8: refused by the reader, in a worker.
        (content / "posts" / "latin1.md").write_bytes(
            b"Title: Caf\xe9\nDate: 2026-04-01 09:00\n\nCaf\xe9 au lait.\n"
        )
    return run_pelican(
        content,
        tmp_path / name,
        GUEST_SERIES_PROCESSES=processes,
        CACHE_PATH=str(tmp_path / f"cache-{name}"),
        **overrides,
    )


def read_in(site):
    """How many files the build read in how many processes, as it logged it."""
    return [
        record.getMessage()
        for record in site.records
        if record.name == "guestlist.build.prereading"
    ]


def test_reading_in_workers_gives_the_site_and_messages_of_one_process(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="guestlist.build.prereading")
    one = build(tmp_path, "one", 1)
    two = build(tmp_path, "two", 2)

    assert read_in(one) == []
    assert read_in(two) == [f"Reading {GUESTS + 3} files in 2 processes"]
    assert differing_files(one.output, two.output) == []
    assert two.messages == one.messages
    shown = "\n".join(two.messages)
    assert "posts/latin1.md:1: error: byte" in shown
    assert "posts/odd.md" in shown and "Colour" in shown
    assert "posts/undated.md" in shown and "there is no Date" in shown


def test_workers_read_only_what_the_content_cache_lacks(tmp_path, caplog):
    caplog.set_level(logging.DEBUG, logger="guestlist.build.prereading")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    first = build(tmp_path, "out", 2, **cached)
    assert read_in(first) == [f"Reading {GUESTS + 3} files in 2 processes"]

    edited = tmp_path / "content" / "posts" / "guest-05.md"
    edited.write_text(edited.read_text().replace("Hello", "Hello again"))
    again = build(tmp_path, "out", 2, **cached)

    # The edited file, and the one the cache cannot hold: it was refused.
    assert read_in(again) == ["Reading 2 files in 1 processes"]
    assert (
        "Hello again from guest 5" in again.page("2026/03/guest-5-on-writing-slowly/").text
    )
    assert again.messages == first.messages


def test_a_file_saved_again_after_the_workers_read_it_is_built_as_saved(
    tmp_path, monkeypatch
):
    # The dev server builds while a writer saves: what the workers read of a
    # file saved since is thrown away, or the content cache would keep the
    # old text under the new file's stamp for every later build.
    from guestlist.build import prereading

    edited = tmp_path / "content" / "posts" / "guest-05.md"
    real = prereading.map_forked

    def reading_then_saving(work, count, processes):
        results = real(work, count, processes)
        text = edited.read_text().replace("Hello", "Saved during the build")
        edited.write_text(text)
        later = edited.stat().st_mtime_ns + 1_000_000_000
        os.utime(edited, ns=(later, later))
        return results

    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    monkeypatch.setattr(prereading, "map_forked", reading_then_saving)
    first = build(tmp_path, "out", 2, **cached)
    page = "2026/03/guest-5-on-writing-slowly/"
    assert "Saved during the build from guest 5" in first.page(page).text
    monkeypatch.setattr(prereading, "map_forked", real)
    again = build(tmp_path, "out", 2, **cached)
    assert "Saved during the build from guest 5" in again.page(page).text
