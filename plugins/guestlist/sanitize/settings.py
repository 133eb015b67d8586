"""The sanitiser's settings, and the metadata field with which a file keeps raw HTML."""

from ..core.settings import Schema, Setting
from .policy import ALLOW_FIELD

SCHEMA = Schema(
    "sanitize",
    (
        Setting(
            "GUEST_SERIES_SANITIZE",
            True,
            "remove scripts, iframes, on…= attributes and javascript: links from every "
            "post, page, profile and series description as it is read",
            (bool,),
        ),
    ),
    metadata_fields=(ALLOW_FIELD,),
)
