"""Build the pooled CNN: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "Build the pooled CNN"
TOPIC = "Cooking up a CNN"
POINTS = 4
