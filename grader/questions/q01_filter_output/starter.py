q1_answer = ...  # "A", "B" or "C"
