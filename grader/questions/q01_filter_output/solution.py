q1_answer = "C"
