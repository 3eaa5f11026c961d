"""Answer each student's own handout (cnn-grader variants) correctly, each in an unusual style (round 5).

    cnn-grader key course.key
    cnn-grader variants roster.csv --key course.key --out HANDOUT
    .venv/bin/python tests/corpus/fair/_r5_variant/make_r5_variant.py HANDOUT

reads HANDOUT/<student>/lecture06.ipynb, works out that student's numbers from the prompts (the way a student
reads them: the code blocks run with torch, the statements checked with torch) and writes class/<student>/...
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from textwrap import dedent

import nbformat
import torch
from torch import nn

HERE = Path(__file__).resolve().parent
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def d(t):
    return dedent(t).strip("\n")


def n_params(m):
    return sum(p.numel() for p in m.parameters())


def block(md, heading):
    return next(c for c in md if c.startswith(heading))


def code_in(text):
    return re.search(r"```python\n(.*?)```", text, re.S).group(1)


def spec_of(nb):
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    s = {}
    q1 = block(md, "## Q1")
    n = int(re.search(r"\*\*(\d+)x\d+\*\* input", q1).group(1))
    k = int(re.search(r"\*\*(\d+)x\d+\*\* convolutional", q1).group(1))
    m = n - k + 1
    s["q1"] = re.search(rf"\((\w)\) {m} by {m}", q1).group(1)
    q3 = block(md, "## Q3")
    s["in_shape"] = tuple(int(v) for v in re.search(r"of shape `\((\d+), (\d+), (\d+)\)`", q3).groups())
    layers = [eval(line.split("#")[0].strip().rstrip(","), {"torch": torch})
              for line in code_in(q3).splitlines() if re.search(r"Conv2d|ReLU|MaxPool2d", line)]
    s["conv_args"] = [(l.in_channels, l.out_channels, l.kernel_size[0], l.padding[0]) for l in layers
                      if isinstance(l, nn.Conv2d)]
    s["pool"] = [l.kernel_size for l in layers if isinstance(l, nn.MaxPool2d)][0]
    s["pool"] = s["pool"][0] if isinstance(s["pool"], tuple) else s["pool"]
    x = torch.zeros(1, *s["in_shape"])
    s["q3_shapes"] = []
    for l in layers:
        x = l(x)
        if not isinstance(l, nn.ReLU):
            s["q3_shapes"].append(tuple(x.shape[1:]))
    s["features"] = x.numel()
    q4 = block(md, "## Q4")
    ci, co, kk = (int(v) for v in re.search(r"q4_conv_params`: `torch.nn.Conv2d\(in_channels=(\d+), out_channels=(\d+), "
                                              r"kernel_size=\((\d+), \d+\)", q4).groups())
    s["q4_conv"] = (ci, co, kk)
    size = int(re.search(r"input_size = (\d+) \* \d+", q4).group(1))
    fc = eval(code_in(q4), {"torch": torch, "input_size": size * size})
    s["fc_widths"] = [size * size] + [l.out_features for l in fc if isinstance(l, nn.Linear)]
    q8 = block(md, "## Q8")
    mt = re.search(r"(\w+) conv blocks with (\d+) kernels", q8)
    s["blocks"], s["width"] = WORDS[mt.group(1)], int(mt.group(2))
    s["fc_in"] = int(re.search(r"Linear\((\d+), 1\)", q8).group(1))
    s["image"] = int(re.search(r"It takes\s+(\d+)x\d+ images", q8).group(1))
    q6 = code_in(block(md, "## Q6").replace("```\ninput", "```python\ninput"))
    rows = [list(map(int, line.split())) for line in q6.splitlines()[1:] if line.strip()]
    s["image6"] = [r[:5] for r in rows]
    s["kernel6"] = [r[5:] for r in rows[:3]]
    img, ker = torch.tensor(s["image6"], dtype=torch.float32), torch.tensor(s["kernel6"], dtype=torch.float32)
    s["q6"] = [[int((img[i:i + 3, j:j + 3] * ker).sum()) for j in range(3)] for i in range(3)]
    q9 = block(md, "## Q9")
    s["q9"] = {re.search(r"\((\w)\) The parameters of", q9).group(1)}
    q10 = block(md, "## Q10")
    st = dict(re.findall(r"^(\d)\. (.*)$", q10, re.M))
    truth = {1: True, 2: False, 3: True, 7: True}
    a, b, kk4, cnt = map(int, re.search(r"in_channels=(\d+), out_channels=(\d+), kernel_size=(\d+)\)` has (\d+)",
                                         st["4"]).groups())
    truth[4] = n_params(nn.Conv2d(a, b, kk4)) == cnt
    sd, kk5, n5, m5 = map(int, re.search(r"stride (\d+) and no padding, a (\d+)x\d+ kernel maps a (\d+)x\d+ input "
                                         r"to (\d+)x", st["5"]).groups())
    truth[5] = (n5 - kk5) // sd + 1 == m5
    a, b, kh, kw, shp = re.search(r"nn.Conv2d\((\d+), (\d+), kernel_size=\((\d+), (\d+)\)\)` has shape `\(([\d, ]+)\)`",
                                  st["6"]).groups()
    truth[6] = (tuple(nn.Conv2d(int(a), int(b), (int(kh), int(kw))).weight.shape) ==
                tuple(int(v) for v in shp.split(",")))
    kp, n8, m8 = map(int, re.search(r"MaxPool2d\((\d+)\)` maps a (\d+)x\d+ feature map to (\d+)x", st["8"]).groups())
    truth[8] = n8 // kp == m8
    s["q10"] = [truth[i] for i in range(1, 9)]
    return s


# ------------------------------------------------------------------------------------------------------------
# Styles: each returns the ten answer cells for one student's numbers.
# ------------------------------------------------------------------------------------------------------------

Q2 = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        if (room := size + 2 * padding - kernel_size) < 0:
            raise ValueError("kernel larger than the padded input")
        return room // stride + 1''')
Q5 = d('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size,) * 2
        return in_channels * out_channels * kh * kw + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        return (in_features + (1 if bias else 0)) * out_features''')
Q6_FUNCS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        return sum(kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
                   for a in range(kh) for b in range(kw))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = (image.shape[0] // k) * k, (image.shape[1] // k) * k
        return image[:h, :w].reshape(h // k, k, w // k, k).amax(dim=(1, 3))''')


def common(s):
    (c0, c1, k1, p1), (_, c2, k2, p2) = s["conv_args"]
    return dict(c0=c0, c1=c1, k1=k1, p1=p1, c2=c2, k2=k2, p2=p2, pool=s["pool"], feat=s["features"],
                blocks=s["blocks"], width=s["width"], fc_in=s["fc_in"], image=s["image"])


def cells_basic(s, q7, q8, *, q3=None, q4=None, q9=None, q10=None, q6_output=None):
    ci, co, kk = s["q4_conv"]
    w = s["fc_widths"]
    (c0, c1, k1, p1), (_, c2, k2, p2) = s["conv_args"]
    return {
        "q1": f'q1_answer = "{s["q1"]}"',
        "q2": Q2,
        "q3": q3 or f"q3_shapes = {s['q3_shapes']!r}\nq3_flatten_features = {s['features']}",
        "q4": q4 or (f"q4_conv_params = {ci} * {co} * {kk} * {kk} + {co}\n"
                     f"q4_cnn_params = ({c0} * {c1} * {k1 * k1} + {c1}) + ({c1} * {c2} * {k2 * k2} + {c2}) + "
                     f"({s['features']} + 1)\n"
                     f"q4_fcnn_params = " + " + ".join(f"({a} * {b} + {b})" for a, b in zip(w, w[1:]))),
        "q5": Q5,
        "q6": "import torch\n\nq6_output = " + (q6_output or repr(s["q6"])) + "\n\n\n" + Q6_FUNCS,
        "q7": q7,
        "q8": q8,
        "q9": q9 or f"q9_true = {s['q9']!r}",
        "q10": q10 or f"q10_answers = dict(enumerate({s['q10']!r}, start=1))",
    }


def style_parameterdict(s):  # ada: weights in a ParameterDict, functional forward
    c = common(s)
    q7 = d(f'''
        import torch
        import torch.nn.functional as F
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                a, b = nn.Conv2d({c['c0']}, {c['c1']}, {c['k1']}), nn.Conv2d({c['c1']}, {c['c2']}, {c['k2']})
                fc = nn.Linear({c['feat']}, 1)
                self.p = nn.ParameterDict(dict(w1=a.weight, b1=a.bias, w2=b.weight, b2=b.bias, w3=fc.weight, b3=fc.bias))

            def forward(self, x):
                p = self.p
                x = F.max_pool2d(F.relu(F.conv2d(x, p["w1"], p["b1"], padding={c['p1']})), {c['pool']})
                x = F.max_pool2d(F.relu(F.conv2d(x, p["w2"], p["b2"], padding={c['p2']})), {c['pool']})
                return F.linear(x.flatten(1), p["w3"], p["b3"])''')
    q8 = d(f'''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                net = conv_block(input_channels, {c['width']})
                for _ in range({c['blocks'] - 1}):
                    net = net + conv_block({c['width']}, {c['width']})
                self.net = net + nn.Sequential(nn.Flatten(), nn.Linear({c['fc_in']}, 1))

            def forward(self, x):
                return self.net(x)''')
    return cells_basic(s, q7, q8, q9=f"q9_true = frozenset({sorted(s['q9'])!r})")


def style_children_loop(s):  # bo: forward iterates self.children(); numpy counts
    c = common(s)
    q7 = d(f'''
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d({c['c0']}, {c['c1']}, ({c['k1']}, {c['k1']}), padding=({c['p1']}, {c['p1']}))
                self.relu1 = nn.ReLU()
                self.pool1 = nn.MaxPool2d(kernel_size={c['pool']}, stride={c['pool']})
                self.conv2 = nn.Conv2d({c['c1']}, {c['c2']}, ({c['k2']}, {c['k2']}), padding=({c['p2']}, {c['p2']}))
                self.relu2 = nn.ReLU()
                self.pool2 = nn.MaxPool2d(kernel_size={c['pool']}, stride={c['pool']})
                self.flat = nn.Flatten()
                self.out = nn.Linear({c['feat']}, 1)

            def forward(self, x):
                for layer in self.children():
                    x = layer(x)
                return x''')
    q8 = d(f'''
        from torch import nn


        def conv_block(input_channels, output_channels):
            block = nn.Sequential()
            block.append(nn.Conv2d(input_channels, output_channels, kernel_size=[3, 3], padding=1))
            block.append(nn.ReLU())
            return block


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.body = nn.Sequential()
                for i, o in [(input_channels, {c['width']})] + [({c['width']}, {c['width']})] * {c['blocks'] - 1}:
                    self.body.extend(conv_block(i, o))
                self.head = nn.Sequential(nn.Flatten(), nn.Linear({c['fc_in']}, 1))

            def forward(self, x):
                for module in self.children():
                    x = module(x)
                return x''')
    ci, co, kk = s["q4_conv"]
    (c0, c1, k1, _), (_, c2, k2, _) = s["conv_args"]
    q4 = d(f'''
        import numpy as np

        q4_conv_params = np.int64({ci}) * {co} * {kk} * {kk} + {co}
        convs = np.array([[{c0}, {c1}, {k1}], [{c1}, {c2}, {k2}]])
        q4_cnn_params = int(np.sum(convs[:, 0] * convs[:, 1] * convs[:, 2] ** 2 + convs[:, 1])) + {s['features']} + 1
        widths = np.array({s['fc_widths']!r}, dtype=np.int64)
        q4_fcnn_params = np.sum(widths[:-1] * widths[1:] + widths[1:])''')
    return cells_basic(s, q7, q8, q4=q4)


def style_type_built(s):  # cy: classes made with type() and a class factory; torch.Size shapes
    c = common(s)
    q7 = d(f'''
        import torch
        from torch import nn


        def _cnn_init(self):
            nn.Module.__init__(self)
            self.net = nn.Sequential(
                nn.Conv2d({c['c0']}, {c['c1']}, {c['k1']}, padding={c['p1']}), nn.ReLU(), nn.MaxPool2d({c['pool']}),
                nn.Conv2d({c['c1']}, {c['c2']}, {c['k2']}, padding={c['p2']}), nn.ReLU(), nn.MaxPool2d({c['pool']}),
                nn.Flatten(), nn.Linear({c['feat']}, 1),
            )


        CNN = type("CNN", (nn.Module,), {{"__init__": _cnn_init, "forward": lambda self, x: self.net(x)}})''')
    q8 = d(f'''
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        def make_convnet_class(blocks={c['blocks']}, width={c['width']}, size={c['image']}):
            class ConvNet(nn.Module):
                def __init__(self, input_channels):
                    super().__init__()
                    chans = [input_channels] + [width] * blocks
                    self.convs = nn.Sequential(*[conv_block(a, b) for a, b in zip(chans, chans[1:])])
                    self.fc = nn.Linear(width * size * size, 1)

                def forward(self, x):
                    return self.fc(self.convs(x).flatten(1))
            return ConvNet


        ConvNet = make_convnet_class()''')
    q3 = ("import torch\n\nq3_shapes = [" + ", ".join(f"torch.Size({list(t)!r})" for t in s["q3_shapes"]) +
          "]\nq3_flatten_features = q3_shapes[-1].numel()")
    return cells_basic(s, q7, q8, q3=q3, q9=f'q9_true = set("{"".join(sorted(s["q9"]))}")')


def style_direct_forward(s):  # dee: .forward() called directly; q10 from a text table
    c = common(s)
    q7 = d(f'''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d({c['c0']}, {c['c1']}, {c['k1']}, padding={c['p1']})
                self.conv2 = nn.Conv2d({c['c1']}, {c['c2']}, {c['k2']}, padding={c['p2']})
                self.relu = nn.ReLU()
                self.pool = nn.MaxPool2d({c['pool']})
                self.flatten = nn.Flatten()
                self.linear = nn.Linear({c['feat']}, 1)

            def forward(self, x):
                x = self.pool.forward(self.relu.forward(self.conv1.forward(x)))
                x = self.pool.forward(self.relu.forward(self.conv2.forward(x)))
                return self.linear.forward(self.flatten.forward(x))''')
    q8 = d(f'''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.blocks = nn.ModuleList([conv_block(input_channels, {c['width']})] +
                                            [conv_block({c['width']}, {c['width']}) for _ in range({c['blocks'] - 1})])
                self.fc = nn.Linear({c['fc_in']}, 1)

            def forward(self, x):
                for block in self.blocks:
                    x = block.forward(x)
                return self.fc.forward(torch.flatten(x, 1))''')
    table = "\n".join(f"{i} {'T' if t else 'F'}" for i, t in enumerate(s["q10"], start=1))
    q10 = ('from collections import OrderedDict\n\nstatements = """\n' + table + '\n"""\n'
           'q10_answers = OrderedDict((n, flag == "T") for n, flag in (line.split() for line in statements.strip().splitlines()))')
    return cells_basic(s, q7, q8, q10=q10)


def style_register_module(s):  # eli: register_module / get_submodule, torch.max_pool2d, numpy int keys
    c = common(s)
    q7 = d(f'''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.register_module("c1", nn.Conv2d({c['c0']}, {c['c1']}, {c['k1']}, padding={c['p1']}))
                self.register_module("c2", nn.Conv2d({c['c1']}, {c['c2']}, {c['k2']}, padding={c['p2']}))
                self.register_module("lin", nn.Linear({c['feat']}, 1))

            def forward(self, x):
                x = torch.max_pool2d(torch.relu(self.c1(x)), {c['pool']})
                x = torch.max_pool2d(torch.relu(self.c2(x)), {c['pool']})
                return self.lin(x.view(x.size(0), -1))''')
    q8 = d(f'''
        import torch
        from torch import nn


        def conv_block(input_channels, output_channels):
            seq = nn.Sequential()
            seq.register_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
            seq.register_module("relu", nn.ReLU())
            return seq


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                for n in range({c['blocks']}):
                    self.register_module(f"block{{n}}", conv_block(input_channels if n == 0 else {c['width']}, {c['width']}))
                self.register_module("fc", nn.Linear({c['fc_in']}, 1))

            def forward(self, x):
                for n in range({c['blocks']}):
                    x = self.get_submodule(f"block{{n}}")(x)
                return self.get_submodule("fc")(x.flatten(1))''')
    q10 = ("import numpy as np\n\ntruths = np.array(" + repr(s["q10"]) + ")\n"
           "q10_answers = {k: v for k, v in zip(np.arange(1, 9), truths)}")
    return cells_basic(s, q7, q8, q10=q10, q6_output="torch.tensor(" + repr(s["q6"]) + ", dtype=torch.float64)")


def style_args_kwargs(s):  # fay: forward(*args, **kwargs), checkpointed blocks, Decimal conv size
    c = common(s)
    q7 = d(f'''
        import torch
        from torch import nn


        class CNN(nn.Module):
            def __init__(self, **unused):
                super().__init__()
                self.conv1 = nn.Conv2d({c['c0']}, {c['c1']}, {c['k1']}, padding={c['p1']})
                self.conv2 = nn.Conv2d({c['c1']}, {c['c2']}, {c['k2']}, padding={c['p2']})
                self.fc = nn.Linear({c['feat']}, 1)

            def forward(self, *args, **kwargs):
                x = args[0] if args else kwargs["x"]
                for conv in (self.conv1, self.conv2):
                    x = nn.functional.max_pool2d(nn.functional.relu(conv(x)), {c['pool']})
                return self.fc(x.reshape(x.shape[0], -1))''')
    q8 = d(f'''
        import torch
        from torch import nn
        from torch.utils.checkpoint import checkpoint


        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels, *args, **kwargs):
                super().__init__()
                self.blocks = nn.ModuleList(conv_block(ch, {c['width']}) for ch in [input_channels] + [{c['width']}] * {c['blocks'] - 1})
                self.fc = nn.Linear({c['fc_in']}, 1)

            def forward(self, *inputs, **options):
                (x,) = inputs
                for block in self.blocks:
                    x = checkpoint(block, x, use_reentrant=False) if x.requires_grad else block(x)
                return self.fc(x.flatten(start_dim=1))''')
    cells = cells_basic(s, q7, q8)
    cells["q2"] = d('''
        from decimal import Decimal, ROUND_FLOOR


        def conv_output_size(size, kernel_size, stride=1, padding=0):
            span = Decimal(size + 2 * padding - kernel_size)
            if span < 0:
                raise ValueError("kernel larger than the padded input")
            return int((span / Decimal(stride)).to_integral_value(rounding=ROUND_FLOOR)) + 1''')
    return cells


STYLES = {"ada": style_parameterdict, "bo": style_children_loop, "cy": style_type_built,
          "dee": style_direct_forward, "eli": style_register_module, "fay": style_args_kwargs}
AS_SCRIPT = {"eli"}  # saved as a script (File > Download as .py)


def main(handout: Path):
    out = HERE / "class"
    for student, style in STYLES.items():
        nb = nbformat.read(str(handout / student / "lecture06.ipynb"), as_version=4)
        cells = style(spec_of(nb))
        answer_cells = [c for c in nb.cells if c.cell_type == "code" and "..." in c.source]
        assert len(answer_cells) == 10, student
        for q, cell in zip([f"q{i}" for i in range(1, 11)], answer_cells):
            cell.source = cells[q]
        (out / student).mkdir(parents=True, exist_ok=True)
        if student in AS_SCRIPT:
            text = "\n\n\n".join(f"# In[{i}]:\n\n{c.source}" for i, c in enumerate(nb.cells)
                                 if c.cell_type == "code" and not c.source.startswith("grader.") and "otter" not in c.source)
            (out / student / "lecture06.py").write_text("#!/usr/bin/env python\n# coding: utf-8\n\n" + text + "\n")
        else:
            nbformat.write(nb, str(out / student / "lecture06.ipynb"))
    print("written to", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
