"""Each published post's card decided: where it goes, what it shows, its key.

Run once the posts, their series and guests are known and before any page is
written, so that `article.social_image` is there for the page's head. What a
guest gave that cannot be used is found here (images are decoded now when
their card must be drawn) and reported on its file and line, the generated
card taking its place. A card whose key is in the store is not drawn; one
that is not is left to draw when the cards are written (`card_bytes`), the
painter made for the first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image

from ..core.frontmatter import metadata_text
from ..core.initials import initials
from ..core.outputs import normal
from ..core.problems import WARNING, ContentProblem, display_path, problem
from ..core.settings import relative_path
from . import design
from .design import Colours
from .drawing import CardPainter, CardText, avatar_image, own_card
from .images import ImageFile, ImageRefused, format_of, read_image, read_own_image
from .keys import card_key
from .model import SocialImage
from .settings import IMAGE_FIELD
from .store import CardStore

logger = logging.getLogger(__name__)

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")


@dataclass
class CardPlan:
    """One post's card: where it is written, its key, and how to draw it if it must be."""

    source_path: str  # the post's file
    title: str
    save_as: str
    key: str
    # Set when the card is not in the store: draws it (once), as PNG bytes.
    draw: Callable[[], bytes] | None = field(default=None, repr=False)

    @property
    def drawn(self) -> bool:
        """Whether this build draws the card (its key is not in the store)."""
        return self.draw is not None


@dataclass
class Avatar:
    """A guest's avatar as cards use it: the file, and its pixels once decoded."""

    file: ImageFile
    pixels: Image.Image | None = None
    refused: bool = False


def published_posts(context: Mapping[str, Any]) -> Iterator[Any]:
    """Every published post and published translation, in the order Pelican lists them."""
    for article in context.get("articles", ()):
        yield article
        for translation in getattr(article, "translations", ()):
            if getattr(translation, "status", "") == "published":
                yield translation


def card_text(article: Any) -> CardText:
    """What the generated card of `article` says."""
    guest = getattr(article, "guest", None)
    author = getattr(article, "author", None)
    name = guest.name if guest is not None else getattr(author, "name", "") or ""
    position = getattr(article, "series", None)
    label = ""
    if position is not None and getattr(position, "label", "") and position.name:
        label = f"{position.label} in {position.name}"
    return CardText(
        title=" ".join(str(article.title).split()),
        name=name,
        initials=initials(name),
        label=label,
    )


def card_alt(text: CardText, site_name: str) -> str:
    """The card in words, as plain text: what a screen reader says of the preview."""
    alt = f"“{text.title}”"
    if text.name:
        alt += f" by {text.name}"
    if text.label:
        alt += f", {text.label}"
    if site_name:
        alt += f", on {site_name}"
    return alt


