"""Generate the round-3 fairness notebooks (r3_nb_*.ipynb); the r3_py_* scripts are written by hand.

    .venv/bin/python tests/corpus/fair/_make_r3.py
"""
from __future__ import annotations

import base64
from pathlib import Path
from textwrap import dedent

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

HERE = Path(__file__).resolve().parent
PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2"
    "2b5b3b0000000049454e44ae426082")).decode()


def md(t):
    return new_markdown_cell(dedent(t).strip())


def code(t, n=None, outputs=None):
    c = new_code_cell(dedent(t).strip("\n"))
    c.execution_count = n
    c.outputs = outputs or []
    return c


def out(text):
    return new_output("stream", name="stdout", text=text)


def res(text, n):
    return new_output("execute_result", data={"text/plain": text}, execution_count=n)


def err(ename, evalue):
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"\x1b[0;31m{ename}\x1b[0m: {evalue}"])


def fig():
    return new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"})


OTTER = 'import otter\ngrader = otter.Notebook("lecture06.ipynb")'
IMPORTS = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F"

A = {
    "q1": 'q1_answer = "C"',
    "q2": '''
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if kernel_size > size + 2 * padding:
                raise ValueError("kernel does not fit")
            return (size + 2 * padding - kernel_size) // stride + 1''',
    "q3": '''
        q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
        q3_flatten_features = 2 * 25 * 25''',
    "q4": '''
        q4_conv_params = 3 * 3 * 3 * 3 + 3
        q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
        q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])''',
    "q5": '''
        def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
            kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
            return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


        def linear_params(in_features, out_features, bias=True):
            return out_features * in_features + (out_features if bias else 0)''',
    "q6": '''
        import torch

        q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])


        def conv2d(image, kernel, stride=1, padding=0):
            kh, kw = kernel.shape
            x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
            x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
            return out''',
    "q7": '''
        import torch


        class CNN(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = torch.nn.Conv2d(1, 3, kernel_size=(3, 3), padding=1)
                self.conv2 = torch.nn.Conv2d(3, 2, kernel_size=(3, 3), padding=1)
                self.pool = torch.nn.MaxPool2d(2)
                self.fc = torch.nn.Linear(1250, 1)

            def forward(self, x):
                x = self.pool(torch.relu(self.conv1(x)))
                x = self.pool(torch.relu(self.conv2(x)))
                return self.fc(torch.flatten(x, 1))''',
    "q8": '''
        import torch


        def conv_block(input_channels, output_channels):
            return torch.nn.Sequential(torch.nn.Conv2d(input_channels, output_channels, 3, padding=1), torch.nn.ReLU())


        class ConvNet(torch.nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.features = torch.nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
                self.fc = torch.nn.Linear(49152, 1)

            def forward(self, x):
                return self.fc(self.features(x).flatten(1))''',
    "q9": 'q9_true = {"C"}',
    "q10": "q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}",
}
QS = list(A)
TITLES = {"q1": "Q1. Exercise 6.1", "q2": "Q2. The output size of a convolution", "q3": "Q3. Shapes",
          "q4": "Q4. Counting parameters", "q5": "Q5. Parameter formulas", "q6": "Q6. Convolution by hand",
          "q7": "Q7. Build the pooled CNN", "q8": "Q8. CNN vs FCNN", "q9": "Q9. Exercise 6.2", "q10": "Q10. True or false"}


def standard(overrides=None, check=True, between=None):
    """Header cells, then per question: heading, answer (or override), check; `between[q]` extra cells after."""
    overrides, between = overrides or {}, between or {}
    cells = [md("# Lecture 6: Introduction to Convolutional Neural Networks"), code(OTTER)]
    for q in QS:
        cells.append(md(f"## {TITLES[q]}"))
        ans = overrides.get(q, A[q])
        cells += ans if isinstance(ans, list) else [code(ans)]
        cells += between.get(q, [])
        if check:
            cells.append(code(f'grader.check("{q}")'))
    return cells


def write(name, cells, metadata=None, minor=5):
    nb = new_notebook(cells=cells, metadata=metadata or {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "version": "3.11.7"}})
    nb.nbformat_minor = minor
    for i, c in enumerate(nb.cells):
        c.id = f"{name[3:15].replace('_', '-')}-{i}"  # stable ids: regenerating changes nothing
    nbformat.validate(nb)
    (HERE / f"{name}.ipynb").write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
