import time
for _ in range(8):
    time.sleep(1)
q1_answer = "B"
