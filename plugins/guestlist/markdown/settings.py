"""The Markdown feature's settings: mentions and tweet cards."""

from ..core.settings import Schema, Setting

SCHEMA = Schema(
    "markdown",
    (
        Setting(
            "GUEST_SERIES_MENTIONS",
            True,
            "link @name (X) and @user@server (fediverse) in posts to the person's "
            "profile; a post can still say `Mentions: off`",
            (bool,),
        ),
        Setting(
            "GUEST_SERIES_X_WIDGETS",
            False,
            "load X's widgets.js on pages with tweet cards (a third-party script that "
            "tracks readers; the cards read well without it)",
            (bool,),
        ),
    ),
    metadata_fields=("mentions",),
)
