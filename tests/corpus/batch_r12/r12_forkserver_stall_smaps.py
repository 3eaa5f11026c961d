# Attack round 15: the fork server reads every watched session's proportional memory (smaps_rollup) twice a
# second once their resident sets together pass the allowance, which forked copies of the warm interpreter
# always do.  smaps_rollup walks every mapping of a process: 30 processes of 60,000 one-page mappings each make
# one reading take seconds, during which the fork server answers nobody (spawns, kills, the other slot's
# thread counts, which the judge waits 10 s for and then takes for "cannot tell").
q1_answer = "C"

import mmap
import os
import time

_maps = [mmap.mmap(-1, 4096, prot=mmap.PROT_READ | (mmap.PROT_WRITE if i % 2 else 0)) for i in range(60_000)]
for _i in range(1, 60_000, 2):
    _maps[_i][0:1] = b"x"
_children = []
for _ in range(29):
    _pid = os.fork()
    if _pid == 0:
        time.sleep(55)
        os._exit(0)
    _children.append(_pid)
time.sleep(19)
