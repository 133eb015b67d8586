"""`make publish`: build the site for the web, and put it in place only if it is whole.

Pelican writes into its output folder as it goes, so a build that fails
halfway leaves half a site there; a deploy right after would upload it. This
builds into a fresh folder beside the output (`output.new-…`, ignored by
Git), counts every error the build logs, and only when there is none swaps
the new folder in for the old one. Otherwise the new folder is removed and
the previous output is left exactly as it was.

Any option Pelican accepts may follow (`make publish PELICANOPTS=...`).
"""

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from pelican import get_instance, parse_arguments
from pelican.log import init as init_logging

logger = logging.getLogger("publish")


class _CountErrors(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record):
        self.count += 1


def build(content, new_output, settings_file, pelican_options):
    """Build into `new_output`; return the errors counted and the settings read.

    A build that raises is logged here as a critical error, so it counts too.
    """
    args = parse_arguments(
        [str(content), "-o", str(new_output), "-s", str(settings_file), *pelican_options]
    )
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican")
    errors = _CountErrors()
    logging.getLogger().addHandler(errors)
    settings = {}
    try:
        pelican, settings = get_instance(args)
        pelican.run()
    except Exception as error:  # the build's failure, reported once, never shipped
        logger.critical(
            "The build stopped: %s: %s",
            type(error).__name__,
            error,
            exc_info=args.verbosity == logging.DEBUG,
        )
    finally:
        logging.getLogger().removeHandler(errors)
    return errors.count, settings


def keep_retained(old_output, new_output, retained):
    """Carry over what OUTPUT_RETENTION keeps (.git, CNAME …) from the old output."""
    for name in retained:
        source, target = old_output / name, new_output / name
        if not source.exists() or target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True)
        else:
            shutil.copy2(source, target)


def swap_in(new_output, output):
    """Put `new_output` where `output` is, keeping the old one until that worked."""
    if not output.exists():
        new_output.rename(output)
        return
    old = Path(tempfile.mkdtemp(prefix=f"{output.name}.old-", dir=output.parent))
    old.rmdir()
    output.rename(old)
    try:
        new_output.rename(output)
    except OSError:
        old.rename(output)  # put the previous site back before giving up
        raise
    shutil.rmtree(old)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--settings", default="publishconf.py")
    args, pelican_options = parser.parse_known_args(argv)

    output = Path(args.output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    new_output = Path(tempfile.mkdtemp(prefix=f"{output.name}.new-", dir=output.parent))
    try:
        errors, settings = build(args.content, new_output, args.settings, pelican_options)
        if errors:
            shown = "1 error" if errors == 1 else f"{errors} errors"
            print(
                f"Nothing published: the build reported {shown}; fix them and run "
                f"make publish again. {output.name}/ is unchanged.",
                file=sys.stderr,
            )
            return 1
        if output.exists():
            keep_retained(output, new_output, settings.get("OUTPUT_RETENTION", []))
        swap_in(new_output, output)
    finally:
        if new_output.exists():
            shutil.rmtree(new_output)
    print(f"Published to {output.name}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
