"""The demo in content/ builds as its golden snapshot, tests/golden/ (`make golden`).

Every other test builds a site of its own; this is the one test of the shipped
demo's output. A host who replaces content/ with their own blog deletes
tests/golden/, and this test skips.
"""

import pytest

from tools import golden

# Lines of the diff shown in the failure; `python tools/golden.py --check` shows all.
SHOWN = 300


# Skipped only when there is no snapshot at all: a host who replaced the demo in
# content/ with their own blog deletes tests/golden/. Anything else is a failure.
@pytest.mark.skipif(
    not golden.GOLDEN.is_dir(),
    reason="tests/golden/ is not there: the demo's snapshot was deleted, as a host "
    "who replaced content/ with their own blog does (make golden writes one)",
)
def test_the_demo_builds_as_its_golden_snapshot():
    diff = golden.check()
    if diff:
        lines = diff.splitlines()
        if len(lines) > SHOWN:
            lines = [
                *lines[:SHOWN],
                f"... {len(lines) - SHOWN} more lines: python tools/golden.py --check",
            ]
        pytest.fail(
            "The demo's output differs from tests/golden/. If the change is meant, "
            "run `make golden` and commit tests/golden/ with it.\n" + "\n".join(lines),
            pytrace=False,
        )
