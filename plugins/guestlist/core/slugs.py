"""A name's address segment, made as Pelican makes it, with the site's settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pelican.utils import slugify


def slug_of(
    text: str,
    settings: Mapping[str, Any],
    *,
    regex_subs: Sequence | None = None,
    preserve_case: bool | None = None,
) -> str:
    """`text` slugified with the site's SLUG_REGEX_SUBSTITUTIONS and SLUGIFY_* settings.

    `regex_subs` and `preserve_case` replace the settings' own where an address
    is made otherwise (an author's page, a series' lower-case address).
    """
    if regex_subs is None:
        regex_subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    if preserve_case is None:
        preserve_case = settings.get("SLUGIFY_PRESERVE_CASE", False)
    return slugify(
        text,
        regex_subs=regex_subs,
        preserve_case=preserve_case,
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )
