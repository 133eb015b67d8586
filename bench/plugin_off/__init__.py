"""Measurement scaffolding for the benchmark's configuration D: no guestlist plugins.

D is Guestlist's publish build with the guestlist plugins turned off, so that
A − D is the plugin's own cost. The theme stays as it is; this stand-in only
gives it what the plugin would have set, empty, so that it renders as for a
blog with no series and no profiles:

- `article.series` is None. Without the plugin it is the raw `Series:` text of
  the metadata, which `{% if article.series %}` would take for a series.
- `article.guest` is None (no profile).
- `guest_series` and `guest_profiles` in the context are empty.

It does none of the plugin's work, so it costs next to nothing. When the plugin
gives templates a new attribute that the raw metadata would shadow, set it to
None here too.
"""

from pelican import signals

# Attributes the plugin sets on every article, which Pelican would otherwise
# fill from a metadata field of the same name.
PLUGIN_ATTRIBUTES = ("series", "guest")


def blank_plugin_attributes(generator, **kwargs):
    """Give every article the 'nothing here' value of each plugin attribute."""
    for article in generator.articles + generator.drafts + generator.hidden_articles:
        for name in PLUGIN_ATTRIBUTES:
            setattr(article, name, None)
    generator.context["guest_series"] = []
    generator.context["guest_profiles"] = {}


def register():
    signals.article_generator_finalized.connect(blank_plugin_attributes)