class CardPlanner:
    """Plans, and where needed draws, the cards of one build."""

    def __init__(
        self,
        settings: Mapping[str, Any],
        content_root: str | Path,
        store: CardStore | None,
    ) -> None:
        self.content_root = Path(content_root)
        self.store = store
        self.colours = Colours.from_settings(settings)
        self.site_name = " ".join(str(settings.get("SITENAME") or "").split())
        self.pattern = settings["GUEST_SERIES_CARD_SAVE_AS"]
        self.problems: list[ContentProblem] = []
        self._painter: CardPainter | None = None
        self._avatars: dict[str, Avatar | None] = {}
        self._taken: dict[str, str] = {}  # card path -> the post that has it

    def plan(self, posts: Iterable[Any]) -> list[CardPlan]:
        """A plan for each post that can have a card, setting its `social_image`."""
        plans = []
        for article in sorted(posts, key=lambda post: str(post.source_path)):
            plan = self.plan_one(article)
            article.social_image = (
                None
                if plan is None
                else SocialImage(
                    url=plan.save_as,
                    width=design.WIDTH,
                    height=design.HEIGHT,
                    alt=card_alt(card_text(article), self.site_name),
                )
            )
            if plan is not None:
                plans.append(plan)
        return plans

    def plan_one(self, article: Any) -> CardPlan | None:
        save_as = self._save_as(article)
        if save_as is None:
            return None
        title = " ".join(str(article.title).split())
        plan = CardPlan(str(article.source_path), title, save_as, key="")
        own = self._own_image(article)
        if own is not None and self._own_card(plan, own, article):
            return plan
        self._generated_card(plan, article)
        return plan

    # The guest's own image.

    def _own_image(self, article: Any) -> ImageFile | None:
        raw = metadata_text(getattr(article, "metadata", {}).get(IMAGE_FIELD))
        if raw is None:
            return None
        try:
            return read_own_image(raw, self.content_root)
        except ImageRefused as refused:
            self._refuse_own(article, raw, str(refused))
            return None

    def _own_card(self, plan: CardPlan, own: ImageFile, article: Any) -> bool:
        """Whether the guest's image made the card (False: it cannot, and it is said)."""
        plan.key = card_key(
            kind="own", image=own.digest, background=self.colours.background
        )
        if self._stored(plan.key):
            return True
        try:
            pixels = own.decoded()
        except ImageRefused as refused:
            self._refuse_own(
                article, metadata_text(article.metadata.get(IMAGE_FIELD)), str(refused)
            )
            return False
        self._keep(plan, lambda: own_card(pixels, self.colours))
        return True

    def _refuse_own(self, article: Any, raw: str | None, why: str) -> None:
        self.problems.append(
            problem(
                article.source_path,
                f"Image {raw!r} {why}; the post gets the generated card until it is fixed",
                field=IMAGE_FIELD,
                severity=WARNING,
                content_root=self.content_root,
            )
        )

    # The generated card.

    def _generated_card(self, plan: CardPlan, article: Any) -> None:
        text = card_text(article)
        guest = getattr(article, "guest", None)
        avatar = self._avatar(guest)
        plan.key = self._generated_key(text, avatar)
        if self._stored(plan.key):
            return
        if avatar is not None and avatar.pixels is None and not avatar.refused:
            self._decode(avatar, guest)
            if avatar.refused:
                plan.key = self._generated_key(text, avatar)
                if self._stored(plan.key):
                    return
        pixels = None if avatar is None or avatar.refused else avatar.pixels
        self._keep(plan, lambda: self.painter.card(text, pixels))

    def _generated_key(self, text: CardText, avatar: Avatar | None) -> str:
        usable = avatar is not None and not avatar.refused
        return card_key(
            kind="generated",
            text=asdict(text),
            avatar=avatar.file.digest if usable else None,
            site_name=self.site_name,
            colours=asdict(self.colours),
        )

    def _avatar(self, guest: Any) -> Avatar | None:
        """The guest's avatar, if it is a raster image (an SVG one: initials)."""
        relative = getattr(guest, "avatar", None)
        if not relative:
            return None
        if relative in self._avatars:
            return self._avatars[relative]
        path = self.content_root / relative
        avatar = None
        try:
            with path.open("rb") as file:
                head = file.read(16)
        except OSError:
            head = b""
        if format_of(head) is not None or path.suffix.lower() in RASTER_SUFFIXES:
            try:
                avatar = Avatar(read_image(path))
            except ImageRefused as refused:
                self._refuse_avatar(guest, str(refused))
        self._avatars[relative] = avatar
        return avatar

    def _decode(self, avatar: Avatar, guest: Any) -> None:
        try:
            avatar.pixels = avatar_image(avatar.file.decoded(), self.colours)
        except ImageRefused as refused:
            avatar.refused = True
            self._refuse_avatar(guest, str(refused))

    def _refuse_avatar(self, guest: Any, why: str) -> None:
        self.problems.append(
            problem(
                self.content_root / guest.source_path,
                f"Avatar {guest.avatar!r} {why}; social cards show the guest's initials "
                "until it is fixed",
                field="avatar",
                severity=WARNING,
                content_root=self.content_root,
            )
        )

    # Both.

    @property
    def painter(self) -> CardPainter:
        """The build's painter, made when the first card is drawn."""
        if self._painter is None:
            self._painter = CardPainter(self.colours, self.site_name)
        return self._painter

    def _stored(self, key: str) -> bool:
        return self.store is not None and self.store.has(key)

    def _keep(self, plan: CardPlan, draw: Callable[[], bytes]) -> None:
        """Leave the card to draw when the cards are written."""
        plan.draw = draw

    def _save_as(self, article: Any) -> str | None:
        """The card's path under the output folder; None (said) if it has none."""
        slug = str(getattr(article, "slug", "") or "")
        if not getattr(article, "in_default_lang", True):
            slug = f"{slug}-{article.lang}"
        path = normal(self.pattern.format(slug=slug))
        shown = display_path(article.source_path, self.content_root)
        other = self._taken.get(path)
        try:
            relative_path(path)
        except ValueError:
            why = f"its Slug {slug!r} would put its social card outside the output folder"
        else:
            if other is None:
                self._taken[path] = shown
                return path
            why = (
                f"its social card would be written to {path}, which is the card of {other}"
            )
        self.problems.append(
            problem(
                article.source_path,
                f"{why}, so it has no card; give it another Slug",
                field="slug",
                severity=WARNING,
                content_root=self.content_root,
            )
        )
        return None


def card_bytes(plan: CardPlan, store: CardStore | None) -> bytes:
    """The plan's card: drawn now and put in the store, or the store's own copy."""
    if plan.draw is not None:
        data = plan.draw()
        plan.draw = None  # drawn: let go of the pixels it was drawn from
        if store is not None:
            store.put(plan.key, data)
        return data
    data = store.get(plan.key) if store is not None else None
    if data is None:  # gone since it was planned: another build pruned it
        raise RuntimeError(
            f"the social card {plan.key}.png left the cache during the build; build again"
        )
    return data
