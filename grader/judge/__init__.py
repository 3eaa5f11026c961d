"""The judge: it loads submissions, talks to the workers that run them, grades, and runs a class.

``engine`` is the one place that talks to a worker (the fork server client and
the probe that crosses into a sandbox); ``grading`` runs a question's checks
against a probe; ``batch`` grades a class; ``gradescope`` is the zip's
``run_autograder`` entry.  The judge holds the references, hidden inputs and
expected values; none of it ever reaches a worker.
"""
