"""How every output writes a number: one formatter, one precision.

Scores and totals are kept to :data:`DECIMALS` decimals (grading and the late penalty round
them there), so each is written as it is kept, alike in grades.csv, the pages, results.json
and the terminal.  Statistics (means, medians, a histogram's bins) describe the class rather
than grade anyone: they are rounded to :data:`STATISTIC_DECIMALS` (:func:`statistic`) where
they are computed, then written by the same formatter.
"""

from __future__ import annotations

#: Decimals a score, a total or a share of one is written with, at most.
DECIMALS = 4
#: Decimals a statistic of the class is rounded to.
STATISTIC_DECIMALS = 3


def number(x: float) -> str:
    """``x`` as every output writes it: plain decimal, at most :data:`DECIMALS` decimals, no trailing zeros
    (``2``, ``2.5``, ``0.375``, ``15.6375``)."""
    return f"{x:.{DECIMALS}f}".rstrip("0").rstrip(".") if x != int(x) else str(int(x))


def statistic(x: float) -> float:
    """A statistic of the class (a mean, a median, a bin's bound), rounded to :data:`STATISTIC_DECIMALS`."""
    return round(x, STATISTIC_DECIMALS)
