# A submission (grade it, both modes) that reports what its worker can do, through the feedback of conv2d_params
# (an exception's message is shown).  With CNN_GRADER_NAMESPACES=0 (Landlock view) every open() outside the
# runtime is refused, but os.stat() of any host path answers (Landlock does not govern stat/getattr):
# size and times of the instructor's files, of the batch's other submissions, of the output folder's journal.
import os

R = []


def t(name, f):
    try:
        R.append(f"{name}=OK:{str(f())[:80]}")
    except BaseException as e:  # noqa: BLE001
        R.append(f"{name}=ERR:{type(e).__name__}:{getattr(e, 'errno', '')}")


for p in ("/work/main/solutions/lecture06.ipynb", "/work/wt-attack37/grader/questions/q06_conv_by_hand/solution.py",
          "/tmp/r37/out_sb20/journal.jsonl"):
    t("open" + p, lambda p=p: open(p, "rb").read(20))
    t("stat" + p, lambda p=p: (os.stat(p).st_size, int(os.stat(p).st_mtime)))
RESULT = " | ".join(R)
q1_answer = "C"


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    raise RuntimeError(RESULT[:900])
