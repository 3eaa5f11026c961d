"""CNN vs FCNN: a network of conv blocks: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "CNN vs FCNN: a network of conv blocks"
TOPIC = "CNN vs FCNN"
POINTS = 3
