"""Every setting of the theme, with its default and what it means.

Read once, at `initialized`: defaults are filled in, each value is checked,
and what the templates need is computed. A bad value is reported with the
setting's name and what to write instead, and a safe value takes its place
(the default, the nearest legible colour, or nothing), so a typo in
pelicanconf.py never breaks the build nor reaches the page.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from .colours import AA_TEXT, Colour, contrast, legible_on, worst_contrast
from .host import profile_link
from .palette import DEFAULT_ACCENT, DEFAULT_ACCENT_DARK, backgrounds

logger = logging.getLogger(__name__)

# Contrast the derived dark-scheme accent aims at: AAA, because a mid-tone
# that only just passes looks dim on a dark page.
DERIVED_DARK_CONTRAST = 7.0

DEFAULTS = {
    # The site's name and subtitle are Pelican's SITENAME and SITESUBTITLE.
    # The host's name, shown in the footer; None means AUTHOR.
    "THEME_HOST_NAME": None,
    # The host's handle, linked in the footer with rel="me": "@name" (X),
    # "@user@server" (Mastodon) or "name.example.com" (Bluesky). None: no link.
    "THEME_HOST_HANDLE": None,
    # Links and focus rings, as #rrggbb. Darkened if it is below WCAG AA
    # (4.5:1) on any of the theme's light backgrounds.
    "THEME_ACCENT_COLOUR": DEFAULT_ACCENT,
    # The accent in the dark scheme. None: THEME_ACCENT_COLOUR's hue lightened
    # to 7:1 on the dark backgrounds. Lightened if it is below AA.
    "THEME_ACCENT_COLOUR_DARK": None,
    # Extra links in the footer, as (text, address) pairs; an address is
    # http(s)://, mailto: or a path from the site's root such as "/colophon/"
    # (which follows SITEURL, so it holds on a site published under a folder).
    "THEME_FOOTER_LINKS": (),
}

# Computed here for the templates (not meant to be set by hand):
#   THEME_HOST_LINK     a guest_series Handle, or None
#   THEME_FOOTER_ITEMS  a FooterLink for each usable THEME_FOOTER_LINKS pair
#   THEME_ACCENT_CSS    the custom properties that override the stylesheet's
#                       accent, or "" when the accent is the stylesheet's own

ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class FooterLink:
    """A footer link: elsewhere, `address` as given; on the site, a path from its root."""

    text: str
    address: str
    on_site: bool  # the template writes {{ SITEURL }}/{{ address }}


def prepare_theme_settings(pelican, **kwargs):
    """Fill in the theme's defaults and compute what its templates show."""
    settings = pelican.settings
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    if not settings["THEME_HOST_NAME"]:
        settings["THEME_HOST_NAME"] = settings.get("AUTHOR")
    settings["THEME_HOST_LINK"] = host_link(
        settings["THEME_HOST_HANDLE"], settings.get("GUEST_SERIES_X_DOMAIN", "x.com")
    )
    settings["THEME_FOOTER_ITEMS"] = footer_links(settings["THEME_FOOTER_LINKS"])
    light, dark = accent_colours(
        settings["THEME_ACCENT_COLOUR"], settings["THEME_ACCENT_COLOUR_DARK"]
    )
    settings["THEME_ACCENT_CSS"] = accent_css(light, dark)


def host_link(handle, x_domain="x.com"):
    """The host's Handle, or None when there is no handle or it is not one."""
    if not handle:
        return None
    try:
        return profile_link(handle, x_domain)
    except ValueError as error:
        logger.warning("Setting THEME_HOST_HANDLE: %s. The footer shows no handle.", error)
        return None


def footer_links(links):
    """A FooterLink for each (text, address) pair safe to show; warn about the rest."""
    kept = []
    try:
        entries = list(links or ())
    except TypeError:
        entries = [links]
    for place, entry in enumerate(entries, start=1):
        if (
            not isinstance(entry, (tuple, list))
            or len(entry) != 2
            or not all(isinstance(part, str) and part.strip() for part in entry)
        ):
            logger.warning(
                "Setting THEME_FOOTER_LINKS, link %d: %r is not a (text, address) "
                'pair such as ("Colophon", "/colophon/"); it is left out.',
                place,
                entry,
            )
            continue
        text, address = (part.strip() for part in entry)
        parts = urlsplit(address)
        scheme = parts.scheme.lower()
        if scheme and scheme not in ALLOWED_LINK_SCHEMES:
            logger.warning(
                "Setting THEME_FOOTER_LINKS, link %d (%r): the address %r is not "
                "http(s)://, mailto: or a path on the site; it is left out.",
                place,
                text,
                address,
            )
            continue
        on_site = not scheme and not parts.netloc
        kept.append(FooterLink(text, address.lstrip("/") if on_site else address, on_site))
    return tuple(kept)


def accent_colours(light_setting, dark_setting):
    """The accent for each scheme, as Colours that reach WCAG AA on its backgrounds."""
    light = _colour_setting("THEME_ACCENT_COLOUR", light_setting, DEFAULT_ACCENT)
    light = light or Colour.parse(DEFAULT_ACCENT)
    light = _legible("THEME_ACCENT_COLOUR", light, "light", AA_TEXT)
    dark = None
    if dark_setting is not None:
        dark = _colour_setting(
            "THEME_ACCENT_COLOUR_DARK", dark_setting, "THEME_ACCENT_COLOUR lightened"
        )
    if dark is None:
        return light, legible_on(light, backgrounds("dark"), DERIVED_DARK_CONTRAST)
    return light, _legible("THEME_ACCENT_COLOUR_DARK", dark, "dark", AA_TEXT)


def accent_css(light, dark):
    """CSS that sets the accent custom properties, or "" for the stylesheet's own."""
    if (light.hex, dark.hex) == (DEFAULT_ACCENT, DEFAULT_ACCENT_DARK):
        return ""
    return (
        f":root{{--accent:{light.hex}}}"
        f"@media (prefers-color-scheme:dark){{:root{{--accent:{dark.hex}}}}}"
    )


def _colour_setting(name, value, fallback):
    """The Colour `value` names, or None (with a warning naming `fallback`)."""
    try:
        return Colour.parse(value)
    except ValueError:
        logger.warning(
            "Setting %s = %r is not a colour; write it as #rrggbb. Using %s.",
            name,
            value,
            fallback,
        )
        return None


def _legible(name, colour, scheme, minimum):
    surfaces = backgrounds(scheme)
    if worst_contrast(colour, surfaces) >= minimum:
        return colour
    fixed = legible_on(colour, surfaces, minimum)
    worst = min(surfaces, key=lambda background: contrast(colour, background))
    logger.warning(
        "Setting %s = %r has a contrast of %.1f:1 on the %s background %s; WCAG AA "
        "needs %.1f:1 for text, so the theme uses %s, the nearest colour that "
        "reaches it. Set that colour (or one with more contrast) to silence this.",
        name,
        colour.hex,
        contrast(colour, worst),
        scheme,
        worst.hex,
        minimum,
        fixed.hex,
    )
    return fixed
