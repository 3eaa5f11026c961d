q9_true = {"C"}
