"""The check API: how a check reaches a submission, and what students receive.

- ``probe``: what a check calls (``value``, ``call``, ``model``, ``forward``...): the
  judge's side of the conversation, and :class:`~.probe.LocalProbe` for one process;
- ``handler``: the submission's side, which answers a probe request with plain data;
- ``wire``: the plain data that crosses (arrays as bytes, objects by description);
- ``verdict``: ``Wrong``, ``Verdict`` and ``evaluate``, how a check says what it found;
- ``answers``: the validators public and hidden checks share to read an answer;
- ``notebook``: what a student's ``grader.check`` runs.

Everything in this package is safe to show: it holds no reference solution,
no hidden input and no expected value.  A sandboxed worker imports it before
it runs a submission, and ``cnn-grader build`` copies all of it next to the
student notebook.

Rule: modules here import only the standard library, torch, numpy, and each other
(relatively), never another part of :mod:`grader`.  A test enforces it.
"""
