"""A card's title in lines: wrapped at spaces, at most three, an ellipsis when cut."""

from guestlist.cards.layout import ELLIPSIS, ellipsised, fit, wrap


def letters(text):
    """A measure in which every character is one pixel wide."""
    return len(text)


def test_a_title_wraps_at_spaces_into_lines_that_fit():
    assert wrap("Write the post you wished you found", 16, letters, 3) == [
        "Write the post",
        "you wished you",
        "found",
    ]


def test_a_title_that_fits_on_one_line_stays_whole():
    assert wrap("Short", 16, letters, 3) == ["Short"]


def test_spaces_in_a_title_count_once():
    assert wrap("  Two \n  words ", 16, letters, 3) == ["Two words"]


def test_a_title_too_long_for_its_lines_ends_in_an_ellipsis():
    lines = wrap("one two three four five six seven eight nine ten", 10, letters, 2)
    assert lines == ["one two", "three" + ELLIPSIS]
    assert all(len(line) <= 10 for line in lines)


def test_an_ellipsis_drops_the_punctuation_before_it():
    assert ellipsised("Waiting, said the detective", 12, letters) == "Waiting" + ELLIPSIS


def test_a_word_longer_than_a_line_is_broken():
    assert wrap("Supercalifragilistic", 8, letters, 3) == ["Supercal", "ifragili", "stic"]


def test_a_single_long_word_is_cut_with_an_ellipsis():
    assert ellipsised("Supercalifragilistic", 8, letters) == "Superca" + ELLIPSIS


def test_the_largest_size_at_which_the_title_fits_is_chosen():
    def large(text):
        return 2 * len(text)

    # At double width it needs three lines of 20; at single width two.
    chosen, lines = fit("one two three four five six", 20, [large, letters], 2)
    assert chosen == 1
    assert lines == ["one two three four", "five six"]
    chosen, _ = fit("one two", 20, [large, letters], 2)
    assert chosen == 0


def test_a_title_that_fits_at_no_size_is_cut_at_the_smallest():
    chosen, lines = fit("a " * 40, 9, [letters, letters], 2)
    assert chosen == 1
    assert len(lines) == 2
    assert lines[-1].endswith(ELLIPSIS)
