# Judge CPU of static.py _read_subclass_hooks: a chain of N subclasses written deepest first (in a function never
# called) grows the family one class per pass over all M classes.  Usage: python r11_subclass_family_quadratic.py N M REPO
# (N=950, M=20000, a 394 kB source, under MAX_SOURCE_CHARS: 7.1 s on main 6c767a1 against 1.5 s on e9f4d0e~1, one run each, shared machine).
import sys, time
sys.path.insert(0, sys.argv[3])
from grader.questions.static import by_hand_findings
n, m = int(sys.argv[1]), int(sys.argv[2])
lines = ["class L:", "    def __init_subclass__(cls, **kw):", "        pass", "", "def _never():"]
for i in range(n, 0, -1):
    lines.append(f"    class C{i}(C{i-1}): pass" if i > 1 else "    class C1(L): pass")
lines += [f"class D{j}: pass" for j in range(m)]
lines += ["", "def conv2d(image, kernel, stride=1, padding=0):", "    return image"]
src = "\n".join(lines) + "\n"
t = time.process_time()
print(len(src), by_hand_findings((src,), "conv2d")[:1], round(time.process_time() - t, 2), "s")
