"""Synthetic guest-series blogs for the benchmark, in Guestlist's content format.

A site of N posts looks like a long-running blog: series of 5–10 guest posts
("birthday weeks"), each with a description, a host's note on every post and
guests who come back in later series, with the host's own posts in between.
Posts are of realistic length and carry what the plugin works on: profiles
with X, Mastodon and Bluesky handles, @mentions (fediverse ones too) beside
e-mail addresses and code spans that must stay as they are, tweet cards, tags,
Summary, Short_title and Redirect_from. The same seed gives the same site,
byte for byte, so every configuration times the same content.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

HOST_NAME = "Ollie Brennan"
HOST_HANDLE = "ollie_example"
# One guest for every POSTS_PER_GUEST posts: guests come back for later series, as
# on a blog that has run its guest weeks for years.
POSTS_PER_GUEST = 5
FIRST_DAY = datetime(2016, 1, 4)


def _words(text):
    """The words of `text`, for the vocabularies below."""
    return tuple(text.split())


SPAN_DAYS = 3650  # ten years of posts, however many there are

FIRST_NAMES = _words(
    "Ada Ben Cleo Dev Eli Farah Gus Hana Ivo Jun Kai Lena Milo Nia Omar Pia Quin Rosa "
    "Sami Tove Uma Vik Wren Xia Yusuf Zora Anke Bram Cato Dara Emil Fenna Gita Hugo "
    "Ines Joss Kiri Lars Maud Nils Odile Pax Rhea Soren Tariq Ulla Vera Wim Yara Zeno"
)
LAST_NAMES = _words(
    "Abbott Baptiste Castillo Dunmore Eriksen Fairley Gallagher Haddad Iwu Janssen "
    "Kowalski Lindgren Mbeki Navarro Okoro Petrov Quayle Rinaldi Sandoval Takahashi "
    "Underhill Varga Whitlock Xu Yilmaz Zielinski Achebe Brandt Costa Delacroix "
    "Esposito Fontaine Greco Holm Ishikawa Jovanovic Kaplan Lemaire Moreau Novak"
)
MASTODON_SERVERS = ("social.example", "mastodon.example", "fosstodon.example")
# Series names and what one post of each is called (None: the default, "Guest").
SERIES_NAMES = (
    ("Birthday Bloggers", "Birthday Blogger"),
    ("Summer Guests", "Summer Guest"),
    ("Makers' Week", None),
    ("Winter Workshop", "Workshop Guest"),
    ("Voices from the Bench", "Voice"),
    ("Letters to Beginners", None),
)
TAGS = _words(
    "writing making woodwork food community tools teaching blogging photography "
    "gardening repair craft travel books music design code reading drawing cycling "
    "sewing pottery baking family work-in-public newsletters habits learning mistakes"
)
NOUNS = _words(
    "desk shelf notebook kitchen garden workshop habit draft letter stool kettle "
    "bicycle lathe camera sketchbook loom bench recipe newsletter chisel map "
    "window ladder lantern apron toolbox spoon teapot hammer compass"
)
ADJECTIVES = _words(
    "quiet small crooked patient borrowed second unfinished honest slow early late "
    "wonky careful plain stubborn familiar forgotten useful"
)
WORDS = _words(
    "the a of and to in that it is was for on with as I you at be this have from "
    "or one had by but not what all were we when your can said there use an each "
    "which she do how their if will up other about out many then them these so "
    "some her would make like him into time has look two more write go see number "
    "no way could people my than first water been call who oil its now find long "
    "down day did get come made may part work table wood paper morning readers "
    "week years friend kitchen garden workshop tools thread recipe neighbour blog "
    "post letter draft story question answer mistake habit practice evening light "
    "careful honest slowly again always never often small patient second useful"
)
TITLE_PATTERNS = (
    "What My {Noun} Taught Me",
    "The {Adjective} {Noun}",
    "Notes on a {Adjective} {Noun}",
    "Why I Kept the {Noun}",
    "A {Noun} for Every {Noun2}",
    "Ten Years of the {Adjective} {Noun}",
    "How to Mend a {Noun}",
    "In Praise of the {Adjective} {Noun}",
)
CODE_SAMPLE = '''\
```python
@dataclass
class Shelf:
    """One shelf of the {noun}, and what it holds."""

    width_mm: int
    items: list[str]

    def free_space(self) -> int:
        return self.width_mm - 40 * len(self.items)
```'''


@dataclass
class Guest:
    """Someone with a profile: a guest, or the host."""

    name: str
    slug: str
    twitter: str
    mastodon: str | None
    bluesky: str | None


@dataclass
class SiteSummary:
    """What a generated site holds, so the harness can check each build read it all."""

    posts: int = 0
    guest_posts: int = 0
    host_posts: int = 0
    series: int = 0
    profiles: int = 0
    tweet_cards: int = 0
    redirects: int = 0
    post_paths: list = field(default_factory=list)


def generate_site(content, posts, seed=8):
    """Write a synthetic blog of `posts` posts under `content`; return its summary."""
    content = Path(content)
    rng = random.Random(seed)
    summary = SiteSummary()
    guests = _make_guests(rng, max(10, posts // POSTS_PER_GUEST))
    host = Guest(HOST_NAME, "ollie-brennan", HOST_HANDLE, "@ollie@social.example", None)
    for person in [host, *guests]:
        _write(content / "authors" / f"{person.slug}.md", _profile(rng, person))
        _write(content / "images" / "avatars" / f"{person.slug}.svg", _avatar(person))
    summary.profiles = len(guests) + 1
    _write(content / "pages" / "about.md", _about_page())

    titles = set()
    number = 0
    while number < posts:
        series_size = min(rng.randint(5, 10), posts - number)
        if series_size >= 5 or summary.series == 0:
            summary.series += 1
            series_name, singular = _series_name(summary.series)
            _write(
                content / "series" / f"{_slugify(series_name)}.md",
                _description(rng, series_name, singular),
            )
            cast = rng.sample(guests, series_size)
            for index, guest in enumerate(cast, start=1):
                path = content / "posts" / f"{number:05d}.md"
                _write(
                    path,
                    _post(
                        rng,
                        summary,
                        titles,
                        number,
                        posts,
                        author=guest,
                        mentionable=cast,
                        series=(series_name, index),
                    ),
                )
                summary.post_paths.append(path)
                summary.guest_posts += 1
                number += 1
        for _ in range(min(rng.randint(1, 3), posts - number)):
            path = content / "posts" / f"{number:05d}.md"
            _write(
                path,
                _post(rng, summary, titles, number, posts, author=host, mentionable=guests),
            )
            summary.post_paths.append(path)
            summary.host_posts += 1
            number += 1
    summary.posts = number
    return summary


def edit_post(path, mark):
    """Add a paragraph to the post at `path`, as a guest's fix-up would; return the
    original text so that the caller can put it back. `mark` makes each edit new,
    so that a content cache never holds the edited version already."""
    path = Path(path)
    original = path.read_text(encoding="utf-8")
    body, note, rest = original.partition("\n!!! ")
    edited = f"{body.rstrip()}\n\nEdited after review ({mark}): one more sentence.\n"
    if note:
        edited += f"\n{note}{rest}"
    path.write_text(edited, encoding="utf-8")
    return original


def _make_guests(rng, count):
    guests, names, handles = [], set(), set()
    while len(guests) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        if name in names:
            name = f"{first} {rng.choice(ADJECTIVES).capitalize()} {last}"
            if name in names:
                continue
        names.add(name)
        handle = re.sub(r"\W", "", f"{first}_{last}".lower())[:13]
        while handle in handles:
            handle = handle[:13] + str(rng.randint(10, 99))
        handles.add(handle)
        slug = _slugify(name)
        mastodon = (
            f"@{handle}@{rng.choice(MASTODON_SERVERS)}" if rng.random() < 0.5 else None
        )
        bluesky = f"{slug}.bsky.social" if rng.random() < 0.35 else None
        guests.append(Guest(name, slug, handle, mastodon, bluesky))
    return guests


def _profile(rng, person):
    lines = [f"Name: {person.name}"]
    # Both spellings of the X handle field appear in real profiles.
    lines.append(f"{'X' if rng.random() < 0.2 else 'Twitter'}: @{person.twitter}")
    if person.mastodon:
        lines.append(f"Mastodon: {person.mastodon}")
    if person.bluesky:
        lines.append(f"Bluesky: {person.bluesky}")
    lines.append(f"Website: https://{person.slug}.example.com/")
    lines.append(f"Avatar: images/avatars/{person.slug}.svg")
    bio = (
        f"{person.name} makes things and writes about them. {_sentence(rng, 10, 18)} "
        f"{_sentence(rng, 8, 14)} Their notes are on "
        f"[their site](https://{person.slug}.example.com/notes/)."
    )
    return "\n".join(lines) + "\n\n" + bio + "\n"


def _avatar(person):
    initials = "".join(part[0] for part in person.name.split()[:2])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72">'
        '<rect width="72" height="72" fill="#d9c7a7"/>'
        f'<text x="36" y="44" font-size="24" text-anchor="middle">{initials}</text>'
        "</svg>\n"
    )


def _about_page():
    return (
        "Title: About\n\n"
        f"{HOST_NAME} writes about making things, and hands the blog to guests "
        "every year.\n"
    )


def _series_name(number):
    """The name of the series `number` (from 1), and what one of its posts is called."""
    base, singular = SERIES_NAMES[(number - 1) % len(SERIES_NAMES)]
    round_ = (number - 1) // len(SERIES_NAMES) + 1
    return (base if round_ == 1 else f"{base} {round_}"), singular


def _description(rng, name, singular):
    lines = [f"Title: {name}"]
    if singular:
        lines.append(f"Singular: {singular}")
    lines.append(f"Host: {HOST_NAME}")
    return "\n".join(lines) + f"\n\n{_paragraph(rng, 3, 4)}\n"


def _post(rng, summary, titles, number, total, *, author, mentionable, series=None):
    title = _unique_title(rng, titles)
    day = FIRST_DAY + timedelta(days=number * SPAN_DAYS // max(total, 1))
    when = day.replace(hour=9 + number % 9, minute=number % 60)
    lines = [
        f"Title: {title}",
        f"Date: {when:%Y-%m-%d %H:%M}",
        f"Author: {author.name}",
    ]
    if series:
        name, index = series
        lines += [
            f"Series: {name}",
            f"Series_index: {index}",
            f"Short_title: {author.name.split()[0]} on {rng.choice(NOUNS).capitalize()}s",
        ]
    lines.append(f"Summary: {_sentence(rng, 12, 22)}")
    lines.append("Tags: " + ", ".join(rng.sample(TAGS, rng.randint(1, 4))))
    if rng.random() < 0.1:
        old = f"/{when:%Y/%m}/{_slugify(title)}.html"
        lines.append(f"Redirect_from: {old}")
        summary.redirects += 1
    if series and rng.random() < 0.15:
        lines.append(f"Twitter: @{author.twitter}")

    others = [guest for guest in mentionable if guest is not author] or [author]
    body = _body(rng, summary, others)
    text = "\n".join(lines) + "\n\n" + body
    if series:
        text += (
            f'\n\n!!! host-note "Note from {HOST_NAME.split()[0]}"\n'
            f"    {_sentence(rng, 10, 20)} Thank you, @{author.twitter}, for writing "
            f"for us.\n    {_sentence(rng, 8, 16)}"
        )
    return text + "\n"


def _body(rng, summary, others):
    """About 350–1,100 words (650 on average) in sections, a little longer than the
    demo's guest posts, with the features the plugin handles."""
    blocks = [_paragraph(rng, 3, 6), _paragraph(rng, 3, 5)]
    for _ in range(rng.randint(1, 3)):
        blocks.append(f"## {_unique_title(rng, set())}")
        blocks += [_paragraph(rng, 3, 6) for _ in range(rng.randint(1, 3))]
    friend = rng.choice(others)
    blocks.append(
        f"My friend @{friend.twitter} showed me this first, and "
        f"@{rng.choice(others).twitter} improved on it. Write to me at "
        f"{friend.slug.replace('-', '.')}@example.com, or find the decorator "
        "`@dataclass` in the code below. " + _sentence(rng, 8, 16)
    )
    if friend.mastodon and rng.random() < 0.6:
        blocks.append(
            f"On the fediverse, follow {friend.mastodon}. {_sentence(rng, 8, 14)}"
        )
    if rng.random() < 0.5:
        blocks.append(
            "\n".join(f"- {_sentence(rng, 5, 10)}" for _ in range(rng.randint(3, 5)))
        )
    if rng.random() < 0.2:
        blocks.append(CODE_SAMPLE.replace("{noun}", rng.choice(NOUNS)))
    if rng.random() < 0.2:
        tweeter = rng.choice(others)
        status = rng.randint(10**17, 10**19 - 1)
        blocks.append(f"> {_sentence(rng, 10, 25)} cc @{rng.choice(others).twitter}")
        blocks.append(f"https://x.com/{tweeter.twitter}/status/{status}")
        summary.tweet_cards += 1
    blocks.append(
        f"{_paragraph(rng, 3, 5)} There is more on "
        f"[{rng.choice(NOUNS)}s](https://{friend.slug}.example.com/) elsewhere."
    )
    return "\n\n".join(blocks)