def nb_unittest():
    tests = code('''
        import unittest
        import torch.nn.functional as F


        class TestLecture06(unittest.TestCase):
            def test_output_size(self):
                self.assertEqual(conv_output_size(100, 5), 96)
                with self.assertRaises(ValueError):
                    conv_output_size(2, 5)

            def test_conv_matches_torch(self):
                for stride, padding in [(1, 0), (2, 1), (3, 2)]:
                    x, k = torch.randn(9, 8), torch.randn(3, 2)
                    want = F.conv2d(x[None, None], k[None, None], stride=stride, padding=padding)[0, 0]
                    torch.testing.assert_close(conv2d(x, k, stride, padding), want)

            def test_pool_matches_torch(self):
                x = torch.randn(7, 6)
                torch.testing.assert_close(max_pool2d(x), F.max_pool2d(x[None], 2)[0])

            def test_models(self):
                self.assertEqual(CNN()(torch.randn(3, 1, 100, 100)).shape, (3, 1))
                self.assertEqual(sum(p.numel() for p in ConvNet(1).parameters()), 49519)


        unittest.main(argv=["first-arg-is-ignored"], exit=False, verbosity=2)''', 23,
                 [new_output("stream", name="stderr", text="test_conv_matches_torch ... ok\ntest_models ... ok\n"
                             "test_output_size ... ok\ntest_pool_matches_torch ... ok\n\n"
                             "Ran 4 tests in 0.412s\n\nOK\n")])
    cells = standard(between={"q8": [md("### My unit tests (run after everything is defined)"), tests]})
    write("r3_nb_unittest_in_notebook", cells)


def nb_colab():
    setup = code('''
        import sys
        IN_COLAB = "google.colab" in sys.modules
        if IN_COLAB:
            !pip install -q torchsummary
            from google.colab import drive
            drive.mount("/content/drive")
        print("Running on Colab:", IN_COLAB)''', 1, [out("Running on Colab: True\n")])
    cells = standard()
    cells.insert(1, md("Setup (works both on Colab and locally)"))
    cells.insert(2, setup)
    cells.insert(3, code(IMPORTS, 2))
    meta = {"colab": {"provenance": [], "gpuType": "T4"}, "accelerator": "GPU",
            "kernelspec": {"display_name": "Python 3", "name": "python3"}, "language_info": {"name": "python"}}
    write("r3_nb_colab_sys_modules", cells, meta)


def nb_platform():
    env = code('''
        import os
        import platform
        import sys

        import numpy as np
        import torch

        print(f"OS       : {platform.system()} {platform.release()} ({platform.machine()})")
        print(f"Python   : {sys.version.split()[0]}")
        print(f"PyTorch  : {torch.__version__}  CUDA: {torch.cuda.is_available()}")
        print(f"NumPy    : {np.__version__}")
        print(f"CPUs     : {os.cpu_count()}")''', 1,
               [out("OS       : Darwin 23.4.0 (arm64)\nPython   : 3.11.7\nPyTorch  : 2.3.0  CUDA: False\n"
                    "NumPy    : 1.26.4\nCPUs     : 8\n")])
    cells = standard()
    cells[1:1] = [md("Environment, for reproducibility:"), code("%load_ext watermark\n%watermark -v -m -p torch,numpy", 0), env]
    write("r3_nb_platform_env_report", cells)


def nb_hooks():
    viz = [md("### Looking at the feature maps\nI capture every activation with forward hooks and plot them."),
           code('''
               %matplotlib inline
               import matplotlib.pyplot as plt

               model = CNN()
               activations = {}


               def save_to(name):
                   def hook(module, inputs, output):
                       activations[name] = output.detach()
                   return hook


               handles = [model.conv1.register_forward_hook(save_to("conv1")),
                          model.conv2.register_forward_hook(save_to("conv2"))]
               with torch.no_grad():
                   model(torch.rand(1, 1, 100, 100))
               for h in handles:
                   h.remove()

               fig, axes = plt.subplots(1, 5, figsize=(12, 3))
               for ax, fmap in zip(axes, list(activations["conv1"][0]) + list(activations["conv2"][0])):
                   ax.imshow(fmap, cmap="gray")
                   ax.axis("off")
               plt.show()
               {k: tuple(v.shape) for k, v in activations.items()}''', 15,
                [fig(), res("{'conv1': (1, 3, 100, 100), 'conv2': (1, 2, 50, 50)}", 15)])]
    write("r3_nb_feature_map_hooks_plots", standard(between={"q7": viz}))


