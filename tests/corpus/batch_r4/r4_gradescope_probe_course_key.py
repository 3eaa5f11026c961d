"""Gradescope probe (attack4), through the zip's run_autograder with a keyed zip (build --key --zip), with
and without namespaces: the course key, /autograder, the submission metadata, /tmp and the run's own folder
(tests put it under /tmp/atk4gs*) are all unreadable; findings raised as the error the feedback shows."""
import os, glob
found = []
def attempt(label, fn):
    try:
        found.append(f"{label}: {str(fn())[:150]!r}")
    except BaseException as exc:
        found.append(f"{label}: refused {type(exc).__name__}")
attempt("key", lambda: open("/autograder/source/course.key", "rb").read()[:40])
attempt("ls autograder", lambda: os.listdir("/autograder"))
attempt("ls source", lambda: os.listdir("/autograder/source")[:8])
attempt("cwd", lambda: (os.getcwd(), os.listdir(".")))
attempt("fds", lambda: [os.readlink(f"/proc/self/fd/{n}") for n in os.listdir("/proc/self/fd")])
attempt("tmp", lambda: os.listdir("/tmp")[:10])
attempt("glob key", lambda: [open(p,"rb").read()[:20] for p in glob.glob("/tmp/atk4gs*/autograder/source/course.key")])
attempt("glob ls", lambda: glob.glob("/tmp/atk4gs*/autograder/*"))
attempt("sub", lambda: os.listdir("/autograder/submission"))
attempt("meta", lambda: open("/autograder/submission_metadata.json").read()[:100])
raise RuntimeError(" | ".join(found))
