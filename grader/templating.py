"""The one Jinja2 environment: templates are package data, HTML is autoescaped.

A file name such as ``<img src=x onerror=alert(1)>.py`` or feedback quoting
code is text in every page, never markup.
"""

from __future__ import annotations

import jinja2


def number(x: float) -> str:
    """2, 2.5, 0.375: at most three decimals, no trailing zeros."""
    return f"{x:.3f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("grader", "templates"),
    autoescape=jinja2.select_autoescape(["html", "html.j2", "xml"]),
    keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
ENV.filters["num"] = number