def nb_jupyterlab():
    cells = standard()
    att = md("The figure from the slides:\n\n![conv.png](attachment:conv.png)")
    att.attachments = {"conv.png": {"image/png": PNG}}
    cells.insert(1, att)
    n = 0
    for c in cells:
        c.metadata.setdefault("tags", [])
        if c.cell_type == "code":
            n += 1
            c.execution_count = n
            c.metadata["execution"] = {"iopub.execute_input": "2026-11-20T10:%02d:01.118Z" % n,
                                       "iopub.status.busy": "2026-11-20T10:%02d:01.117Z" % n,
                                       "iopub.status.idle": "2026-11-20T10:%02d:01.532Z" % n,
                                       "shell.execute_reply": "2026-11-20T10:%02d:01.531Z" % n}
            c.metadata["collapsed"] = False
            if "grader.check" in c.source:
                c.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
                c.metadata["tags"].append("hide-input")
            c.metadata["scrolled"] = True
    meta = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
            "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                              "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                              "pygments_lexer": "ipython3", "version": "3.12.3"},
            "toc-autonumbering": True, "toc-showcode": False,
            "widgets": {"application/vnd.jupyter.widget-state+json": {"state": {}, "version_major": 2, "version_minor": 0}}}
    write("r3_nb_jupyterlab_attachments_metadata", cells, meta)


def nb_errors_fixed():
    cells = standard(overrides={
        "q3": [code("q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]\n"
                    "q3_flatten_features = flatten_size", 5, [err("NameError", "name 'flatten_size' is not defined")]),
               md("(fixed: I had not defined `flatten_size`)"),
               code(A["q3"], 6)],
        "q6": [code('''
            def conv2d(image, kernel, stride=1, padding=0):
                kh, kw = kernel.shape
                out = torch.zeros((image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1)
                for i in range(out.shape[0]):
                    for j in range(out.shape[1]):
                        out[i, j] = (image[i:i + kh, j:j + kw] * kernel).sum()
                return out

            print(conv2d(torch.ones(4, 4), torch.ones(2, 2)))''', 9,
                    [err("NameError", "name 'torch' is not defined")]),
               md("Forgot the import, and the stride / padding. Second try:"),
               code(A["q6"], 11)],
        "q7": [code(dedent(A["q7"]).strip("\n") + "\n\n\nCNN()(torch.randn(100, 100))", 14,
                    [err("RuntimeError", "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [100, 100]")]),
               code("CNN()(torch.randn(2, 1, 100, 100)).shape", 15, [res("torch.Size([2, 1])", 15)])],
    })
    write("r3_nb_error_cells_fixed_later", cells)


def nb_long():
    cells = [md("# Lecture 6 notes + exercises\nEverything from the lecture, re-typed while following along."),
             code(OTTER, 1), code(IMPORTS + "\nimport numpy as np\nimport matplotlib.pyplot as plt", 2)]
    n = 3
    topics = ["Images as tensors", "Ingredient 1: convolution", "Ingredient 2: padding and stride",
              "Ingredient 3: pooling", "Counting parameters", "CNN vs fully connected", "Training a tiny CNN"]
    for t_i, topic in enumerate(topics):
        cells.append(md(f"## Notes: {topic}\n\n" + "Some notes from the slides. " * 20))
        for k in range(12):
            cells.append(md(f"### {topic}, point {k + 1}\n\n- " + "\n- ".join(f"remark {j}" for j in range(5))))
            cells.append(code(f'''
                x{t_i}_{k} = torch.arange({(k + 2) ** 2}.).reshape({k + 2}, {k + 2})
                print("{topic}", x{t_i}_{k}.shape, x{t_i}_{k}.sum().item())''', n,
                              [out(f"{topic} torch.Size([{k + 2}, {k + 2}]) {float(sum(range((k + 2) ** 2)))}\n")]))
            n += 1
    cells.append(md("## Tiny training demo (from the lecture)"))
    cells.append(code('''
        torch.manual_seed(0)
        demo = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(2 * 8 * 8, 1))
        opt = torch.optim.SGD(demo.parameters(), lr=0.05)
        X, y = torch.randn(32, 1, 16, 16), torch.randn(32, 1)
        for epoch in range(20):
            opt.zero_grad()
            loss = F.mse_loss(demo(X), y)
            loss.backward()
            opt.step()
        print(f"final loss {loss.item():.3f}")''', n, [out("final loss 0.871\n")]))
    n += 1
    cells.append(md("# Exercises"))
    for q in QS:
        cells.append(md(f"## {TITLES[q]}\n\n" + "(question text copied from the handout) " * 5))
        cells.append(code(A[q], n))
        n += 1
        cells.append(code(f'grader.check("{q}")', n))
        n += 1
        for k in range(3):
            cells.append(md(f"scratch {k}"))
            cells.append(code(f"# scratch for {q}\n_scratch = {k} * 2\n_scratch", n, [res(str(k * 2), n)]))
            n += 1
    write("r3_nb_very_long_lecture_notes", cells)


