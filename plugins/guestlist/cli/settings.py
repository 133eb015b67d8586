"""The commands' settings: where `make newpost` puts a new post."""

from ..core.settings import Schema, Setting, relative_path

SCHEMA = Schema(
    "cli",
    (
        Setting(
            "GUEST_SERIES_NEW_POSTS_PATH",
            "posts",
            "the folder under PATH where `make newpost` puts new posts",
            (str,),
            parse=relative_path,
        ),
    ),
)
