"""The theme's settings, and what its templates need computed from them.

The schema checks each setting's type when the build starts (a wrong type
stops it). What only the theme can judge (a colour below WCAG AA, a footer
link with an unsafe address, a handle of no network) is reported as a
warning naming the setting, and a safe value takes its place: the nearest
legible colour, or nothing, so a typo never reaches the page.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..core.lifecycle import settings_file_of
from ..core.problems import WARNING, ContentProblem, collector_for
from ..core.settings import Schema, Setting
from .colours import AA_TEXT, Colour, contrast, legible_on, worst_contrast
from .host import profile_link
from .palette import DEFAULT_ACCENT, DEFAULT_ACCENT_DARK, backgrounds

# Contrast the derived dark-scheme accent aims at: AAA, because a mid-tone
# that only just passes looks dim on a dark page.
DERIVED_DARK_CONTRAST = 7.0

SCHEMA = Schema(
    "theme",
    (
        Setting(
            "THEME_HOST_NAME",
            None,
            "the host's name, shown in the footer; None: AUTHOR",
            (str,),
            optional=True,
        ),
        Setting(
            "THEME_HOST_HANDLE",
            None,
            'the host\'s handle, linked in the footer with rel="me": "@name" (X), '
            '"@user@server" (Mastodon) or "name.example.com" (Bluesky); None: no link',
            (str,),
            optional=True,
        ),
        Setting(
            "THEME_ACCENT_COLOUR",
            DEFAULT_ACCENT,
            "links and focus rings, as #rrggbb; darkened if below WCAG AA (4.5:1) on "
            "any of the theme's light backgrounds",
            (str,),
        ),
        Setting(
            "THEME_ACCENT_COLOUR_DARK",
            None,
            "the accent in the dark scheme; None: THEME_ACCENT_COLOUR's hue lightened "
            "to 7:1; lightened if below AA",
            (str,),
            optional=True,
        ),
        Setting(
            "THEME_FOOTER_LINKS",
            (),
            "extra footer links as (text, address) pairs; an address is http(s)://, "
            'mailto: or a path from the site\'s root such as "/colophon/"',
            (tuple, list),
        ),
        # Worked out here for the templates, never set by hand.
        Setting(
            "THEME_HOST_LINK", None, "the host's Handle, or None", (object,), computed=True
        ),
        Setting(
            "THEME_FOOTER_ITEMS",
            (),
            "a FooterLink for each usable THEME_FOOTER_LINKS pair",
            (tuple,),
            computed=True,
        ),
        Setting(
            "THEME_STYLESHEET",
            "",
            "the stylesheet's path in the output, its name carrying a hash of its "
            "content (theme/css/style.<hash>.css), set on every run; '' without one",
            (str,),
            computed=True,
        ),
        Setting(
            "THEME_ACCENT_CSS",
            "",
            "the custom properties that override the stylesheet's accent, or ''",
            (str,),
            computed=True,
        ),
    ),
)

# Reports one problem with a setting: (setting name, message).
Report = Callable[[str, str], None]


def _ignore(name: str, message: str) -> None:
    """For callers that only want the values (the palette's tests)."""


ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class FooterLink:
    """A footer link: elsewhere, `address` as given; on the site, a path from its root."""

    text: str
    address: str
    on_site: bool  # the template writes {{ SITEURL }}/{{ address }}


# The theme's templates that list posts through `articles_page`.
THEME_PAGINATED = ("index", "tag", "author")


def prepare_theme_settings(pelican: Any, **kwargs: Any) -> None:
    """initialized: compute what the theme's templates show from its settings."""
    settings = pelican.settings

    def report(name: str, message: str) -> None:
        collector_for(settings).add(
            ContentProblem(
                path=settings_file_of(settings),
                message=message,
                severity=WARNING,
                field=name,
            )
        )

    if not settings["THEME_HOST_NAME"]:
        settings["THEME_HOST_NAME"] = settings.get("AUTHOR")
    settings["THEME_HOST_LINK"] = host_link(
        settings["THEME_HOST_HANDLE"], settings["GUEST_SERIES_X_DOMAIN"], report
    )
    settings["THEME_FOOTER_ITEMS"] = footer_links(settings["THEME_FOOTER_LINKS"], report)
    light, dark = accent_colours(
        settings["THEME_ACCENT_COLOUR"], settings["THEME_ACCENT_COLOUR_DARK"], report
    )
    settings["THEME_ACCENT_CSS"] = accent_css(light, dark)
    # The theme's listings show their posts through a paginator: a template
    # then reads only the posts it shows, and an edit renders again only the
    # pages that list the post. One a host leaves out of PAGINATED_TEMPLATES
    # stays one page of every post (Pelican reads None as DEFAULT_PAGINATION).
    settings["PAGINATED_TEMPLATES"] = {
        **dict.fromkeys(THEME_PAGINATED, sys.maxsize),
        **settings["PAGINATED_TEMPLATES"],
    }


def host_link(handle: str | None, x_domain: str = "x.com", report: Report = _ignore) -> Any:
    """The host's Handle, or None when there is no handle or it is not one."""
    if not handle:
        return None
    try:
        return profile_link(handle, x_domain)
    except ValueError as error:
        report(
            "THEME_HOST_HANDLE", f"THEME_HOST_HANDLE: {error}; the footer shows no handle"
        )
        return None


def footer_links(links: Any, report: Report = _ignore) -> tuple[FooterLink, ...]:
    """A FooterLink for each (text, address) pair safe to show; report the rest."""
    name = "THEME_FOOTER_LINKS"
    kept = []
    for place, entry in enumerate(links, start=1):
        if (
            not isinstance(entry, (tuple, list))
            or len(entry) != 2
            or not all(isinstance(part, str) and part.strip() for part in entry)
        ):
            report(
                name,
                f"{name}, link {place}: {entry!r} is not a (text, address) pair such as "
                '("Colophon", "/colophon/"); it is left out',
            )
            continue
        text, address = (part.strip() for part in entry)
        parts = urlsplit(address)
        scheme = parts.scheme.lower()
        if scheme and scheme not in ALLOWED_LINK_SCHEMES:
            report(
                name,
                f"{name}, link {place} ({text!r}): the address {address!r} is not "
                "http(s)://, mailto: or a path on the site; it is left out",
            )
            continue
        on_site = not scheme and not parts.netloc
        kept.append(FooterLink(text, address.lstrip("/") if on_site else address, on_site))
    return tuple(kept)


def accent_colours(
    light_setting: str, dark_setting: str | None, report: Report = _ignore
) -> tuple[Colour, Colour]:
    """The accent for each scheme, as Colours that reach WCAG AA on its backgrounds."""
    light = _colour_setting("THEME_ACCENT_COLOUR", light_setting, DEFAULT_ACCENT, report)
    light = light or Colour.parse(DEFAULT_ACCENT)
    light = _legible("THEME_ACCENT_COLOUR", light, "light", AA_TEXT, report)
    dark = None
    if dark_setting is not None:
        dark = _colour_setting(
            "THEME_ACCENT_COLOUR_DARK",
            dark_setting,
            "THEME_ACCENT_COLOUR lightened",
            report,
        )
    if dark is None:
        return light, legible_on(light, backgrounds("dark"), DERIVED_DARK_CONTRAST)
    return light, _legible("THEME_ACCENT_COLOUR_DARK", dark, "dark", AA_TEXT, report)


def accent_css(light: Colour, dark: Colour) -> str:
    """CSS that sets the accent custom properties, or "" for the stylesheet's own."""
    if (light.hex, dark.hex) == (DEFAULT_ACCENT, DEFAULT_ACCENT_DARK):
        return ""
    return (
        f":root{{--accent:{light.hex}}}"
        f"@media (prefers-color-scheme:dark){{:root{{--accent:{dark.hex}}}}}"
    )


def _colour_setting(name: str, value: str, fallback: str, report: Report) -> Colour | None:
    """The Colour `value` names, or None (reported, naming `fallback`)."""
    try:
        return Colour.parse(value)
    except ValueError:
        report(
            name,
            f"{name} = {value!r} is not a colour; write it as #rrggbb (using {fallback})",
        )
        return None


def _legible(
    name: str, colour: Colour, scheme: str, minimum: float, report: Report
) -> Colour:
    surfaces = backgrounds(scheme)
    if worst_contrast(colour, surfaces) >= minimum:
        return colour
    fixed = legible_on(colour, surfaces, minimum)
    worst = min(surfaces, key=lambda background: contrast(colour, background))
    report(
        name,
        f"{name} = {colour.hex!r} has a contrast of {contrast(colour, worst):.1f}:1 on the "
        f"{scheme} background {worst.hex}; WCAG AA needs {minimum:.1f}:1 for text, so the "
        f"theme uses {fixed.hex}, the nearest colour that reaches it. Set that colour "
        "(or one with more contrast) to silence this",
    )
    return fixed
