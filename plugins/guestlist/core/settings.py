"""The settings schema: every feature declares its settings once, and they are checked once.

Each feature package has a `settings.py` whose `SCHEMA` lists its settings,
each with its type, default and one line of meaning (this module's own
`SCHEMA` holds the few that several features read). When a build starts,
`apply_schemas` fills in the defaults and checks every value against its
declaration and every GUEST_SERIES_* or THEME_* name against all of them, so
that a misspelt setting is an error naming the one that was meant, not a
value silently ignored. docs/settings.md is generated from the same schemas.
"""

from __future__ import annotations

import copy
import difflib
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pelican.settings import DEFAULT_CONFIG

from .handles import HandleError, check_host_name, parse_x
from .problems import ERROR, ContentProblem

# The names that belong to Guestlist; Pelican's own THEME, THEME_STATIC_DIR …
# are left to Pelican.
PREFIXES = ("GUEST_SERIES_", "THEME_")
GUESTLIST_PACKAGE = __package__.rpartition(".")[0]


class SettingsError(SystemExit):
    """The settings have errors: the build stops before reading any content.

    A SystemExit, because Pelican logs any Exception that ends a build with its
    traceback, and a mistake in the settings deserves its message alone: the
    errors are reported before this is raised, and this says the build stopped.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, accepted types and meaning.

    `parse`, when given, turns an accepted value into the one the build uses
    (a handle normalised, a domain lower-cased), raising ValueError with the
    reason when the value cannot be used. A `computed` setting is worked out by
    its feature for the templates; a host never sets it.
    """

    name: str
    default: Any
    meaning: str
    types: tuple[type, ...]
    optional: bool = False  # None is accepted, and means what `meaning` says
    parse: Callable[[Any], Any] | None = None
    computed: bool = False

    def read(self, value: Any) -> Any:
        """The value the build uses for `value`; ValueError says why it cannot be used."""
        if value is None:
            if self.optional:
                return None
            raise ValueError(f"cannot be None; write {self.type_name}")
        if not isinstance(value, self.types) or (
            isinstance(value, bool) and bool not in self.types
        ):
            raise ValueError(f"is {type(value).__name__}, not {self.type_name}")
        return self.parse(value) if self.parse else value

    @property
    def type_name(self) -> str:
        names = {
            str: "text",
            int: "a whole number",
            bool: "True or False",
            tuple: "a tuple",
            list: "a list",
        }
        written = " or ".join(
            dict.fromkeys(names.get(kind, kind.__name__) for kind in self.types)
        )
        return written + (" or None" if self.optional else "")


@dataclass(frozen=True)
class Schema:
    """The settings of one feature, and the metadata fields its content may use."""

    feature: str
    settings: tuple[Setting, ...]
    metadata_fields: tuple[str, ...] = field(default=())

    def __iter__(self) -> Iterator[Setting]:
        return iter(self.settings)

    def __getitem__(self, name: str) -> Setting:
        for setting in self.settings:
            if setting.name == name:
                return setting
        raise KeyError(name)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(setting.name for setting in self.settings)

    def default(self, name: str) -> Any:
        return copy.deepcopy(self[name].default)


@cache
def all_schemas() -> tuple[Schema, ...]:
    """The schema of every feature of the package, whichever are switched on.

    Found by looking for a `settings` module in each sub-package, so that
    core names no feature: a new feature is a new folder.
    """
    package = importlib.import_module(GUESTLIST_PACKAGE)
    schemas = []
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not module.ispkg:
            continue
        name = f"{GUESTLIST_PACKAGE}.{module.name}.settings"
        try:
            settings_module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        schemas.append(settings_module.SCHEMA)
    return tuple(schemas)


def known_metadata_fields() -> tuple[str, ...]:
    """Every metadata key a feature reads, lower-case."""
    return tuple(name for schema in all_schemas() for name in schema.metadata_fields)


def apply_schemas(
    settings: MutableMapping[str, Any],
    schemas: Iterable[Schema],
    settings_file: str,
) -> list[ContentProblem]:
    """Fill in every default and check every value; return the problems found.

    Every problem is an error: a build whose settings say something other than
    the host meant would publish the wrong site.
    """
    declared = {setting.name: setting for schema in schemas for setting in schema}
    problems = [
        _unknown_setting(name, declared, settings_file)
        for name in sorted(settings)
        if name.startswith(PREFIXES) and name not in declared and name not in DEFAULT_CONFIG
    ]
    for name, setting in declared.items():
        if setting.computed:
            continue
        if name not in settings:
            settings[name] = copy.deepcopy(setting.default)
            continue
        try:
            settings[name] = setting.read(settings[name])
        except ValueError as error:
            problems.append(
                ContentProblem(
                    path=settings_file,
                    message=f"{name} = {settings[name]!r} {error}",
                    severity=ERROR,
                    field=name,
                    fix=f"it means: {setting.meaning} (default {setting.default!r})",
                )
            )
    return problems


