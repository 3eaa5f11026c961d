import time
time.sleep(2)
q1_answer = "B"
