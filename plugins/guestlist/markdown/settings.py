"""The Markdown feature's settings: mentions and tweet cards."""

from ..core.handles import HandleError, parse_mastodon, parse_x
from ..core.settings import Schema, Setting


def mention_accounts(value: tuple | list) -> tuple[str, ...]:
    """Each account as @name or @user@server, checked, without repeats."""
    accounts = {}
    for raw in value:
        if not isinstance(raw, str):
            raise ValueError(f"lists {raw!r}; write each handle as text, e.g. '@jo'")
        text = raw.strip()
        try:
            if text.count("@") >= 1 + text.startswith("@"):
                handle = parse_mastodon(text)
            else:
                handle = parse_x(text)
        except HandleError as error:
            raise ValueError(
                f"lists {raw!r}, which is not an X or Mastodon handle ({error})"
            ) from error
        accounts.setdefault(handle.text.lower(), handle.text)
    return tuple(accounts.values())


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
            "GUEST_SERIES_MENTION_ACCOUNTS",
            None,
            "None: link any @name that reads as a person; a tuple of handles, e.g. "
            '("@jo_example", "@ann@social.example"): link only those and the handles '
            "in the guests' profiles",
            (tuple, list),
            optional=True,
            parse=mention_accounts,
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
