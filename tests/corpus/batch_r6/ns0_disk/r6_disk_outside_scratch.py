# Attack round 6, the scratch-disk bound without namespaces (CNN_GRADER_NAMESPACES=0): a file written outside the
# scratch folder (/dev/shm, a tmpfs the size of half the host's memory, and /tmp, /var/tmp), which no walk of the
# scratch folder counts.  q1 is "C" (right) when one of them could be written, "A" when all were refused.
import os

wrote = []
for folder in ("/dev/shm", "/tmp", "/var/tmp"):
    try:
        with open(os.path.join(folder, "atk6_outside_scratch"), "wb") as f:
            f.write(b"\x01" * (1 << 20))
        wrote.append(folder)
    except OSError:
        pass

q1_answer = "C" if wrote else "A"
