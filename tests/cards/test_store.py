"""Cards kept by key: found again, replaced whole, and only this build's kept."""

import pytest

from guestlist.cards import keys
from guestlist.cards.keys import card_key
from guestlist.cards.planning import CardPlan, card_bytes
from guestlist.cards.store import CardStore, store_for


def test_a_card_is_found_by_its_key(tmp_path):
    store = CardStore(tmp_path / "cards")
    assert not store.has("k1") and store.get("k1") is None
    store.put("k1", b"png")
    assert store.has("k1") and store.get("k1") == b"png"
    assert [path.name for path in (tmp_path / "cards").iterdir()] == ["k1.png"]


def test_a_store_finds_only_the_cards_of_its_own_folder(tmp_path):
    CardStore(tmp_path / "cards").put("k1", b"png")
    assert not CardStore(tmp_path / "other").has("k1")


def test_only_this_builds_cards_are_kept(tmp_path):
    store = CardStore(tmp_path / "cards")
    for key in ("old", "new"):
        store.put(key, b"png")
    (tmp_path / "cards" / "notes.txt").write_text("not a card")
    store.keep_only(["new"])
    assert sorted(path.name for path in (tmp_path / "cards").iterdir()) == [
        "new.png",
        "notes.txt",
    ]


def test_the_store_is_kept_and_read_whatever_the_content_cache_settings(tmp_path):
    # A publish build keeps no content cache, and still finds its cards.
    for content_cache in (False, True):
        store = store_for(
            {
                "CACHE_CONTENT": content_cache,
                "LOAD_CONTENT_CACHE": content_cache,
                "CACHE_PATH": str(tmp_path),
            }
        )
        assert store.folder == tmp_path / "guestlist-cards"
        store.put(f"k-{content_cache}", b"png")
        assert store.has(f"k-{content_cache}")


def test_a_card_gone_from_the_store_during_the_build_is_an_error(tmp_path):
    plan = CardPlan("posts/a.md", "A", "images/cards/a.png", key="gone")
    with pytest.raises(RuntimeError, match="left the cache during the build"):
        card_bytes(plan, CardStore(tmp_path / "cards"))


def test_a_drawn_card_is_kept_and_drawn_once(tmp_path):
    store = CardStore(tmp_path / "cards")
    calls = []
    plan = CardPlan(
        "posts/a.md",
        "A",
        "images/cards/a.png",
        key="k",
        draw=lambda: calls.append(1) or b"png",
    )
    assert plan.drawn
    assert card_bytes(plan, store) == b"png" == store.get("k")
    assert card_bytes(plan, store) == b"png"
    assert calls == [1] and not plan.drawn


def test_the_key_changes_with_the_code_that_draws(monkeypatch):
    before = card_key(title="A")
    assert card_key(title="A") == before
    monkeypatch.setattr(keys, "code_version", lambda: "another version")
    assert card_key(title="A") != before


def test_the_code_version_covers_the_code_and_the_fonts(tmp_path, monkeypatch):
    package = tmp_path / "cards"
    (package / "fonts").mkdir(parents=True)
    (package / "drawing.py").write_text("SIZE = 1\n")
    (package / "fonts" / "Sans.ttf").write_bytes(b"glyphs")
    monkeypatch.setattr(keys, "PACKAGE", package)
    version = keys.code_version.__wrapped__  # uncached, as a new process works it out
    first = version()
    assert version() == first
    (package / "fonts" / "Sans.ttf").write_bytes(b"other glyphs")
    second = version()
    assert second != first
    (package / "drawing.py").write_text("SIZE = 2\n")
    assert version() not in (first, second)
