"""Convolution and max pooling by hand: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Convolution and max pooling by hand"
TOPIC = "Convolutions and filters; Ingredient 3: pooling"
POINTS = 4
