"""guest_series: guest-blogger series, guest profiles and their links for Pelican.

register() only wires the plugin's handlers to Pelican's signals; the work
lives in the modules named after each stage (see README.md beside this file).
"""

from pelican import signals

from ..feeds.generator import FeedsGenerator
from ..redirects.generator import add_redirect_generator
from ..sanitize.policy import sanitize_content
from .generator import GuestSeriesGenerator
from .settings import prepare_settings
from .social import attach_social_meta


def get_generators(pelican, **kwargs):
    """Add the generators: series and guests first, then the feeds that use them."""
    return (GuestSeriesGenerator, FeedsGenerator)


def register():
    signals.initialized.connect(prepare_settings)
    signals.get_generators.connect(get_generators)
    signals.get_generators.connect(add_redirect_generator)
    signals.content_object_init.connect(sanitize_content)
    signals.article_generator_write_article.connect(attach_social_meta)
