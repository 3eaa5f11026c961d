"""True or false: convolutions in PyTorch: what the notebook and the reports need, without torch.

The prompt, starter and solution are the files beside this one; ``public`` holds the
checks students run, ``checks`` every check and how each mistake is named.
"""

TITLE = "True or false: convolutions in PyTorch"
TOPIC = "Convolutions, pooling and their parameters"
POINTS = 2
#: The statements are numbered 1 to STATEMENTS in prompt.md.
STATEMENTS = 8
