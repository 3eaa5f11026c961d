"""The output size of a convolution: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "The output size of a convolution"
TOPIC = "Convolutions and filters: padding and stride"
POINTS = 3
