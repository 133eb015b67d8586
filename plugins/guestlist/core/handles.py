"""Parse, normalise and validate the handles guests give: X, Mastodon, Bluesky.

A handle is parsed once, where it is read (a profile, a post's metadata, a
setting), into a small frozen `Handle`; the rest of the plugin and the
templates only ever see valid ones. Each parser accepts the forms people
paste (`@name`, `name`, a full profile URL) and raises `HandleError` saying
which rule the value breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

X_RULE = "an X handle is 1 to 15 letters, digits or underscores, as in @jo_example"
MASTODON_RULE = (
    "a Mastodon handle is @user@server: a user name of up to 30 letters, digits or "
    "underscores, then the server's host name, as in @jo@social.example"
)
BLUESKY_RULE = (
    "a Bluesky handle is a domain name, as in jo.bsky.social: two or more labels of "
    "1 to 63 letters, digits or hyphens, at most 253 characters in all, the last "
    "label not starting with a digit"
)
WEBSITE_RULE = "a website is a full address starting with https:// (or http://)"

X_NAME = re.compile(r"[A-Za-z0-9_]{1,15}")
MASTODON_USER = re.compile(r"[A-Za-z0-9_]{1,30}")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_X_HOSTS = {"x.com", "twitter.com"}
_X_URL_PREFIXES = ("www.", "mobile.")

# How each network is named to readers ("Follow @jo on X").
NETWORK_NAMES = {"x": "X", "mastodon": "Mastodon", "bluesky": "Bluesky"}


class HandleError(ValueError):
    """A value that is not a handle of its network: what is wrong, and the rule."""

    def __init__(self, reason: str, rule: str) -> None:
        super().__init__(f"{reason}; {rule}")
        self.reason = reason
        self.rule = rule


@dataclass(frozen=True)
class Handle:
    """One valid handle on one network, with everything a page needs of it."""

    network: str  # "x", "mastodon" or "bluesky"
    name: str  # jo_example, jo@social.example, jo.bsky.social
    url: str  # the profile's address
    network_name: str  # "X", "Mastodon", "Bluesky", or "Twitter" on twitter.com

    @property
    def text(self) -> str:
        """The handle as people write it: @jo_example, @jo@social.example."""
        return "@" + self.name

    def __str__(self):
        return self.text


def x_network_name(domain: str) -> str:
    """What to call X on a site that links to `domain` (twitter.com: "Twitter")."""
    return "Twitter" if domain == "twitter.com" else NETWORK_NAMES["x"]


def parse_x(raw: object, domain: str = "x.com") -> Handle:
    """An X handle from `@name`, `name` or https://x.com/name (or twitter.com)."""
    text, host, parts = _read(raw, X_RULE)
    if host is not None:
        if _strip_prefixes(host) not in _X_HOSTS:
            raise HandleError(f"{host} is not x.com or twitter.com", X_RULE)
        if len(parts) != 1:
            raise HandleError("the address is not a profile's (x.com/<name>)", X_RULE)
        text = parts[0]
    name = text.removeprefix("@")
    _check_x_name(name)
    return Handle("x", name, f"https://{domain}/{name}", x_network_name(domain))


def parse_mastodon(raw: object) -> Handle:
    """A Mastodon handle from `@user@server`, `user@server` or https://server/@user."""
    text, host, parts = _read(raw, MASTODON_RULE)
    if host is None:
        user, at, host = text.removeprefix("@").partition("@")
        if not at:
            raise HandleError(f"{text!r} names no server", MASTODON_RULE)
    elif len(parts) == 1 and parts[0].startswith("@"):
        user = parts[0][1:]
    else:
        profile = "https://server/@user"
        raise HandleError(f"the address is not a profile's ({profile})", MASTODON_RULE)
    if not MASTODON_USER.fullmatch(user):
        raise HandleError(f"the user name {user!r} is not allowed", MASTODON_RULE)
    host = host.lower()
    check_host_name(host, MASTODON_RULE)
    return Handle(
        "mastodon", f"{user}@{host}", f"https://{host}/@{user}", NETWORK_NAMES["mastodon"]
    )


