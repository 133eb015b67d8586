"""The series feature's settings, and how it prepares a build to read its content.

Profiles and series descriptions live in folders of their own under the
content folder: they are kept out of articles and pages, and the admonition
extension that marks the host's note is switched on.
"""

from __future__ import annotations

from typing import Any

from ..core.settings import (
    Schema,
    Setting,
    label_template,
    positive_whole_number,
    relative_path,
    slug_pattern,
    x_handle,
)

SCHEMA = Schema(
    "series",
    (
        Setting(
            "GUEST_SERIES_URL",
            "series/{slug}/",
            "the address of each series page; {slug} is the series' slug",
            (str,),
            parse=slug_pattern,
        ),
        Setting(
            "GUEST_SERIES_SAVE_AS",
            "series/{slug}/index.html",
            "where each series page is written under the output folder",
            (str,),
            parse=slug_pattern,
        ),
        Setting(
            "GUEST_SERIES_INDEX_URL",
            "series/",
            "the address of the page listing every series",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_INDEX_SAVE_AS",
            "series/index.html",
            "where the page listing every series is written; '' writes none",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_DEFAULT_SINGULAR",
            "Guest",
            "what a series without a description (or without Singular) calls one post",
            (str,),
        ),
        Setting(
            "GUEST_SERIES_NUMBER_LABEL",
            "Guest #{number}",
            "the label of a post's number in its series",
            (str,),
            parse=label_template,
        ),
        Setting(
            "GUEST_SERIES_POSITION_LABEL",
            "{number} of {count}",
            "the label of a post's place among the published posts of its series",
            (str,),
            parse=label_template,
        ),
        Setting(
            "GUEST_SERIES_PREVIOUS_LABEL",
            "Previous {singular}: {title}",
            "the link to the post before, in the series",
            (str,),
            parse=label_template,
        ),
        Setting(
            "GUEST_SERIES_NEXT_LABEL",
            "Next {singular}: {title}",
            "the link to the post after, in the series",
            (str,),
            parse=label_template,
        ),
        Setting(
            "GUEST_SERIES_ALL_LABEL",
            "All {count} {plural}",
            "the link to the series page",
            (str,),
            parse=label_template,
        ),
        Setting(
            "GUEST_SERIES_LABEL_MAX_LENGTH",
            60,
            "the longest Short_title (or Title, when there is none) a label takes",
            (int,),
            parse=positive_whole_number,
        ),
        Setting(
            "GUEST_SERIES_HOST_NOTE_WARNING",
            True,
            "warn about a series post without a host's note; off here for every "
            "series, or in one series' description with `Host_notes: off` (never "
            "for a series none of whose posts has a note)",
            (bool,),
        ),
        Setting(
            "GUEST_SERIES_SITE_X_HANDLE",
            None,
            'the blog\'s own X handle for the twitter:site tag, e.g. "@ollie_example"; '
            "None: no such tag",
            (str,),
            optional=True,
            parse=x_handle,
        ),
    ),
    metadata_fields=("series", "series_index", "short_title", "twitter", "x"),
)

# Markdown extensions the content format relies on: the host's note is an admonition.
REQUIRED_MARKDOWN_EXTENSIONS = ("markdown.extensions.admonition",)


def prepare_settings(pelican: Any, **kwargs: Any) -> None:
    """initialized: make Pelican read content the way the series format says."""
    settings = pelican.settings
    # Profiles and series descriptions are not articles nor pages.
    own_folders = [
        settings["GUEST_SERIES_PROFILES_PATH"],
        settings["GUEST_SERIES_DESCRIPTIONS_PATH"],
    ]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(settings.get(key, []))
        excludes += [folder for folder in own_folders if folder not in excludes]
        settings[key] = excludes

    extension_configs = settings.setdefault("MARKDOWN", {}).setdefault(
        "extension_configs", {}
    )
    for extension in REQUIRED_MARKDOWN_EXTENSIONS:
        extension_configs.setdefault(extension, {})
