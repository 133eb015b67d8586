"""Initials, as an avatar without a picture shows them."""

import pytest

from guestlist.core.initials import initials


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hannah Lindqvist", "HL"),
        ("Ludwig van Beethoven", "LB"),
        ("PFNDF", "P"),
        ("Łukasz Wróbel", "ŁW"),
        ("zoë adeyemi", "ZA"),
        ("  Jo   Example  ", "JE"),
        ("(Jo) Example", "JE"),
    ],
)
def test_the_first_and_last_words_give_the_initials(name, expected):
    assert initials(name) == expected


def test_an_accent_written_apart_stays_on_its_letter():
    assert initials("E\u0301mile Zola") == "\u00c9Z"


def test_a_name_without_a_letter_has_no_initials():
    assert initials("— &") == ""
    assert initials("") == ""