def parse_bluesky(raw: object) -> Handle:
    """A Bluesky handle from `name.bsky.social`, `@name.bsky.social` or its bsky.app URL."""
    text, host, parts = _read(raw, BLUESKY_RULE)
    if host is not None:
        if _strip_prefixes(host) != "bsky.app" or len(parts) != 2 or parts[0] != "profile":
            raise HandleError(
                "the address is not a profile's (https://bsky.app/profile/<handle>)",
                BLUESKY_RULE,
            )
        text = parts[1]
    name = text.removeprefix("@").lower()
    if name.startswith("did:"):
        raise HandleError(f"{text!r} is an account's DID, not its handle", BLUESKY_RULE)
    check_host_name(name, BLUESKY_RULE)
    return Handle(
        "bluesky", name, f"https://bsky.app/profile/{name}", NETWORK_NAMES["bluesky"]
    )


def parse_website(raw: object) -> str:
    """A website's address, if it is an absolute http(s) URL with a valid host."""
    text = _clean(raw, WEBSITE_RULE)
    if any(character.isspace() or character in "<>\"'`" for character in text):
        raise HandleError("the address contains a space or a quote", WEBSITE_RULE)
    # Control and format characters: urlsplit drops those before the scheme, as
    # browsers do, so "\x01https://…" would pass as an https address.
    if not text.isprintable():
        raise HandleError("the address contains an invisible character", WEBSITE_RULE)
    try:
        parts = urlsplit(text)
        hostname = parts.hostname
        parts.port  # noqa: B018 (raises ValueError on a port that is not a number)
    except ValueError as error:
        raise HandleError(f"the address cannot be read ({error})", WEBSITE_RULE) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise HandleError("the address does not start with https://", WEBSITE_RULE)
    if not hostname:
        raise HandleError("the address names no host", WEBSITE_RULE)
    check_host_name(hostname, WEBSITE_RULE)
    return text


def website_label(url: str) -> str:
    """A website as readers see it: its host, without www."""
    return _strip_prefixes(urlsplit(url).hostname or url, ("www.",))


def check_host_name(name: str, rule: str) -> None:
    """Raise HandleError unless `name` is a public host name (a.b, not an address)."""
    if len(name) > 253:
        raise HandleError(f"it is {len(name)} characters long, over 253", rule)
    labels = name.split(".")
    if len(labels) < 2:
        raise HandleError(f"{name!r} has no dot", rule)
    for label in labels:
        if not label:
            raise HandleError(f"{name!r} has an empty label", rule)
        if len(label) > 63:
            raise HandleError(f"the label {label[:20]!r}… is over 63 characters", rule)
        if not _LABEL.fullmatch(label):
            raise HandleError(
                f"the label {label!r} has a character other than a letter, digit or "
                "hyphen, or starts or ends with a hyphen",
                rule,
            )
    if labels[-1][0].isdigit():
        raise HandleError(f"the last label {labels[-1]!r} starts with a digit", rule)


def _check_x_name(name):
    if not name:
        raise HandleError("it is empty", X_RULE)
    if len(name) > 15:
        raise HandleError(f"{name!r} is {len(name)} characters long", X_RULE)
    if not X_NAME.fullmatch(name):
        bad = next(character for character in name if not X_NAME.fullmatch(character))
        raise HandleError(f"{name!r} contains {bad!r}", X_RULE)


def _clean(raw, rule):
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise HandleError("it is empty", rule)
    return text


def _read(raw, rule):
    """(text, host, path segments) of a handle as written; host is None unless a URL."""
    text = _clean(raw, rule)
    url = _split_url(text, rule)
    if url is None:
        return text, None, []
    host, path = url
    return text, host, [part for part in path.split("/") if part]


def _split_url(text, rule):
    """(host, path) when `text` is an http(s) URL; None when it is not a URL at all."""
    if "://" not in text:
        return None
    try:
        parts = urlsplit(text)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:
        scheme, host = "", None
    if scheme not in ("http", "https") or not host:
        raise HandleError(f"{text!r} is not an http(s) address", rule)
    return host.lower(), parts.path


def _strip_prefixes(host, prefixes=_X_URL_PREFIXES):
    for prefix in prefixes:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host
