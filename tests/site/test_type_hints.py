"""Every public function of the guestlist package has type hints.

Public: any function or method, nested ones and properties included, whose
name does not start with an underscore, and every `__init__`. Each of its
parameters but `self` and `cls` is annotated, and so is what it returns.
"""

import ast

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "guestlist"


def missing_hints(path):
    """`path:line name: what is missing` for each public function lacking hints."""
    offenders = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if node.name.startswith("_") and node.name != "__init__":
            continue
        arguments = node.args
        parameters = [
            argument
            for argument in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
            if argument.arg not in ("self", "cls")
        ]
        parameters += [arguments.vararg] if arguments.vararg else []
        parameters += [arguments.kwarg] if arguments.kwarg else []
        bare = [argument.arg for argument in parameters if argument.annotation is None]
        missing = [f"parameters {', '.join(bare)}"] if bare else []
        if node.returns is None:
            missing.append("return type")
        if missing:
            shown = path.relative_to(ROOT).as_posix()
            offenders.append(f"{shown}:{node.lineno} {node.name}: {'; '.join(missing)}")
    return offenders


def test_every_public_function_has_type_hints():
    offenders = [
        offender
        for path in sorted(PACKAGE.rglob("*.py"))
        for offender in missing_hints(path)
    ]
    assert not offenders, "functions without type hints:\n" + "\n".join(offenders)
