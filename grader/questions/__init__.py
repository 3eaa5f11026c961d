"""The questions of the assignment.  The loaded bank (with torch) is :mod:`grader.questions.bank`."""
