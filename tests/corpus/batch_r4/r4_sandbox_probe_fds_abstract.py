# Sandbox probe (attack4), with and without namespaces: what the worker inherits (open descriptors, the
# environment), what it can read outside its scratch (/proc of other processes, /etc, the judge's files via
# /proc/self/fd), which Unix sockets it can reach (abstract names need no file, so Landlock before ABI 6 does
# not see them; /proc/net/unix lists the host's), where it can write.  The findings are raised as the last
# cell's error, which the feedback shows.
import os
import socket

found = []


def attempt(label, fn):
    try:
        found.append(f"{label}: {str(fn())[:160]!r}")
    except BaseException as exc:  # noqa: BLE001 - a probe
        found.append(f"{label}: refused {type(exc).__name__}")


def fds():
    out = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError as exc:
            target = f"? {exc.errno}"
        data = ""
        try:
            data = os.pread(int(name), 60, 0)
        except OSError:
            pass
        out.append(f"{name}->{target}:{data[:40]!r}")
    return out


attempt("fds", fds)
attempt("environ", lambda: open("/proc/self/environ", "rb").read()[:300])
attempt("proc count", lambda: len([p for p in os.listdir("/proc") if p.isdigit()]))
attempt("proc1 cmdline", lambda: open("/proc/1/cmdline", "rb").read())
attempt("ppid cmdline", lambda: open(f"/proc/{os.getppid()}/cmdline", "rb").read())
attempt("ppid environ", lambda: open(f"/proc/{os.getppid()}/environ", "rb").read()[:200])
attempt("etc passwd", lambda: open("/etc/passwd").read()[:80])
attempt("net unix", lambda: [l.split()[-1] for l in open("/proc/net/unix").read().splitlines()[1:] if l.split()[-1].startswith("@")][:20])
attempt("cwd", lambda: (os.getcwd(), os.listdir(".")[:20]))
attempt("home", lambda: os.listdir(os.path.expanduser("~"))[:20])
attempt("uid", lambda: (os.getuid(), os.getgid(), os.getgroups()))


def abstract_listen():
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind("\0cnn-grader-attack4-mailbox")
    s.listen(1)
    return s.getsockname()


attempt("abstract listen", abstract_listen)


def abstract_connect():
    names = [l.split()[-1] for l in open("/proc/net/unix").read().splitlines()[1:]]
    ok = []
    for n in names:
        if n.startswith("@") and len(ok) < 5:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                s.connect("\0" + n[1:])
                ok.append(n)
            except OSError:
                pass
    return ok


attempt("abstract connect", abstract_connect)
for folder in ("/tmp", "/dev/shm", "/var/tmp", "/run/lock", os.path.expanduser("~")):
    attempt(f"write {folder}", lambda folder=folder: open(os.path.join(folder, "atk4_probe"), "w").write("x"))
attempt("grader via /proc/self/root", lambda: os.listdir("/proc/self/root/work")[:10])
attempt("memfd", lambda: os.memfd_create("x"))
attempt("kill -1", lambda: os.kill(-1, 0))

raise RuntimeError(" | ".join(found))
