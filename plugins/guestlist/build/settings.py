"""How the build runs: how many processes, and whether unchanged pages render again."""

from ..core.settings import Schema, Setting


def process_count(value: int) -> int:
    if value < 0:
        raise ValueError("cannot be below 0; write 0 for every core, 1 for one process")
    return value


SCHEMA = Schema(
    "build",
    (
        Setting(
            "GUEST_SERIES_PROCESSES",
            0,
            "how many processes read and render the site: 0 uses every core the build "
            "may run on, 1 builds in one process (`make html JOBS=1`)",
            (int,),
            parse=process_count,
        ),
        Setting(
            "GUEST_SERIES_WRITE_CHANGED_ONLY",
            True,
            "with the content cache on, a page or feed whose inputs are those of the last "
            "build, and whose file is as that build wrote it, is not rendered again",
            (bool,),
        ),
    ),
)
