"""Exercise 6.2: select the true statements: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Exercise 6.2: select the true statements"
TOPIC = "Questions for you"
POINTS = 2
#: The statements' letters, in the order prompt.md lists them.
LETTERS = ("A", "B", "C", "D", "E")
