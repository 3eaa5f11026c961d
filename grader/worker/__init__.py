"""The worker: the process that runs a submission, and the warm fork server it comes from.

It never imports the judge (:mod:`grader.judge`) or the questions: a worker
holds the submission, the check API's handler (:mod:`grader.checkapi`) that
answers the judge's probes, and nothing the grade depends on.  The layers that
contain it (namespaces, chroot, uid, rlimits, the syscall filter) live in
``sandbox`` and ``syscall_filter``.

Rule: modules here import only the standard library, torch, numpy, each other
and :mod:`grader.checkapi` (relatively).  A test enforces it.
"""
