"""The one Jinja2 environment: templates are package data, HTML is autoescaped.

A file name such as ``<img src=x onerror=alert(1)>.py`` or feedback quoting
code is text in every page, never markup.
"""

from __future__ import annotations

import functools

import jinja2
from markupsafe import Markup

from .. import assignment
from ..numbers import number


@functools.lru_cache(maxsize=1)
def _markdown():
    # Imported here: Gradescope's results.json needs no HTML, and its environment need not have it.
    from markdown_it import MarkdownIt

    # Only what feedback uses: code spans and emphasis.  Raw HTML, links, images and every block
    # rule stay off, so whatever a submission put in an answer or an exception message is text.
    return MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False}).enable(
        ["backticks", "emphasis"])


def markdown(text: str | None) -> Markup:
    """Feedback's Markdown (code spans, emphasis) as HTML; everything else in it is escaped."""
    return Markup(_markdown().renderInline(text or ""))


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("grader.outputs", "templates"),
    autoescape=jinja2.select_autoescape(["html", "html.j2", "xml"]),
    keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
ENV.filters["num"] = number
ENV.filters["md"] = markdown
#: Templates name the assignment as :mod:`grader.assignment` does (``assignment.NOTEBOOK``...).
ENV.globals["assignment"] = assignment
