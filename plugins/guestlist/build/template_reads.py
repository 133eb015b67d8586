"""Which variables a template reads, and how: what a page's key is made of.

A page's output is a function of its template's code and of the variables
that code reads from the page's context. Jinja knows both without rendering:
`find_undeclared_variables` lists the names a template looks up, and
`find_referenced_templates` the templates it extends, includes and imports,
whose reads (and source) count too, transitively. A reference Jinja cannot
name (`{% include page.template %}`) could read anything: such a template
reads the whole context.

Which templates count is known better still by rendering: the home page
includes its running series only on its first page, and the later pages
must not depend on what only that partial reads. So the writer records the
templates each render loads (`recording_loads`), and a page's key is made
of the own reads of its template and of those (`reads_of_templates`); the
transitive reads above serve where no render was recorded.

How a name is used matters as much: the site's menu asks only whether
there are any series (`{% if guest_series %}`), and a page whose menu does
not change must not be rendered again because a series post's text did. A
name that is only tested for truth is read as "truth"; one only tested with
`is defined` as "defined"; any other use reads the value itself ("value").
"""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, Template, TemplateNotFound, nodes
from jinja2.meta import find_referenced_templates, find_undeclared_variables

VALUE = "value"
TRUTH = "truth"
DEFINED = "defined"
_RANK = {DEFINED: 0, TRUTH: 1, VALUE: 2}


@dataclass(frozen=True)
class TemplateReads:
    """What one template and every template it references read."""

    names: dict[str, str]  # name -> VALUE, TRUTH or DEFINED
    sources: bytes  # a digest of the sources of the template and its references
    everything: bool = False  # a reference Jinja cannot name: the whole context


@dataclass(frozen=True)
class _OneTemplate:
    """What one template's own source reads and references."""

    names: dict[str, str]
    references: tuple[str | None, ...]
    source: bytes


@dataclass
class TemplateAnalysis:
    """The reads of a build's templates, each template parsed once."""

    # Keyed by (id of the environment, name); the environment is kept alive.
    _reads: dict[tuple[int, Any], tuple[Environment, TemplateReads | None]] = field(
        default_factory=dict
    )
    _own: dict[tuple, _OneTemplate] = field(default_factory=dict)

    def reads_of(self, template: Template) -> TemplateReads | None:
        """What `template` reads; None when its source cannot be found.

        Called as the page is queued: a TEMPLATE_PAGES template's loader is
        there only while Pelican writes it.
        """
        environment = template.environment
        name = template.name
        if name is None:
            return _compiled_reads(template)
        key = (id(environment), name)
        if key not in self._reads:
            try:
                reads = self._analyse(environment, name)
            except TemplateNotFound:
                reads = None
            self._reads[key] = (environment, reads)
        return self._reads[key][1]

    def reads_of_templates(
        self, environment: Environment, names: Sequence[str]
    ) -> TemplateReads | None:
        """The own reads of these templates together (the ones a render loaded).

        None when a source cannot be found (a template removed since).
        """
        key = (id(environment), tuple(names))
        if key not in self._reads:
            merged: dict[str, str] = {}
            sources = hashlib.sha256()
            reads: TemplateReads | None
            try:
                for name in dict.fromkeys(names):
                    own = self._own_reads(environment, name)
                    sources.update(own.source)
                    for variable, usage in own.names.items():
                        if _RANK[usage] > _RANK.get(merged.get(variable), -1):
                            merged[variable] = usage
                reads = TemplateReads(dict(sorted(merged.items())), sources.digest())
            except TemplateNotFound:
                reads = None
            self._reads[key] = (environment, reads)
        return self._reads[key][1]

    def _analyse(self, environment: Environment, root: str) -> TemplateReads:
        names: dict[str, str] = {}
        sources = hashlib.sha256()
        everything = False
        seen: set[str] = set()
        waiting = [root]
        while waiting:
            name = waiting.pop()
            if name in seen:
                continue
            seen.add(name)
            own = self._own_reads(environment, name)
            sources.update(own.source)
            for variable, usage in own.names.items():
                if _RANK[usage] > _RANK.get(names.get(variable), -1):
                    names[variable] = usage
            everything = everything or None in own.references
            waiting += [reference for reference in own.references if reference is not None]
        return TemplateReads(dict(sorted(names.items())), sources.digest(), everything)

    def _own_reads(self, environment: Environment, name: str) -> _OneTemplate:
        # Each Pelican generator has its own environment, loading the same
        # files: a template is parsed once for every environment that parses alike.
        source = environment.loader.get_source(environment, name)[0]
        key = (name, source, *_syntax(environment))
        if key not in self._own:
            ast = environment.parse(source)
            undeclared = find_undeclared_variables(ast)
            names: dict[str, str] = {}
            for variable, usage in _usages(ast):
                if variable in undeclared and _RANK[usage] > _RANK.get(
                    names.get(variable), -1
                ):
                    names[variable] = usage
            self._own[key] = _OneTemplate(
                names,
                tuple(find_referenced_templates(ast)),
                hashlib.sha256(f"{name}\0{source}".encode()).digest(),
            )
        return self._own[key]