def _paragraph(rng, low, high):
    return " ".join(_sentence(rng, 10, 24) for _ in range(rng.randint(low, high)))


# Prose has apostrophes, quotes and dashes, which smart punctuation works on.
CONTRACTIONS = _words("don't it's I've we're that's can't you'll isn't")


def _sentence(rng, low, high):
    words = rng.choices(WORDS, k=rng.randint(low, high))
    if rng.random() < 0.4:
        words[rng.randrange(len(words))] = rng.choice(CONTRACTIONS)
    if len(words) > 4 and rng.random() < 0.15:
        start = rng.randrange(1, len(words) - 2)
        words[start] = f'"{words[start]}'
        words[start + 1] = f'{words[start + 1]}"'
    if len(words) > 4 and rng.random() < 0.1:
        words.insert(rng.randrange(1, len(words) - 1), rng.choice(("--", "---")))
    return " ".join(words).capitalize() + rng.choice(".....?!")


def _unique_title(rng, taken):
    while True:
        title = rng.choice(TITLE_PATTERNS).format(
            Noun=rng.choice(NOUNS).capitalize(),
            Noun2=rng.choice(NOUNS).capitalize(),
            Adjective=rng.choice(ADJECTIVES).capitalize(),
        )
        if title not in taken:
            break
        title = f"{title}, Part {len(taken)}"
        if title not in taken:
            break
    taken.add(title)
    return title


def _slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
