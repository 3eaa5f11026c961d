# Batch, without namespaces (CNN_GRADER_NAMESPACES=0, as on Gradescope or a host without CAP_SYS_ADMIN):
# a worker may write /run/lock (world-writable, sticky), which is not among the places the fork server
# sweeps after a worker (forkserver.SHARED_PLACES = /tmp, /var/tmp, /dev/shm).  This submission leaves its
# answers there; r3_ns0_persist_run_lock_reader, graded later in the same batch (or in any later run on the
# host), reads them: state carried across submissions.  Honest answers otherwise.
import json
import os

_answers = {"q1_answer": "C", "q9_true": ["C"], "q10_answers": {"1": True, "2": False, "3": True, "4": True,
                                                                   "5": False, "6": False, "7": True, "8": False}}
for _place in ("/run/lock", "/var/lock"):
    try:
        with open(os.path.join(_place, ".cnn-grader-shared-answers"), "w") as _f:
            json.dump(_answers, _f)
        os.chmod(os.path.join(_place, ".cnn-grader-shared-answers"), 0o644)
        break
    except OSError:
        continue

q1_answer = "C"
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
