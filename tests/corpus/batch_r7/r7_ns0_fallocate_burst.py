# Attack round 7 (sandbox, without namespaces): the scratch folder's bound is read every WATCH_SECONDS (0.5 s),
# and each file is bounded by RLIMIT_FSIZE (32 MiB), but posix_fallocate takes a file's blocks on the host's disk
# at once, without writing them: FILES files of 32 MiB are on the disk within a few milliseconds each, far
# faster than writing (round 6 wrote), so the disk taken before the next reading is bounded by the disk's speed
# at allocating only.  FILES is kept small here (1.25 GiB) on purpose: this machine is shared.  q1 is right
# when all were allocated; the cell then sleeps so that the bound has its reading.
import os
import time

FILES = 40
SIZE = 32 * 1024 * 1024 - 4096

start = time.perf_counter()
made = 0
for i in range(FILES):
    fd = os.open(f"f{i}", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.posix_fallocate(fd, 0, SIZE)
        made += 1
    except OSError:
        break
    finally:
        os.close(fd)
took = time.perf_counter() - start
q1_answer = "C" if made == FILES else "A"
print(f"allocated {made * SIZE >> 20} MiB in {took:.3f} s")
raise RuntimeError(f"allocated {made * SIZE >> 20} MiB in {took * 1000:.1f} ms")
