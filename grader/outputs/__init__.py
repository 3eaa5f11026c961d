"""Everything the grader writes for people and other systems, rendered in one place per format.

``report`` renders HTML (the class report, feedback pages) with ``templating``'s
single Jinja2 environment; ``results`` writes grades.csv, grades.json and the
journal; ``canvas`` writes Canvas's import file; ``progress`` writes the
terminal's progress lines.
"""
