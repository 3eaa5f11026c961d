"""CPU that flag_copies spends with seconds=0 (its bound): suspects = rows wrong on >= 2 value questions."""
import sys, time
from types import SimpleNamespace
from grader.judge.copies import Answered, flag_copies
from grader.questions import bank
from grader.variants import from_seed
checks = [c for q in bank.QUESTIONS for c in q.checks]
N = int(sys.argv[1]); big = int(sys.argv[2])
variants = [from_seed(1000 + i) for i in range(N)]
graded = []
for v in variants:
    # every value question answered wrong (a blank notebook would do the same), values sized `big`
    values = {'q1_answer': ('Z' * big, None), 'q9_true': (frozenset(f'X{i}' for i in range(big)), None),
              'q10_answers': ({i: True for i in range(1, 9)}, None),
              'q3_shapes': ([(1, 2, 3)] * big, None), 'q3_flatten_features': (-1, None),
              'q4_conv_params': (-1, None), 'q4_cnn_params': (-1, None), 'q4_fcnn_params': (-1, None)}
    graded.append(Answered([SimpleNamespace(variant={'tag': v.tag})], values, v.tag, v.params))
t0 = time.thread_time()
n = flag_copies(graded, [(f"s{i}", v) for i, v in enumerate(variants)], checks, seed=7, seconds=0.0)
print(f"{N} suspects, value size {big}: flag_copies(seconds=0) returned {n} after {time.thread_time() - t0:.1f} s CPU")
