"""The pool of forked workers: what comes back, in order; a dead worker is an error."""

import logging
import os

import pytest

from guestlist.core.problems import COLLECTOR_SETTING, ContentProblem, ProblemCollector
from guestlist.core.workers import Captured, WorkerDied, capturing, map_forked


def test_a_worker_logs_and_problems_come_back_in_order():
    settings = {COLLECTOR_SETTING: ProblemCollector()}
    log = logging.getLogger("guestlist.test.worker")

    def work(index):
        with capturing(settings) as captured:
            log.warning("file %d has %s", index, {"a": object()})  # args that cannot pickle
            settings[COLLECTOR_SETTING].add(ContentProblem(f"f{index}.md", "wrong"))
        return index * index, captured

    results = map_forked(work, 40, 2)
    assert [value for value, _ in results] == [n * n for n in range(40)]
    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    keep = Keep()
    log.addHandler(keep)
    try:
        for _, captured in results:
            assert isinstance(captured, Captured)
            captured.replay(settings)
    finally:
        log.removeHandler(keep)
    assert [message.split(" has ")[0] for message in seen] == [
        f"file {n}" for n in range(40)
    ]
    assert [p.path for p in settings[COLLECTOR_SETTING].pending] == [
        f"f{n}.md" for n in range(40)
    ]


def test_a_worker_that_dies_is_an_error_not_a_wait():
    def work(index):
        if index == 20:
            os._exit(9)  # as the out-of-memory killer would end it
        return index

    with pytest.raises(WorkerDied, match="GUEST_SERIES_PROCESSES = 1"):
        map_forked(work, 40, 2)


def test_a_message_pelican_limits_is_dropped_on_replay_as_when_logged_here():
    # Pelican's loggers (Pelican sets their class) say a warning once a process.
    log = logging.getLogger("pelican.test.replayed")
    settings = {COLLECTOR_SETTING: ProblemCollector()}

    def work(index):
        with capturing(settings) as captured:
            log.warning("the same words, in every worker")
        return captured

    seen = []

    class Keep(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    keep = Keep()
    log.addHandler(keep)
    try:
        for captured in map_forked(work, 20, 2):
            captured.replay(settings)
    finally:
        log.removeHandler(keep)
    assert seen == ["the same words, in every worker"]
