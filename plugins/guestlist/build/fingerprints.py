"""Digests of the values a template is given: equal digests, equal pages.

A page is rendered again only when a digest of what its template reads
changed (memo.py keeps the last build's). So a digest must change whenever
a value's rendering could, be the same in every run of the same site (no
ids, addresses or hash order), and be cheap enough to take for every page.

Pelican's Content objects are the hard part: a post links to its neighbours,
its series, its translations, each of which links back. A Content object is
the digest of its own attributes; Content it references (level 1: the
neighbours a series bar names, the translations) contributes its own
attributes too, and references inside those (level 2) only their class and
source path. Whatever changes at level 2 changes the site's map of source
paths to URLs (the per-build base, writer.py) or the level-1 object's own
attributes. Other objects (a Series, a paginator's Page) are their
attributes, to a depth and with cycles cut, but for a paginator, which is
its shape and its posts' titles and addresses (_of_paginator); functions
and classes are their qualified names.

Digests are memoised for one build, by id (the object is kept, so its id is
not reused): every page reads `pages`, and every post of a series its
members. Attributes a class computes and caches on first use
(`functools.cached_property`, Pelican's `_output_location_referenced`) are
left out: whether a page was rendered before must not change another's key.
"""

from __future__ import annotations

import datetime
import enum
import functools
import hashlib
import os
import re
import types
from collections.abc import Mapping, MutableMapping
from decimal import Decimal
from fractions import Fraction
from typing import Any
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican.contents import Content
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper

# Where a build keeps its Fingerprints: in its settings, like its problems.
FINGERPRINTS_SETTING = "GUESTLIST_FINGERPRINTS"

# Content at this level of reference or beyond is only (class, source path).
LAST_FULL_LEVEL = 1
# Plain objects nested deeper than this (below the nearest Content) are their class.
MAX_DEPTH = 8
# Attributes that hold the build's settings or context, or a lazy cache of a
# value the other attributes determine.
SKIPPED_ATTRIBUTES = frozenset(
    {"settings", "_settings", "context", "_context", "_output_location_referenced"}
)
MISSING = object()  # a name the template reads that the page's context lacks

_CALLABLE_TYPES = (
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.BuiltinMethodType,
    types.ModuleType,
    functools.partial,
    type,
)


