"""`make test-all`'s first step: fail fast, naming each program the full tier lacks.

The browser, validator and Lighthouse tests need programs pip cannot install;
without them those tests would fail one by one after minutes. This says at
once what is missing and the one command that installs it.
"""

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Where Debian puts Chromium, when it is not on PATH.
CHROMIUM_FALLBACK = Path("/usr/bin/chromium")
INSTALL = "bash .ci/install-tools (as root, or with sudo)"


def missing() -> list[str]:
    """What the full test tier needs that this machine does not have."""
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    needs = {
        "Chromium (Debian's chromium)": chromium or CHROMIUM_FALLBACK.is_file(),
        "a Java runtime, for the Nu HTML Checker": shutil.which("java"),
        "Node": shutil.which("node"),
        "Lighthouse (npm ci)": (ROOT / "node_modules" / ".bin" / "lighthouse").is_file(),
    }
    return [name for name, found in needs.items() if not found]


def main() -> int:
    lacking = missing()
    if not lacking:
        return 0
    print("make test-all needs what this machine lacks:", file=sys.stderr)
    for name in lacking:
        print(f"  - {name}", file=sys.stderr)
    print(f"Install them with: {INSTALL}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
