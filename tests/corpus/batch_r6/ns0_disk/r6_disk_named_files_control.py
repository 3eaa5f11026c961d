# Attack round 6, the control for r6_disk_unlinked_open_files: the same 180 MiB in files that keep their names, which
# the scratch walk counts: the worker is stopped (status killed, event "its files took 180 MiB, more than the 64
# MiB its scratch may hold", at line 17).  (q1 still earns its point on the rerun of the other cells.)
import os
import tempfile
import time

held = []
written_mib = 0
for i in range(6):
    fd, path = tempfile.mkstemp(prefix="atk6_")
    chunk = b"\x01" * (1 << 20)
    for _ in range(30):
        os.write(fd, chunk)
    os.fsync(fd)
    held.append(fd)
    written_mib += 30
time.sleep(3)

q1_answer = "C" if written_mib >= 180 else "A"
