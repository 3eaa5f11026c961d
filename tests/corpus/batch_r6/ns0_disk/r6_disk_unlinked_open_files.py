# Attack round 6, the scratch-disk bound without namespaces (CNN_GRADER_NAMESPACES=0): files written in the scratch
# folder, each unlinked as soon as it is opened and kept open.  bounds.scratch_usage walks the folder's entries, so
# the blocks of a file with no name are never counted, while the host's disk keeps them until the worker dies.
# Six files of 30 MiB (each under RLIMIT_FSIZE's 32 MiB): 180 MiB against the 64 MiB allowance.  q1 says whether it
# got through: "C" (right) when all 180 MiB were written and the worker was not stopped.
import os
import tempfile
import time

held = []
written_mib = 0
for i in range(6):
    fd, path = tempfile.mkstemp(prefix="atk6_")
    os.unlink(path)
    chunk = b"\x01" * (1 << 20)
    for _ in range(30):
        os.write(fd, chunk)
    os.fsync(fd)
    held.append(fd)
    written_mib += 30
time.sleep(3)  # several of the fork server's readings (every 0.5 s) with the blocks still held

q1_answer = "C" if written_mib >= 180 else "A"