def _unknown_setting(
    name: str, declared: dict[str, Setting], settings_file: str
) -> ContentProblem:
    guess = difflib.get_close_matches(name, list(declared), n=1, cutoff=0.6)
    return ContentProblem(
        path=settings_file,
        message=f"{name} is not a Guestlist setting, so it would be ignored",
        severity=ERROR,
        field=name,
        fix=f"did you mean {guess[0]}?"
        if guess
        else "docs/settings.md lists every setting",
    )


# Checks that several features' settings share.
def positive_whole_number(value: int) -> int:
    if value < 1:
        raise ValueError("is not a positive whole number")
    return value


def relative_path(value: str) -> str:
    """A path that stays inside the folder it is under ('' for none)."""
    if value.startswith(("/", "\\")) or ".." in value.replace("\\", "/").split("/"):
        raise ValueError("must be a path inside its folder, with no leading / and no '..'")
    return value


def label_template(value: str) -> str:
    """A label with only the placeholders labels are given."""
    sample = dict.fromkeys(("singular", "plural", "title", "series"), "")
    try:
        value.format(number=1, count=1, **sample)
    except (KeyError, IndexError, ValueError, AttributeError) as error:
        raise ValueError(
            f"is not a usable label ({error!r}); its placeholders are {{number}}, "
            "{count}, {singular}, {plural}, {title} and {series}"
        ) from error
    return value


def slug_pattern(value: str) -> str:
    """A URL or save-as pattern with {slug} as its only placeholder."""
    try:
        formatted = value.format(slug="slug")
    except (KeyError, IndexError, ValueError) as error:
        raise ValueError(f"has a placeholder other than {{slug}} ({error!r})") from error
    if formatted == value:
        raise ValueError("needs {slug}, or every page of the kind has one address")
    return relative_path(value)


def domain_name(value: str) -> str:
    domain = value.strip().lower()
    try:
        check_host_name(domain, "give a domain such as x.com or twitter.com")
    except HandleError as error:
        raise ValueError(f"is not a domain name ({error})") from error
    return domain


def x_handle(value: str) -> str:
    try:
        return parse_x(value).text
    except HandleError as error:
        raise ValueError(f"is not an X handle ({error})") from error


def field_names(value: tuple | list) -> tuple[str, ...]:
    if not all(isinstance(name, str) and name.strip() for name in value):
        raise ValueError("must list metadata keys as text, e.g. ('og_image',)")
    return tuple(name.strip().lower() for name in value)


SCHEMA = Schema(
    "core",
    (
        Setting(
            "GUEST_SERIES_PROFILES_PATH",
            "authors",
            "folder under PATH holding one Markdown profile per guest",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_DESCRIPTIONS_PATH",
            "series",
            "folder under PATH holding one Markdown description per series",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_HOST_NOTE_TYPE",
            "host-note",
            'the admonition type that marks the host\'s note: !!! host-note "Note from …"',
            (str,),
        ),
        Setting(
            "GUEST_SERIES_X_DOMAIN",
            "x.com",
            'the domain of X profile and post links: "twitter.com" for sites preferring it',
            (str,),
            parse=domain_name,
        ),
        Setting(
            "GUEST_SERIES_KNOWN_FIELDS",
            (),
            "metadata keys other plugins read, so that the build does not call them "
            'unknown, e.g. ("og_image",)',
            (tuple, list),
            parse=field_names,
        ),
    ),
    metadata_fields=(
        # What Pelican itself reads (its documentation's list).
        "title",
        "date",
        "modified",
        "tags",
        "keywords",
        "category",
        "slug",
        "author",
        "authors",
        "summary",
        "lang",
        "translation",
        "status",
        "template",
        "save_as",
        "url",
    ),
)


# docs/settings.md holds this table between these two lines (`make settings-doc`).
TABLE_START = (
    "<!-- settings table: generated from the schema by `make settings-doc`; "
    "do not edit by hand -->"
)
TABLE_END = "<!-- end of settings table -->"


def settings_table(schemas: Iterable[Schema]) -> str:
    """Every setting a host may set, as Markdown: a table per feature."""
    parts = []
    for schema in schemas:
        rows = [setting for setting in schema if not setting.computed]
        if not rows:
            continue
        parts.append(f"### {schema.feature}\n")
        parts.append("| Setting | Default | Type | Meaning |\n| --- | --- | --- | --- |")
        parts += [
            f"| `{setting.name}` | `{setting.default!r}` | {setting.type_name} | "
            f"{_cell(setting.meaning)} |"
            for setting in rows
        ]
        parts.append("")
    return "\n".join(parts)


def with_settings_table(document: str, schemas: Iterable[Schema]) -> str:
    """`document` with the text between the table's two marker lines made anew."""
    before, start, rest = document.partition(TABLE_START)
    _, end, after = rest.partition(TABLE_END)
    if not start or not end:
        raise ValueError("the document lacks the settings table's marker lines")
    return f"{before}{TABLE_START}\n{settings_table(schemas)}{TABLE_END}{after}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
