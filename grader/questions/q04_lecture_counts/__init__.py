"""Counting parameters: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Counting parameters"
TOPIC = "Ingredient 1: convolutional layers; CNN vs FCNN"
POINTS = 3