def nb_defaultdict():
    q10 = [code('''
        from collections import defaultdict

        q10_answers = defaultdict(bool)   # everything False unless I say so
        for true_statement in (1, 3, 4, 7):
            q10_answers[true_statement] = True''', 20),
           code('''
        for n in range(1, 9):
            print(n, q10_answers[n])''', 21,
                [out("1 True\n2 False\n3 True\n4 True\n5 False\n6 False\n7 True\n8 False\n")])]
    q9 = [code('q9_true = set("C")   # the only true statement', 19)]
    q3 = [code('''
        import pandas as pd

        table = pd.DataFrame({"layer": ["conv1", "pool1", "conv2", "pool2"],
                              "C": [3, 3, 2, 2], "H": [100, 50, 50, 25], "W": [100, 50, 50, 25]})
        display(table)
        q3_shapes = [list(map(int, row)) for row in table[["C", "H", "W"]].itertuples(index=False)]
        q3_flatten_features = int(table.iloc[-1][["C", "H", "W"]].prod())''', 4,
                 [res("   layer  C    H    W\n0  conv1  3  100  100\n1  pool1  3   50   50\n2  conv2  2   50   50\n3  pool2  2   25   25", 4)])]
    write("r3_nb_defaultdict_q10_print_loop", standard(overrides={"q3": q3, "q9": q9, "q10": q10}))


def nb_strings():
    q10 = code('''
        # my answers as I wrote them on the worksheet
        worksheet = "1 True, 2 False, 3 True, 4 True, 5 False, 6 False, 7 True, 8 False"
        q10_answers = {int(num): word for num, word in (item.split() for item in worksheet.split(", "))}
        q10_answers''', 30, [res("{1: 'True', 2: 'False', 3: 'True', 4: 'True', 5: 'False', 6: 'False', 7: 'True', 8: 'False'}", 30)])
    write("r3_nb_strings_true_false_q10", standard(overrides={"q10": [q10]}))


def nb_capture_timeit():
    between = {"q6": [
        md("Which is faster, my loops or a vectorised version?"),
        code('''
            %%timeit -n 5 -r 3
            conv2d(torch.randn(32, 32), torch.randn(3, 3))''', 12, [out("4.21 ms ± 61.2 µs per loop (mean ± std. dev. of 3 runs, 5 loops each)\n")]),
        code('''
            %%capture captured
            for s, p in [(1, 0), (2, 1)]:
                print(s, p, conv2d(torch.ones(5, 5), torch.ones(3, 3), stride=s, padding=p).shape)''', 13),
        code("captured.show()", 14, [out("1 0 torch.Size([3, 3])\n2 1 torch.Size([3, 3])\n")]),
        code("%timeit -n 3 max_pool2d(torch.randn(64, 64))", 15, [out("1.02 ms ± 12 µs per loop\n")]),
    ]}
    cells = standard(between=between)
    cells[1:1] = [code("%load_ext autoreload\n%autoreload 2\n%config InlineBackend.figure_format = 'retina'", 1)]
    write("r3_nb_capture_named_and_timeit_cells", cells)


