"""Checks of what RFC 4287 (Atom) and RSS 2.0 require of a feed.

No feed validator installs from the package registries here, so these are
written for this project. Each check returns a list of problems, as sentences
naming the element; an empty list means the feed passed. Only requirements
(MUST, or the RSS 2.0 "required" elements) and what this project promises
(absolute, unique ids and links; one author for every entry) are checked.
"""

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"

# RFC 3339, section 5.6: date-time, with a time zone (Z or an offset).
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"
)
# RFC 822 as RSS 2.0 uses it (with four-digit years, as the RSS Advisory Board
# recommends): optional day name, day, month name, year, time, zone.
RFC822 = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Z])$"
)


def is_rfc3339(text):
    if not text or not RFC3339.match(text):
        return False
    try:
        datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return False
    return True


def is_rfc822(text):
    if not text or not RFC822.match(text):
        return False
    try:
        parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return False
    return True


def is_absolute_iri(text):
    """An IRI with a scheme (tag:, urn:, https: …), as an Atom id must be."""
    return bool(text) and bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", text))


def is_absolute_web_url(text):
    parts = urlsplit(text or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def atom_problems(data):
    """What `data` (the bytes of an Atom feed) breaks of RFC 4287."""
    try:
        feed = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if feed.tag != f"{ATOM}feed":
        return [f"the root element is {feed.tag}, not atom:feed"]
    problems = []
    problems += _exactly_one(feed, ["id", "title", "updated"], "atom:feed")
    problems += _atom_dates(feed, "atom:feed")
    problems += _atom_id(feed, "atom:feed")
    problems += _atom_links(feed, "atom:feed")
    problems += _atom_people(feed, "atom:feed")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append("atom:feed has no link rel=self (a SHOULD of RFC 4287 we keep)")
    feed_has_author = feed.find(f"{ATOM}author") is not None

    ids = []
    for number, entry in enumerate(feed.findall(f"{ATOM}entry"), start=1):
        where = f"entry {number}"
        problems += _exactly_one(entry, ["id", "title", "updated"], where)
        problems += _atom_dates(entry, where)
        problems += _atom_id(entry, where)
        problems += _atom_links(entry, where)
        problems += _atom_people(entry, where)
        ids.append(_text(entry.find(f"{ATOM}id")))
        if entry.find(f"{ATOM}author") is None and not feed_has_author:
            problems.append(f"{where} has no atom:author, and neither has the feed")
        content = entry.find(f"{ATOM}content")
        alternates = [
            link
            for link in entry.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        if content is None and not alternates:
            problems.append(f"{where} has neither atom:content nor an alternate link")
        if (
            content is not None
            and content.get("src")
            and entry.find(f"{ATOM}summary") is None
        ):
            problems.append(f"{where} has content by reference but no atom:summary")
        for category in entry.findall(f"{ATOM}category"):
            if not category.get("term"):
                problems.append(f"{where} has an atom:category without a term")
    problems += _duplicates(ids, "atom:id")
    return problems


def _exactly_one(element, names, where):
    problems = []
    for name in names:
        found = element.findall(f"{ATOM}{name}")
        if len(found) != 1:
            problems.append(f"{where} has {len(found)} atom:{name}, not exactly one")
        elif name in ("id", "title") and not _text(found[0]):
            problems.append(f"{where} has an empty atom:{name}")
    return problems


def _atom_dates(element, where):
    problems = []
    for name in ("updated", "published"):
        for date in element.findall(f"{ATOM}{name}"):
            if not is_rfc3339(_text(date)):
                problems.append(
                    f"{where}: atom:{name} {_text(date)!r} is not an RFC 3339 date"
                )
    return problems


def _atom_id(element, where):
    found = element.find(f"{ATOM}id")
    if found is not None and not is_absolute_iri(_text(found)):
        return [f"{where}: atom:id {_text(found)!r} is not an absolute IRI"]
    return []


def _atom_links(element, where):
    problems = []
    alternates = set()
    for link in element.findall(f"{ATOM}link"):
        href = link.get("href")
        if not is_absolute_web_url(href):
            problems.append(f"{where}: link href {href!r} is not an absolute URL")
        if link.get("rel", "alternate") == "alternate":
            key = (link.get("type"), link.get("hreflang"))
            if key in alternates:
                problems.append(f"{where} has two alternate links of one type and language")
            alternates.add(key)
    return problems


def _atom_people(element, where):
    problems = []
    for role in ("author", "contributor"):
        for person in element.findall(f"{ATOM}{role}"):
            names = person.findall(f"{ATOM}name")
            if len(names) != 1 or not _text(names[0]):
                problems.append(f"{where}: atom:{role} needs exactly one non-empty name")
            uri = person.find(f"{ATOM}uri")
            if uri is not None and not is_absolute_web_url(_text(uri)):
                problems.append(f"{where}: atom:{role} uri {_text(uri)!r} is not absolute")
    return problems


def rss_problems(data):
    """What `data` (the bytes of an RSS feed) breaks of RSS 2.0."""
    try:
        rss = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if rss.tag != "rss" or rss.get("version") != "2.0":
        return [f"the root element is {rss.tag} version {rss.get('version')}, not rss 2.0"]
    channels = rss.findall("channel")
    if len(channels) != 1:
        return [f"rss has {len(channels)} channel elements, not exactly one"]
    channel = channels[0]
    problems = []
    for name in ("title", "link", "description"):
        found = channel.findall(name)
        if len(found) != 1 or not _text(found[0]):
            problems.append(f"the channel needs exactly one non-empty <{name}>")
    link = _text(channel.find("link"))
    if link and not is_absolute_web_url(link):
        problems.append(f"the channel's link {link!r} is not an absolute URL")
    for name in ("pubDate", "lastBuildDate"):
        for date in channel.findall(name):
            if not is_rfc822(_text(date)):
                problems.append(
                    f"the channel's {name} {_text(date)!r} is not an RFC 822 date"
                )

    channel_has_author = bool(
        channel.findall("managingEditor") + channel.findall(f"{DC}creator")
    )
    guids = []
    for number, item in enumerate(channel.findall("item"), start=1):
        where = f"item {number}"
        if not _text(item.find("title")) and not _text(item.find("description")):
            problems.append(f"{where} has neither a title nor a description")
        item_link = item.find("link")
        if item_link is not None and not is_absolute_web_url(_text(item_link)):
            problems.append(f"{where}: link {_text(item_link)!r} is not an absolute URL")
        guid = item.find("guid")
        if guid is None or not _text(guid):
            problems.append(f"{where} has no guid")
        else:
            guids.append(_text(guid))
            permalink = guid.get("isPermaLink", "true") == "true"
            if permalink and not is_absolute_web_url(_text(guid)):
                problems.append(f"{where}: a permalink guid must be an absolute URL")
            if not permalink and not is_absolute_iri(_text(guid)):
                problems.append(f"{where}: guid {_text(guid)!r} is not an absolute IRI")
        for date in item.findall("pubDate"):
            if not is_rfc822(_text(date)):
                problems.append(f"{where}: pubDate {_text(date)!r} is not an RFC 822 date")
        for author in item.findall("author"):
            if "@" not in _text(author):
                problems.append(f"{where}: <author> must hold an e-mail address")
        authors = item.findall("author") + item.findall(f"{DC}creator")
        if not authors and not channel_has_author:
            problems.append(f"{where} names no author (<author> or dc:creator)")
        for category in item.findall("category"):
            if not _text(category):
                problems.append(f"{where} has an empty category")
    problems += _duplicates(guids, "guid")
    return problems


def _duplicates(values, what):
    seen, problems = set(), []
    for value in values:
        if value in seen:
            problems.append(f"two entries share the {what} {value!r}")
        seen.add(value)
    return problems


def feed_problems(path):
    """The problems of the feed in `path`, Atom or RSS by its root element."""
    data = path.read_bytes()
    if b"<rss" in data[:300]:
        return rss_problems(data)
    return atom_problems(data)
