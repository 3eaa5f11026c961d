"""A static look at what a submitted function calls, without running it.

For "convolution by hand" the worker traces the torch functions a call uses,
but that trace lives in the submission's process, which a determined
submission can tamper with.  This second, independent look reads the
submission's source in the judge: the named function, and everything it
refers to that the submission defines at top level (helpers, aliases,
imports), must not name torch's convolution or pooling, nor reach for
anything by a name computed at run time.
"""

from __future__ import annotations

import ast
import functools

#: Attribute or imported names that are torch's own convolution or pooling, or ways around the trace.
FORBIDDEN = frozenset({
    "conv1d", "conv2d", "conv3d", "convolution", "_convolution", "conv_transpose1d", "conv_transpose2d",
    "mkldnn_convolution", "_slow_conv2d_forward", "thnn_conv2d", "cudnn_convolution",
    "max_pool1d", "max_pool2d", "max_pool3d", "max_pool2d_with_indices", "avg_pool1d", "avg_pool2d",
    "adaptive_max_pool2d", "adaptive_avg_pool2d", "lp_pool2d", "fractional_max_pool2d",
    "Conv1d", "Conv2d", "Conv3d", "LazyConv2d", "MaxPool1d", "MaxPool2d", "AvgPool2d", "AdaptiveMaxPool2d",
    "AdaptiveAvgPool2d", "LPPool2d", "FractionalMaxPool2d",
    "_DisableTorchDispatch", "DisableTorchFunction", "DisableTorchFunctionSubclass", "_unset_dispatch_mode",
    "_op_recorder", "get_objects", "__dict__", "__getattribute__",
})
#: Calls that reach things by names computed at run time.
DYNAMIC = frozenset({"eval", "exec", "compile", "__import__", "getattr", "vars", "globals", "locals",
                     "import_module"})


@functools.lru_cache(maxsize=8)
def _top_level(units: tuple[str, ...]) -> dict[str, list[ast.AST]]:
    """Every top-level binding of the submission: name -> the nodes that bind it."""
    out: dict[str, list[ast.AST]] = {}
    for unit in units:
        try:
            tree = ast.parse(unit)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for node in tree.body:
            for name in _bound_names(node):
                out.setdefault(name, []).append(node)
    return out


def _bound_names(node: ast.AST) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    targets: list[ast.AST] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    names = []
    for t in targets:
        names += [n.id for n in ast.walk(t) if isinstance(n, ast.Name)]
    return names


def builtin_uses(units: tuple[str, ...] | None, function: str) -> list[str]:
    """What in ``function`` (and what it refers to) names torch's convolution/pooling; empty when clean."""
    if not units:
        return []
    defs = _top_level(units)
    found: list[str] = []
    seen: set[str] = set()
    todo = [function]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for node in defs.get(name, []):
            if isinstance(node, ast.ImportFrom):
                for alias in node.names:
                    if (alias.asname or alias.name) == name and alias.name in FORBIDDEN:
                        found.append(f"from {node.module} import {alias.name}")
                continue
            if isinstance(node, ast.Import):
                continue  # a module; what is taken from it shows as an attribute below
            for sub in ast.walk(node):
                if isinstance(sub, ast.Attribute) and sub.attr in FORBIDDEN:
                    found.append(f".{sub.attr}")
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name) and sub.func.id in DYNAMIC:
                    found.append(f"{sub.func.id}(...)")
                elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and sub.value in FORBIDDEN:
                    found.append(repr(sub.value))  # attrgetter("conv2d") and the like
                elif isinstance(sub, ast.Name) and sub.id != name and sub.id in defs:
                    todo.append(sub.id)
    return sorted(set(found))