def nb_get_ipython_import():
    first = code('''
        from IPython import get_ipython

        ipython = get_ipython()
        ipython.run_line_magic("load_ext", "autoreload")
        ipython.run_line_magic("autoreload", "2")

        import torch
        import torch.nn as nn
        import torch.nn.functional as F''', 1)
    over = {"q7": '''
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                x = F.max_pool2d(F.relu(self.conv1(x)), 2)
                x = F.max_pool2d(F.relu(self.conv2(x)), 2)
                return self.fc(x.flatten(1))''',
            "q8": '''
        def conv_block(input_channels, output_channels):
            return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


        class ConvNet(nn.Module):
            def __init__(self, input_channels):
                super().__init__()
                self.net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                         nn.Flatten(), nn.Linear(49152, 1))

            def forward(self, x):
                return self.net(x)'''}
    cells = standard(overrides=over)
    cells.insert(1, first)
    write("r3_nb_ipython_get_ipython_import", cells)


def nb_yaml_config():
    cfg = code('''
        import yaml

        ARCH = yaml.safe_load("""
        pooled_cnn:
          - {type: Conv2d, in_channels: 1, out_channels: 3, kernel_size: 3, padding: 1}
          - {type: ReLU}
          - {type: MaxPool2d, kernel_size: 2}
          - {type: Conv2d, in_channels: 3, out_channels: 2, kernel_size: 3, padding: 1}
          - {type: ReLU}
          - {type: MaxPool2d, kernel_size: 2}
          - {type: Flatten}
          - {type: Linear, in_features: 1250, out_features: 1}
        """)


        def build(specs):
            """nn.Sequential from a list of {type: ..., **kwargs} dicts."""
            layers = []
            for spec in specs:
                kwargs = dict(spec)
                layer_cls = getattr(nn, kwargs.pop("type"))
                layers.append(layer_cls(**kwargs))
            return nn.Sequential(*layers)''', 3)
    over = {
        "q7": '''
            class CNN(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.net = build(ARCH["pooled_cnn"])

                def forward(self, x):
                    return self.net(x)''',
        "q8": '''
            def conv_block(input_channels, output_channels):
                return build([{"type": "Conv2d", "in_channels": input_channels, "out_channels": output_channels,
                               "kernel_size": 3, "padding": 1}, {"type": "ReLU"}])


            class ConvNet(nn.Module):
                def __init__(self, input_channels):
                    super().__init__()
                    self.blocks = nn.Sequential(*[conv_block(c, 3) for c in [input_channels] + [3] * 4])
                    self.head = build([{"type": "Flatten"}, {"type": "Linear", "in_features": 49152, "out_features": 1}])

                def forward(self, x):
                    return self.head(self.blocks(x))''',
    }
    cells = standard(overrides=over)
    cells[2:2] = [code(IMPORTS, 2), md("Architectures are described in YAML (like in our lab's configs)."), cfg]
    write("r3_nb_config_yaml_layers", cells)


def nb_torch_save():
    save = [md("### Save the trained-from-scratch models for next week's lab"),
            code('''
                model = CNN()
                torch.save(model, "cnn_full.pt")              # the whole module, class and all
                reloaded = torch.load("cnn_full.pt", weights_only=False)
                print(type(reloaded).__name__, sum(p.numel() for p in reloaded.parameters()))''', 18,
                 [out("CNN 1337\n")])]
    write("r3_nb_torch_save_whole_model", standard(between={"q8": save}))


def nb_colab_try_import():
    setup = code('''
        try:
            import google.colab  # noqa: F401
            ON_COLAB = True
        except ImportError:
            ON_COLAB = False
        print("Colab:", ON_COLAB)''', 1, [out("Colab: False\n")])
    dump = [md("Save my answers so I can paste them into the quiz"),
            code('''
                import json

                answers = {"q1": q1_answer, "q3": q3_shapes, "q3_flat": q3_flatten_features,
                           "q4": [q4_conv_params, q4_cnn_params, q4_fcnn_params],
                           "q9": sorted(q9_true), "q10": q10_answers}
                with open("my_answers.json", "w") as f:
                    json.dump(answers, f, indent=2)
                print(open("my_answers.json").read()[:60])''', 30, [out('{\n  "q1": "C",\n  "q3": [\n    [\n      3,\n      100,\n  \n')])]
    cells = standard()
    cells[1:1] = [setup, code(IMPORTS, 2)]
    cells += dump
    write("r3_nb_colab_try_import_saves_json", cells)


if __name__ == "__main__":
    for make in [nb_unittest, nb_colab, nb_platform, nb_hooks, nb_jupyterlab, nb_errors_fixed, nb_long,
                 nb_defaultdict, nb_strings, nb_capture_timeit, nb_get_ipython_import, nb_yaml_config,
                 nb_torch_save, nb_colab_try_import]:
        make()