class Fingerprints:
    """The digests of one build's values, each worked out once."""

    def __init__(self, settings: Mapping[str, Any]) -> None:
        self._settings = settings
        # (id, level) -> (digest, the object, kept alive so the id stays its own)
        self._memo: dict[tuple[int, int], tuple[bytes, Any]] = {}
        self._composites: dict[tuple[int, int], tuple[bytes, Any]] = {}
        self._cuts = 0  # how many digests were cut short, so far
        # A token no other run shares: for values with no stable digest, so
        # pages that read them are always rendered.
        self._unstable = os.urandom(16)

    def of(self, value: Any) -> bytes:
        """The digest of `value` as a template variable (Content in it at level 0)."""
        if _is_atom(value):
            return _sha(_atom(value))
        hit = self._memo.get((id(value), 0))
        if hit is not None and hit[1] is value:
            return hit[0]
        digest = hashlib.sha256()
        self._feed(digest, value, 0, 0, set())
        result = digest.digest()
        self._memo[(id(value), 0)] = (result, value)
        return result

    def of_content(self, content: Content, level: int) -> bytes:
        """A Content object's digest at a level of reference (the module's docstring)."""
        if level > LAST_FULL_LEVEL:
            return _sha(f"{_qualname(content)}@{content.source_path}".encode())
        hit = self._memo.get((id(content), level))
        if hit is not None and hit[1] is content:
            return hit[0]
        digest = hashlib.sha256(f"{_qualname(content)}@{level}:".encode())
        # A fresh depth and path: the digest depends on (object, level) only.
        self._feed_attributes(digest, content, level + 1, 0, set())
        result = digest.digest()
        self._memo[(id(content), level)] = (result, content)
        return result

    def _feed(self, digest, value, level, depth, path) -> None:
        """Add `value` to `digest`; Content in it is at `level`."""
        # The common values first, by their exact type: the chain of
        # isinstance tests below cost more than the hashing.
        encode = _EXACT_ATOMS.get(type(value))
        if encode is not None:
            digest.update(encode(value))
        elif _is_atom(value):
            digest.update(_atom(value))
        elif isinstance(value, Content):
            digest.update(b"C" + self.of_content(value, level))
        elif isinstance(value, URLWrapper):
            text = f"{_qualname(value)}:{value.name}:{value.slug}"
            digest.update(_atom(text))
        elif isinstance(value, _CALLABLE_TYPES):
            digest.update(_atom(f"callable:{_qualname(value)}"))
        elif value is self._settings or _is_settings(value):
            digest.update(b"<settings>")
        elif isinstance(value, Paginator):
            digest.update(self._of_paginator(value))
        else:
            digest.update(self._of_composite(value, level, depth, path))

    def _of_paginator(self, paginator: Paginator) -> bytes:
        """A paginator as its pages' links show it: its shape, its posts' titles and URLs.

        Each Page of a listing holds the paginator, and it every post of the
        listing: taken whole, an edit of any post of a tag would render every
        page of that tag again. A page's own posts are in its object_list,
        digested in full; through the paginator a template reaches the other
        pages' numbers and addresses, and at most their posts' titles.
        """
        key = (id(paginator), -1)
        hit = self._composites.get(key)
        if hit is not None and hit[1] is paginator:
            return hit[0]
        inner = hashlib.sha256(
            _atom(
                f"paginator:{paginator.name}:{paginator.url}:{paginator.per_page}:"
                f"{paginator.orphans}:{paginator.count}:{paginator.num_pages}"
            )
        )
        # A post's source path stands for its URL: the per-build base holds
        # every post's URL (keys.py), and asking Pelican for one is slow.
        for item in paginator.object_list:
            inner.update(_atom(str(getattr(item, "source_path", ""))))
            inner.update(_atom(str(getattr(item, "title", ""))))
        result = inner.digest()
        self._composites[key] = (result, paginator)
        return result

    def _of_composite(self, value, level, depth, path) -> bytes:
        """The digest of a mapping, sequence, set or plain object, once where it can be.

        Every page and every post met at level 1 reach the same few objects
        (the guests' profiles and their handles, a series, a paginator's list
        of every post): walking them again each time cost more than rendering.
        A digest is remembered, by id and level, unless something inside it
        was cut short (a cycle, the depth limit), which would make it depend
        on the way it was reached.
        """
        key = (id(value), level)
        hit = self._composites.get(key)
        if hit is not None and hit[1] is value:
            return hit[0]
        cuts = self._cuts
        inner = hashlib.sha256()
        if isinstance(value, Mapping):
            inner.update(f"{{{len(value)}:".encode())
            for key_, item in value.items():
                self._feed(inner, key_, level, depth, path)
                self._feed(inner, item, level, depth, path)
        elif isinstance(value, list | tuple):
            inner.update(f"[{_qualname(value)}:{len(value)}:".encode())
            for item in value:
                self._feed(inner, item, level, depth, path)
        elif isinstance(value, set | frozenset):
            # Sorted by digest: a set's order changes from run to run.
            items = []
            for item in value:
                one = hashlib.sha256()
                self._feed(one, item, level, depth, path)
                items.append(one.digest())
            inner.update(f"set:{len(items)}:".encode() + b"".join(sorted(items)))
        else:
            self._feed_object(inner, value, level, depth, path)
        result = inner.digest()
        if self._cuts == cuts:
            self._composites[key] = (result, value)
        return result

    def _feed_object(self, digest, value, level, depth, path) -> None:
        name = _qualname(value)
        if id(value) in path:
            self._cuts += 1
            digest.update(_atom(f"cycle:{name}"))
        elif depth >= MAX_DEPTH:
            self._cuts += 1
            digest.update(_atom(f"deep:{name}"))
        elif hasattr(value, "__dict__") or _slots_of(type(value)):
            digest.update(_atom(f"object:{name}"))
            path.add(id(value))
            try:
                self._feed_attributes(digest, value, level, depth + 1, path)
            finally:
                path.discard(id(value))
        else:
            digest.update(_atom(f"opaque:{name}"))
            text = self._opaque(value)
            digest.update(_atom(text) if text is not None else self._unstable)

    def _feed_attributes(self, digest, value, level, depth, path) -> None:
        cached = _lazy_attributes(type(value))
        attributes = dict(getattr(value, "__dict__", {}))
        for slot in _slots_of(type(value)):
            if hasattr(value, slot):
                attributes.setdefault(slot, getattr(value, slot))
        for key, item in attributes.items():
            if key in SKIPPED_ATTRIBUTES or key in cached:
                continue
            digest.update(_name(key))
            self._feed(digest, item, level, depth, path)

    def _opaque(self, value) -> str | None:
        """A stable text for an object with no attributes, or None if it has none."""
        if isinstance(value, ZoneInfo):
            return str(value.key)
        if isinstance(value, re.Pattern):
            return f"{value.pattern!r}/{value.flags}"
        if isinstance(value, os.PathLike):
            return os.fspath(value)
        if isinstance(value, Decimal | Fraction | complex):
            return repr(value)
        text = repr(value)
        return None if " at 0x" in text else text


