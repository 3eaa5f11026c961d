# Attack round 10: kernel memory outside every bound (with namespaces): empty files in the worker's tmpfs scratch.
# The tmpfs is mounted with size=64m and no nr_inodes: an empty file takes no block, only an inode and a dentry
# (about 1 KiB of kernel memory, more with a long name), and no bound counts them (the scratch-entry bound applies
# only without namespaces).  Creates files for up to 14 s (inside the 20 s cell limit), holds them 3 s, answers q1
# if more than 1,000,000 were made, and reports the count as the error of its last statement.
import os, time

q1_answer = "wrong"
names = 0
start = time.monotonic()
prefix = "f" * 200
folder = 0
try:
    while time.monotonic() - start < 14:
        os.mkdir(f"d{folder}")
        for i in range(50_000):
            os.close(os.open(f"d{folder}/{prefix}{i}", os.O_CREAT | os.O_WRONLY, 0o600))
        names += 50_000
        folder += 1
except OSError as exc:
    stop = f"{type(exc).__name__}: {exc}"
else:
    stop = "time"
made = time.monotonic() - start
time.sleep(3)
if names > 1_000_000:
    q1_answer = "C"
raise RuntimeError(f"made {names} empty files in {made:.1f} s (stopped by {stop})")
