"""Monte Carlo: honest students who answer everything right except q9 (one wrong letter) and q10 (one
variable statement misjudged) -- are they flagged as copiers by grader.judge.copies.flag_copies?"""
import random, sys, time
from types import SimpleNamespace
from grader.judge.copies import Answered, flag_copies, SAMPLE_SEEDS
from grader.questions import bank
from grader.variants import from_seed
from grader.variants.verify import answers

N = int(sys.argv[1]); TRIALS = int(sys.argv[2])
checks = [c for q in bank.QUESTIONS for c in q.checks]
rng = random.Random(1)
# which q9 letter is right in the fixed sample
from collections import Counter
cnt = Counter(answers(from_seed(s))['q9']['true'][0] for s in SAMPLE_SEEDS)
print('q9 true letter in the 64 fixed sample variants:', dict(cnt))
flagged_total = 0
t0 = time.process_time()
for trial in range(TRIALS):
    seeds = [rng.getrandbits(64) for _ in range(N)]
    variants = [from_seed(s) for s in seeds]
    refs = [answers(v) for v in variants]
    graded = []
    for v, ref in zip(variants, refs):
        truth = ref['q9']['true'][0]
        wrong_letter = min((l for l in 'ABCDE' if l != truth), key=lambda l: cnt.get(l, 0))
        q10 = {int(k): b for k, b in ref['q10']['answers'].items()}
        q10[rng.choice((4, 5, 6, 8))] ^= True
        values = {'q1_answer': (ref['q1']['answer'], None), 'q9_true': (frozenset({wrong_letter}), None),
                  'q10_answers': (q10, None)}
        graded.append(Answered([SimpleNamespace(variant={'tag': v.tag})], values, v.tag, v.params))
    classmates = [(f"s{i}", v) for i, v in enumerate(variants)]
    n = flag_copies(graded, classmates, checks, seed=7)
    flagged_total += n or 0
    print(f"trial {trial}: class of {N} honest students, flagged {n}", flush=True)
print('flagged', flagged_total, 'of', N * TRIALS, 'honest students; cpu', round(time.process_time() - t0, 1), 's')
