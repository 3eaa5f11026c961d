"""Exercise 6.1: the output of a 3x3 filter: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Exercise 6.1: the output of a 3x3 filter"
TOPIC = "Convolutions and filters"
POINTS = 1
#: The answer options, in the order prompt.md lists them.
LETTERS = ("A", "B", "C")