def _compiled_reads(template: Template) -> TemplateReads:
    """A template made from a string (`Template("{{ text }}")`): no source to read.

    Its compiled code stands for its source, and it reads everything it is
    given (such a template is given a small context of its own).
    """
    codes = [template.root_render_func.__code__]
    codes += [block.__code__ for _, block in sorted(template.blocks.items())]
    digest = hashlib.sha256(b"".join(marshal.dumps(code) for code in codes))
    return TemplateReads({}, digest.digest(), everything=True)


def _syntax(environment: Environment) -> tuple:
    """What decides how an environment parses a source."""
    return (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        tuple(sorted(environment.extensions)),
    )


def _usages(node: nodes.Node, tested: bool = False) -> Iterator[tuple[str, str]]:
    """(name, usage) for every name the template loads; `tested`: only its truth counts."""
    if isinstance(node, nodes.Name):
        if node.ctx == "load":
            yield node.name, TRUTH if tested else VALUE
        return
    if (
        isinstance(node, nodes.Test)
        and node.name in ("defined", "undefined")
        and isinstance(node.node, nodes.Name)
    ):
        yield node.node.name, DEFINED
        return
    for name, child in _children(node):
        if isinstance(node, nodes.If | nodes.CondExpr):
            inner = name == "test"
        elif isinstance(node, nodes.Not):
            inner = True
        elif isinstance(node, nodes.And | nodes.Or):
            inner = tested  # `a and b` as a value is the value of a or b
        else:
            inner = False
        yield from _usages(child, inner)


def _children(node: nodes.Node) -> Iterator[tuple[str, Any]]:
    for name in node.fields:
        value = getattr(node, name, None)
        if isinstance(value, nodes.Node):
            yield name, value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, nodes.Node):
                    yield name, item


# The names of the templates loaded while a page renders, when recording.
_loads: list[str] | None = None
_TRACKED = "_guestlist_tracks_loads"


def track_loads(environment: Environment) -> None:
    """Have `environment` tell `recording_loads` each template a render loads.

    Compiled templates load what they extend, include and import through
    `environment.get_template` as they run, so only the templates a render
    actually reached are recorded.
    """
    if getattr(environment, _TRACKED, False):
        return
    get_template = environment.get_template

    def recorded_get_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
        template = get_template(name, parent, globals)
        if _loads is not None and template.name is not None:
            _loads.append(template.name)
        return template

    environment.get_template = recorded_get_template  # type: ignore[method-assign]
    setattr(environment, _TRACKED, True)


@contextmanager
def recording_loads() -> Iterator[list[str]]:
    """Collect, in order and once each, the templates loaded inside the block."""
    global _loads
    outer, _loads = _loads, []
    loaded = _loads
    try:
        yield loaded
    finally:
        _loads = outer
        unique = list(dict.fromkeys(loaded))
        loaded[:] = unique
