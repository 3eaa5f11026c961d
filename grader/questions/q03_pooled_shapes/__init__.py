"""Shapes through a pooled CNN: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Shapes through a pooled CNN"
TOPIC = "Cooking up a CNN: pooling and flattening"
POINTS = 2
