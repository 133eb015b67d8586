"""guestlist.build: a build on every core, rendering only what an edit changed.

Reading (prereading.py) and rendering (writer.py) run in forked worker
processes (workers.py); with the content cache on, pages and feeds whose
inputs did not change are not rendered again (memo.py, fingerprints.py).
"""

from __future__ import annotations

from pelican import signals

from ..core.lifecycle import connect_core
from .prereading import expect_files
from .writer import get_writer


def register() -> None:
    connect_core()
    signals.get_writer.connect(get_writer)
    signals.article_generator_init.connect(expect_files)
    signals.page_generator_init.connect(expect_files)
