"""`make golden`: write the demo's golden snapshot, tests/golden/, from content/.

The tests build sites of their own (tests/fixtures/); the demo in content/ is
tested by this snapshot alone: what its two builds write, kept in the
repository, so that a change to the demo's output shows as a diff to review.

    python tools/golden.py           write tests/golden/ afresh
    python tools/golden.py --check   compare; print a unified diff, exit 1 if it differs

The snapshot, one file per output file:

    html/      the .html files of the build `make html` makes (pelicanconf.py)
    publish/   the feeds (.xml) of the build `make publish` makes (publishconf.py,
               with GUESTLIST_SITEURL set to SITEURL below)
    files.txt  every file either build writes, the theme's and images too

Nothing is normalised: a Guestlist build is deterministic (two builds in two
processes, with different hash seeds and output folders, write the same
bytes), and no page or feed holds the time of the build or a path of the
machine. The one outside input is the clock: pelicanconf.py publishes no post
dated after the build, so the snapshot assumes a clock past the demo's dates.

A host who replaces content/ with their own blog deletes tests/golden/ (or
runs this again, to snapshot their own blog); tests/site/test_golden.py skips
when the folder is not there.
"""

import argparse
import contextlib
import difflib
import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.log import LimitFilter  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

CONTENT = ROOT / "content"
GOLDEN = ROOT / "tests" / "golden"
SITEURL = "https://ollie.example.com"
MANIFEST = "files.txt"
# Files in tests/golden/ that are not part of the snapshot.
NOT_SNAPSHOT = {"README.md"}


class BuildFailed(Exception):
    """A build logged errors: a snapshot of a broken build would hide them."""


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build(settings_file, content, output, env=None):
    """Build `content` into `output` with `settings_file`, in this process.

    `env` is set in os.environ while the settings are read (publishconf.py
    reads GUESTLIST_SITEURL). Raises BuildFailed if the build logged an error.
    """
    saved = {name: os.environ.get(name) for name in env or {}}
    os.environ.update(env or {})
    try:
        settings = read_settings(
            str(settings_file),
            override={
                "PATH": str(content),
                "OUTPUT_PATH": str(output),
                "CACHE_PATH": str(output.parent / "cache"),
                "LOAD_CONTENT_CACHE": False,
                "CACHE_CONTENT": False,
            },
        )
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    # Pelican logs a message once a process: an error an earlier build in this
    # process logged must be seen again.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        # Pelican's summary goes to stderr: stdout is for the diff.
        with contextlib.redirect_stdout(sys.stderr):
            Pelican(settings).run()
    finally:
        logging.getLogger().removeHandler(errors)
    if errors.messages:
        raise BuildFailed(
            f"building {content} with {Path(settings_file).name} logged errors:\n"
            + "\n".join(errors.messages)
        )


def _files(folder):
    return sorted(p for p in folder.rglob("*") if p.is_file())


def snapshot(content=CONTENT):
    """{path in tests/golden/: text} for the two builds of `content`."""
    with tempfile.TemporaryDirectory(prefix="guestlist-golden-") as temp:
        html, publish = Path(temp) / "html", Path(temp) / "publish"
        build(ROOT / "pelicanconf.py", content, html)
        build(
            ROOT / "publishconf.py",
            content,
            publish,
            env={"GUESTLIST_SITEURL": SITEURL},
        )
        texts, listed = {}, []
        for name, output, suffix in (("html", html, ".html"), ("publish", publish, ".xml")):
            for path in _files(output):
                relative = f"{name}/{path.relative_to(output).as_posix()}"
                listed.append(relative)
                if path.suffix == suffix:
                    texts[relative] = path.read_bytes().decode("utf-8")
        texts[MANIFEST] = "".join(line + "\n" for line in listed)
        return texts


def stored(golden=GOLDEN):
    """{path in `golden`: text}: the snapshot kept in the repository."""
    return {
        path.relative_to(golden).as_posix(): path.read_bytes().decode("utf-8")
        for path in _files(golden)
        if path.relative_to(golden).as_posix() not in NOT_SNAPSHOT
    }


def differences(old, new, label="tests/golden"):
    """A unified diff from snapshot `old` to `new`; "" when they are the same."""
    chunks = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        lines = list(
            difflib.unified_diff(
                (before or "").splitlines(),
                (after or "").splitlines(),
                fromfile="/dev/null" if before is None else f"a/{label}/{key}",
                tofile="/dev/null" if after is None else f"b/{label}/{key}",
                lineterm="",
            )
        )
        if not lines:  # only the line endings or the last newline differ
            lines = [
                f"--- a/{label}/{key}",
                f"+++ b/{label}/{key}",
                "(line endings differ)",
            ]
        chunks.append("\n".join(lines) + "\n")
    return "".join(chunks)


def check(content=CONTENT, golden=GOLDEN):
    """The diff from the stored snapshot to what `content` builds now; "" if none."""
    return differences(stored(golden), snapshot(content))


def write(texts, golden=GOLDEN):
    """Make `golden` hold `texts`: write what changed, remove what is gone."""
    old = stored(golden) if golden.is_dir() else {}
    for key in old.keys() - texts.keys():
        (golden / key).unlink()
    for key, text in texts.items():
        if old.get(key) != text:
            target = golden / key
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
    for folder in sorted(golden.rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    changed = sum(1 for key in texts.keys() & old.keys() if old[key] != texts[key])
    return changed, len(texts.keys() - old.keys()), len(old.keys() - texts.keys())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="compare with tests/golden/ and print the difference; exit 1 if any",
    )
    args = parser.parse_args(argv)
    shown = GOLDEN.relative_to(ROOT).as_posix() + "/"
    try:
        if args.check:
            if not GOLDEN.is_dir():
                print(f"golden: there is no {shown} to compare with", file=sys.stderr)
                return 2
            diff = check()
            if diff:
                print(diff, end="")
                print(
                    f"golden: the demo's output differs from {shown} (above); if the "
                    f"change is meant, run `make golden` and commit {shown}",
                    file=sys.stderr,
                )
                return 1
            print(f"golden: the demo's output matches {shown}", file=sys.stderr)
            return 0
        texts = snapshot()
    except BuildFailed as error:
        print(f"golden: {error}", file=sys.stderr)
        return 2
    changed, added, removed = write(texts)
    print(
        f"golden: {shown} holds {len(texts)} files "
        f"({changed} changed, {added} new, {removed} removed)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
