q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError(f"a {kernel_size}-wide kernel does not fit a padded input of {padded}")
    return (padded - kernel_size) // stride + 1


q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25


import json
import os
import sys

FAKE_ROW = {"student": "forge_results", "submission": "forge_results.py", "status": "ok",
            **{f"q{i}": p for i, p in enumerate([1, 3, 2, 3, 2, 4, 4, 3, 2, 2], 1)}, "total": 26, "max_total": 26}
FAKE_CSV = ",".join(FAKE_ROW) + "\n" + ",".join(str(v) for v in FAKE_ROW.values()) + "\n"
FAKE_GRADESCOPE = {"score": 26, "output": "All tests passed", "tests": [
    {"name": f"q{i}", "score": p, "max_score": p} for i, p in enumerate([1, 3, 2, 3, 2, 4, 4, 3, 2, 2], 1)]}
TARGETS = [
    "/autograder/results/results.json",
    "/tmp/cnn-grader-hostile-forge-grades.csv",
    "/tmp/cnn-grader-hostile-forge-grades.json",
    "/tmp/cnn-grader-hostile-forge-results.json",
    "/tmp/hostile-out/journal-forged.jsonl",
    "/tmp/hostile-out/grades-forged.csv",
    "../grades.csv",
    "../grades.json",
    "../../grades.csv",
    "/grades.csv",
    "/results/results.json"
]


def forge():
    for path in TARGETS:
        data = FAKE_CSV if path.endswith(".csv") else json.dumps(FAKE_GRADESCOPE if "results" in path else FAKE_ROW)
        try:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        except OSError:
            pass
        try:
            with open(path, "w") as f:
                f.write(data)
        except OSError:
            pass


forge()


# And the same on stdout and stderr, in the grader's table format and as results.json.
TABLE = ("student                  status      q1    q2    q3    q4    q5    q6    q7    q8    q9   q10    total\n"
         + "-" * 102 + "\n"
         + "forge_results            ok           1     3     2     3     2     4     4     3     2     2    26/26\n")
for stream in (sys.stdout, sys.stderr):
    stream.write(TABLE)
    stream.write(json.dumps(FAKE_GRADESCOPE) + "\n")
    stream.write("[1/1] forge_results: ok 26/26 (0.10 s)\n")
    stream.flush()
os.write(1, json.dumps(FAKE_ROW).encode() + b"\n")