def fingerprints_for(settings: MutableMapping[str, Any]) -> Fingerprints:
    """The build's Fingerprints (made on first use; writer.py makes them anew each run)."""
    found = settings.get(FINGERPRINTS_SETTING)
    if not isinstance(found, Fingerprints):
        found = settings[FINGERPRINTS_SETTING] = Fingerprints(settings)
    return found


def fingerprint_of(value: Any, settings: MutableMapping[str, Any]) -> str:
    """The digest of `value` for this build, as hex: for code outside the writer (feeds)."""
    return fingerprints_for(settings).of(value).hex()


def usage_digest(fingerprints: Fingerprints, value: Any, usage: str) -> bytes:
    """What a variable contributes to a page's key, given how its template uses it.

    A variable a template only tests (`{% if guest_series %}` in the site's
    menu) changes that page only by its truth, or by being defined at all:
    every page would otherwise be rendered again when any series post changes.
    """
    if usage == "defined":
        return b"defined" if value is not MISSING else b"undefined"
    if usage == "truth":
        if value is MISSING:
            return b"undefined"
        return b"true" if value else b"false"
    if value is MISSING:
        return b"missing"
    return fingerprints.of(value)


def _is_atom(value) -> bool:
    return value is None or isinstance(
        value, str | bytes | bool | int | float | datetime.date | datetime.time | enum.Enum
    )


def _atom(value) -> bytes:
    """An unambiguous encoding of a primitive value, with its type."""
    kind = type(value).__qualname__
    if isinstance(value, bytes):
        data = value
    elif isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
    elif isinstance(value, datetime.datetime | datetime.time):
        data = f"{value.isoformat()}|{value.tzinfo}".encode()
    elif isinstance(value, datetime.date):
        data = value.isoformat().encode()
    elif isinstance(value, enum.Enum):
        data = f"{value.name}={value.value!r}".encode()
    else:
        data = repr(value).encode()
    return f"{kind}:{len(data)}:".encode() + data


def _text_atom(kind: bytes):
    """A fast _atom for exact str (or Markup) values: the same bytes."""

    def encode(value: str) -> bytes:
        data = value.encode("utf-8", "surrogatepass")
        return b"%s:%d:%s" % (kind, len(data), data)

    return encode


def _number_atom(kind: bytes):
    """A fast _atom for exact bool, int and float values: the same bytes."""

    def encode(value: Any) -> bytes:
        data = repr(value).encode()
        return b"%s:%d:%s" % (kind, len(data), data)

    return encode


_EXACT_ATOMS = {
    str: _text_atom(b"str"),
    Markup: _text_atom(b"Markup"),
    bool: _number_atom(b"bool"),
    int: _number_atom(b"int"),
    float: _number_atom(b"float"),
    type(None): lambda value: b"NoneType:4:None",
}


@functools.cache
def _name(attribute: str) -> bytes:
    """An attribute's name as a digest takes it (the same few names, over and over)."""
    return _atom(attribute)


def _sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _qualname(value) -> str:
    if isinstance(value, types.ModuleType):
        return value.__name__
    if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, types.MethodType):
        return f"{_qualname(value.__func__)} of {_qualname(type(value.__self__))}"
    if isinstance(value, functools.partial):
        return f"partial {_qualname(value.func)}"
    kind = type(value)
    return f"{kind.__module__}.{kind.__qualname__}"


def _is_settings(value) -> bool:
    """Whether `value` is a build's settings or context (both hold every setting)."""
    return isinstance(value, dict) and "OUTPUT_PATH" in value and "THEME" in value


@functools.cache
def _lazy_attributes(kind: type) -> frozenset[str]:
    """The names of `kind`'s cached properties, which land in an instance's __dict__."""
    return frozenset(
        name
        for klass in kind.__mro__
        for name, member in vars(klass).items()
        if isinstance(member, functools.cached_property)
    )


@functools.cache
def _slots_of(kind: type) -> tuple[str, ...]:
    names: list[str] = []
    for klass in kind.__mro__:
        slots = vars(klass).get("__slots__", ())
        names += [slots] if isinstance(slots, str) else list(slots)
    return tuple(name for name in names if name not in ("__dict__", "__weakref__"))
