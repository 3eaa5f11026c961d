"""Parameter formulas: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Parameter formulas"
TOPIC = "Ingredient 1: convolutional layers"
POINTS = 2
