"""`make settings-doc`: write docs/settings.md's table of settings from the schemas.

The table is made from each feature's settings.py, so it cannot say anything
the code does not; tests/core/test_settings_schema.py fails when it is stale.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from guestlist.core.settings import all_schemas, with_settings_table  # noqa: E402

DOCUMENT = ROOT / "docs" / "settings.md"


def main() -> int:
    text = DOCUMENT.read_text(encoding="utf-8")
    new = with_settings_table(text, all_schemas())
    if new != text:
        DOCUMENT.write_text(new, encoding="utf-8")
        print(f"Wrote the settings table in {DOCUMENT.relative_to(ROOT)}")
    else:
        print(f"{DOCUMENT.relative_to(ROOT)} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
