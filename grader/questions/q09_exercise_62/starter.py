q9_true = ...  # a set of letters, e.g. {"A", "D"}
