"""CardsGenerator: a social card for each published post, planned, then written.

Pelican runs it after the series generator, so each post's series and guest
are known in `generate_context`; there each card is planned (planning.py)
and its path claimed before any post or static file (core/outputs.py), so
nothing a guest writes can replace a card, and `article.social_image` is set
before any page is written. `generate_output` writes each card whose file
is not already those bytes, drawing first those the store lacks: an
unchanged post's card is neither drawn nor written.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from pelican.generators import Generator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..core.outputs import claim_outputs
from ..core.problems import collector_for, display_path
from ..core.workers import map_forked, processes_for
from .planning import CardPlan, CardPlanner, card_bytes, published_posts
from .store import CardStore, store_for

logger = logging.getLogger(__name__)


class CardsGenerator(Generator):
    """The cards of one build."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plans: list[CardPlan] = []
        self.store: CardStore | None = None

    def generate_context(self) -> None:
        if not self.settings.get("GUEST_SERIES_CARDS"):
            for article in published_posts(self.context):
                article.social_image = None
            return
        self.store = store_for(self.settings)
        planner = CardPlanner(self.settings, self.path, self.store)
        self.plans = planner.plan(published_posts(self.context))
        collector_for(self.settings).extend(planner.problems)
        claim_outputs(
            self.context,
            {
                plan.save_as: "the social card of "
                + display_path(plan.source_path, self.path)
                for plan in self.plans
            },
        )

    def generate_output(self, writer: Writer) -> None:
        """Draw the cards not in the store, and write each that output/ lacks."""
        drawn = sum(plan.drawn for plan in self.plans)
        started = time.process_time()
        # Drawing is most of a cold build's card time (some 7 ms a card):
        # the build's worker processes share it, each writing the cards it
        # draws, so no card's bytes wait in memory for the others.
        pending = [plan for plan in self.plans if plan.drawn]
        stored = [plan for plan in self.plans if not plan.drawn]
        written = sum(
            map_forked(
                lambda index: self._write(pending[index]),
                len(pending),
                processes_for(self.settings),
            )
        )
        written += sum(self._write(plan) for plan in stored)
        if self.store is not None:
            self.store.keep_only(plan.key for plan in self.plans)
        logger.debug(
            "Social cards: %d drawn, %d from the cache, %d written, in %.0f ms of CPU "
            "in this process",
            drawn,
            len(self.plans) - drawn,
            written,
            (time.process_time() - started) * 1000,
        )

    def _write(self, plan: CardPlan) -> bool:
        """Write the plan's card unless its file holds those bytes; whether it wrote."""
        data = card_bytes(plan, self.store)
        target = Path(sanitised_join(self.output_path, plan.save_as))
        if _holds(target, data):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return True


def _holds(path: Path, data: bytes) -> bool:
    """Whether `path` is a file of exactly `data` (so it need not be written)."""
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False
