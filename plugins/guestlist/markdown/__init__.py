"""guestlist.markdown: the Markdown extensions of the content format.

Smart punctuation (typography.py), static tweet cards (tweets.py), @mention
links (mentions.py) and the host's note labelled as the host's (host_note.py)
are plain Python-Markdown extensions: none imports Pelican,
so Markdown can load each by name anywhere. plugin.py, imported only when
Pelican registers the plugin, switches them on in the site's settings.
"""


def register() -> None:
    from .plugin import register as register_plugin

    register_plugin()
