"""Generate the fairness corpus: correct submissions written the ways real students write.

    .venv/bin/python tests/corpus/fair/_make.py

Every generated file is committed; tests/fair_oracle.py proves each one correct against torch.
"""

from __future__ import annotations

import base64
import sys
from pathlib import Path
from textwrap import dedent as d

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output, new_raw_cell

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _snips import (BLOCK, CNN, CONV, CONVNET, DRAFT_CONV, DRAFT_POOL, IMP, OTTER_INIT, POOL, Q1, Q2,  # noqa: E402
                    Q3, Q4, Q5, Q6_INPUTS, Q6OUT, Q9, Q10)

PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2"
    "2b5b3b0000000049454e44ae426082")).decode()

TITLES = {
    "q1": "Q1. Exercise 6.1: the output of a 3x3 filter", "q2": "Q2. The output size of a convolution",
    "q3": "Q3. Shapes through a pooled CNN", "q4": "Q4. Counting parameters", "q5": "Q5. Parameter formulas",
    "q6": "Q6. Convolution and max pooling by hand", "q7": "Q7. Build the pooled CNN",
    "q8": "Q8. CNN vs FCNN: a network of conv blocks", "q9": "Q9. Exercise 6.2: select the true statements",
    "q10": "Q10. True or false: convolutions in PyTorch",
}
QS = list(TITLES)


# ------------------------------------------------------------------------------------------ cells
def md(text):
    return new_markdown_cell(d(text).strip())


def raw(text):
    return new_raw_cell(d(text).strip())


def code(src, outputs=None, n=None):
    c = new_code_cell(d(src).strip("\n"))
    if outputs:
        c.outputs = outputs
    if n is not None:
        c.execution_count = n
    return c


def stream(text, name="stdout"):
    return new_output("stream", name=name, text=text)


def result(text, n):
    return new_output("execute_result", data={"text/plain": text}, execution_count=n)


def image(n=None):
    return new_output("display_data", data={"image/png": PNG, "text/plain": "<Figure size 640x480 with 1 Axes>"})


def error(ename, evalue):
    return new_output("error", ename=ename, evalue=evalue, traceback=[f"\x1b[0;31m{ename}\x1b[0m: {evalue}"])


def check(q):
    return code(f'grader.check("{q}")')


# ------------------------------------------------------------------------------------------ answers
def answers(q1="plain", q2="floordiv", q3="literal", q4="arith", q5="isinstance", q6out="tensor", conv="loops",
            pool="loops", cnn="attrs_reused_relu", block="lecture", convnet="lecture", q9="set", q10="literal"):
    """One source per question, from the snippet variants."""
    q6_parts = [CONV[conv], POOL[pool]]
    q6 = "\n\n\n".join([Q6OUT[q6out]] + q6_parts) if q6out != "computed" else "\n\n\n".join(q6_parts + [Q6OUT[q6out]])
    q8 = "\n\n\n".join([BLOCK[block], CONVNET[convnet]])
    if block == "ordereddict":
        q8 = "from collections import OrderedDict\n\n\n" + q8
    return {"q1": Q1[q1], "q2": Q2[q2], "q3": Q3[q3], "q4": Q4[q4], "q5": Q5[q5], "q6": q6, "q7": CNN[cnn],
            "q8": q8, "q9": Q9[q9], "q10": Q10[q10]}


def notebook(ans, head="torch_nn_F", otter=True, checks=True, markdown=True, after=None, before=None, first=None,
             last=None, executed=False):
    """A notebook laid out like the starter: markdown, answer cell, check cell, per question.

    after/before: {q: [cells]} inserted after the answer cell / before the question's markdown.
    """
    after, before = after or {}, before or {}
    cells = [md("# Lecture 6: Introduction to Convolutional Neural Networks")] if markdown else []
    if otter:
        cells.append(code(OTTER_INIT))
    cells += first or []
    if head:
        cells.append(code(IMP[head] if head in IMP else head))
    for q in QS:
        cells += before.get(q, [])
        if markdown:
            cells.append(md(f"## {TITLES[q]}"))
        src = ans[q]
        cells += src if isinstance(src, list) else [code(src)]
        cells += after.get(q, [])
        if otter and checks:
            cells.append(check(q))
    cells += last or []
    if executed:
        n = 0
        for c in cells:
            if c.cell_type == "code":
                n += 1
                c.execution_count = n
    nb = new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
                   "language_info": {"name": "python", "version": "3.11.7"}}
    return nb


def script(ans, head="torch_nn_F", header="# Lecture 6 exercises\n", between=None, tail="", order=None):
    between = between or {}
    parts = [header + (IMP[head] if head in IMP else head)]
    for q in order or QS:
        parts.append(f"# ---- {TITLES[q]} ----\n" + ans[q] + ("\n\n" + between[q] if q in between else ""))
    return "\n\n\n".join(parts) + "\n" + (tail and "\n\n" + d(tail))


CASES: dict[str, object] = {}


def nb_case(name, nb):
    CASES[f"nb_{name}.ipynb"] = nb


def py_case(name, text):
    CASES[f"py_{name}.py"] = text


# ================================================================================================
# Notebooks
# ================================================================================================

# The plain starter, answered with the lecture's own code style.
nb_case("lecture_style_sequential", notebook(answers(cnn="padding_same", q4="arith"), head="torch"))

nb_case("sequential_ordereddict", notebook(
    answers(cnn="ordereddict", block="ordereddict", convnet="star_listcomp", q3="lists", q9="single_quotes")))

nb_case("modulelist_functional", notebook(
    answers(cnn="modulelist_loop", convnet="modulelist", conv="listcomp", pool="listcomp", q2="math_floor"),
    head="math_torch", first=[code("import torch.nn.functional as F")]))

nb_case("torch_relu_functional_pool", notebook(
    answers(cnn="functional_torch_relu", conv="stack", pool="stack", q5="try_unpack", q10="zip")))

nb_case("tutorial_num_flat_features", notebook(
    answers(cnn="num_flat_features", convnet="attrs", q1="single_quotes", q3="tuple_of_tuples", q9="set_call")))

nb_case("super_old_style_view", notebook(
    answers(cnn="view_minus1", block="list", convnet="list_then_seq", q4="literals", q2="divmod")))

nb_case("layers_out_of_order", notebook(
    answers(cnn="out_of_order", conv="shift_add", pool="reshape", q6out="rows", q10="enumerate")))

nb_case("inplace_relu_features_classifier", notebook(
    answers(cnn="inplace_relu", block="add_module", convnet="loop_add_module", pool="unfold", conv="tensor_unfold")))

nb_case("dynamic_in_features", notebook(
    answers(cnn="dynamic_in_features", convnet="dynamic", q3="run_layers", q4="numel")))

nb_case("loop_setattr_layers", notebook(
    answers(cnn="loop_setattr", convnet="loop_add_module", q2="while_loop", q3="formula", q10="computed")))

nb_case("from_torch_nn_imports", notebook(
    answers(cnn="from_imports", block="kw", convnet="attrs", q5="pair", q9="frozenset"), head="from_torch"))

nb_case("moduledict", notebook(answers(cnn="moduledict", block="append", convnet="modulelist", conv="einsum",
                                       pool="max_dim")))

nb_case("add_module_relu_per_use", notebook(
    answers(cnn="relu_per_use_add_module", conv="helpers", pool="running_max", q5="weight_shape")))

nb_case("functional_inplace_relu", notebook(
    answers(cnn="relu_inplace_functional", conv="tensordot", pool="pure_python", q10="one_line")))

nb_case("unbatched_forward", notebook(answers(cnn="unbatched_ok", convnet="star_listcomp", q3="torch_size")))

# --- the lecture's first cell, summary() calls, plots ----------------------------------------------
nb_case("lecture_imports_summary_plots", notebook(
    answers(q3="np_prod", q4="numpy", q5="np_prod", q6out="numpy", conv="numpy", pool="numpy"),
    head="lecture",
    after={"q6": [code(Q6_INPUTS), code("plt.imshow(q6_output, cmap='gray')\nplt.title('conv output')\nplt.show()",
                                         outputs=[image()])],
           "q7": [code("model = CNN()\nsummary(model, (1, 100, 100));")],
           "q8": [code("model = ConvNet(input_channels=1)\nsummary(model, (1, 128, 128));")]}))

nb_case("lecture_full_first_cell", notebook(
    answers(q4="numel", cnn="padding_same", q9="from_dict"), head="lecture_full", otter=False, markdown=True,
    after={"q7": [code("model = CNN()\nsummary(model, (1, 100, 100));",
                       outputs=[stream("Layer (type:depth-idx)  Output Shape  Param #\n...\nTotal params: 1,337\n")])]}))

nb_case("pandas_table_of_shapes", notebook(
    answers(q3="run_layers"), head="lecture",
    after={"q3": [code("""\
        df = pd.DataFrame(q3_shapes, columns=["C", "H", "W"], index=["conv1", "pool1", "conv2", "pool2"])
        df["features"] = df.C * df.H * df.W
        display(df)
        df""")],
           "q4": [code("""\
        pd.DataFrame({"model": ["conv", "cnn", "fcnn"],
                      "params": [q4_conv_params, q4_cnn_params, q4_fcnn_params]}).set_index("model")""")]}))

# --- magics ---------------------------------------------------------------------------------------
nb_case("magics_everywhere", notebook(
    answers(conv="loops", pool="loops"),
    first=[code("%matplotlib inline\n%load_ext autoreload\n%autoreload 2"), code("!pip install torchsummary"),
           code("!nvidia-smi", outputs=[stream("/bin/sh: 1: nvidia-smi: not found\n")])],
    after={"q6": [code(Q6_INPUTS), code("%timeit conv2d(x, k)"), code("%time out = conv2d(x, k)\nout"),
                  code("conv2d?"), code("torch.nn.Conv2d??")],
           "q2": [code("conv_output_size?")]}))

nb_case("cell_magic_time_defines_answers", notebook(
    {**answers(), "q6": [code("%%time\n" + CONV["loops"] + "\n\n\n" + POOL["loops"] + "\n\n\n" + Q6OUT["tensor"])],
     "q3": "%%time\n" + Q3["run_layers"]}))

nb_case("cell_magic_capture_defines_answers", notebook(
    {**answers(q4="numel"), "q4": "%%capture\n" + Q4["numel"] + "\nprint(q4_fcnn_params)",
     "q7": "%%capture cap\n" + CNN["attrs_reused_relu"] + "\nprint(CNN())"}))

nb_case("line_magic_time_assignments", notebook(
    {**answers(), "q1": '%time q1_answer = "C"', "q9": "%time q9_true = {'C'}"}))

nb_case("timeit_and_shell_in_answer_cells", notebook(
    {**answers(), "q2": Q2["floordiv"] + "\n\n%timeit conv_output_size(100, 5)\n!echo done",
     "q5": "!pip install -q numpy\n" + Q5["isinstance"] + "\n\nconv2d_params?"}, head="np_torch"))

nb_case("continuation_percent_and_bang_eq", notebook(
    answers(), head="torch_nn_F",
    after={"q2": [code('''\
        print("conv_output_size(100, 5) = %d"
              % conv_output_size(100, 5))
        assert (conv_output_size(100, 5)
                != 95), "forgot the + 1"
        assert (conv_output_size(28, 3, padding=1)
                == 28)''')],
           "q4": [code('''\
        print("conv: %d, cnn: %d, fcnn: %d" % (q4_conv_params,
                                             q4_cnn_params,
                                             q4_fcnn_params))
        ratio = (q4_fcnn_params
                 % 1000)''')]}))

nb_case("ipython_system_assignment", notebook(
    answers(), first=[code("files = !ls\npython_version = !python --version")]))

# --- saved outputs, execution counts --------------------------------------------------------------
nb_case("executed_with_outputs", notebook(
    answers(q3="run_layers"),
    after={"q3": [code("q3_shapes, q3_flatten_features",
                       outputs=[result("([(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)], 1250)", 9)])],
           "q7": [code("model = CNN()\nout = model(torch.randn(4, 1, 100, 100))\nprint(out.shape)",
                       outputs=[stream("torch.Size([4, 1])\n")])],
           "q6": [code(Q6_INPUTS + "\nprint(conv2d(x, k))", outputs=[stream(
               "tensor([[12., 12., 17.],\n        [10., 17., 19.],\n        [ 9.,  6., 14.]])\n")])]},
    executed=True))

nb_case("stale_error_output_saved", notebook(
    answers(),
    after={"q7": [code("model = CNN()\nmodel(torch.randn(2, 1, 100, 100)).shape",
                       outputs=[error("RuntimeError", "mat1 and mat2 shapes cannot be multiplied (2x5000 and 1250x1)")],
                       n=31)]}))

nb_case("out_of_order_execution_counts", notebook(answers(q4="loop"), executed=True))

# --- self-checks against torch at top level -------------------------------------------------------
nb_case("selfchecks_against_torch", notebook(
    answers(conv="loops", pool="reshape"),
    after={"q6": [code(Q6_INPUTS), code("""\
        out = F.conv2d(x[None, None], k[None, None])
        print(out)
        assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0])
        for s in (1, 2):
            for p in (0, 1, 2):
                a = torch.randn(9, 7)
                w = torch.randn(3, 2)
                assert torch.allclose(conv2d(a, w, stride=s, padding=p),
                                      F.conv2d(a[None, None], w[None, None], stride=s, padding=p)[0, 0], atol=1e-5)
        a = torch.randn(8, 8)
        assert torch.equal(max_pool2d(a), F.max_pool2d(a[None], 2)[0])
        assert torch.equal(max_pool2d(a, 4), torch.nn.MaxPool2d(4)(a[None])[0])
        print("all good")""")],
           "q7": [code("""\
        model = CNN()
        x = torch.randn(5, 1, 100, 100)
        out = model(x)
        assert out.shape == (5, 1)
        assert sum(p.numel() for p in model.parameters()) == q4_cnn_params""")],
           "q8": [code("""\
        for c in (1, 3):
            net = ConvNet(c)
            result = net(torch.randn(2, c, 128, 128))
            assert result.shape == (2, 1)
        assert sum(p.numel() for p in ConvNet(1).parameters()) == 49519""")]}))

nb_case("first_draft_conv_replaced", notebook(
    {**answers(conv="loops", pool="loops"),
     "q6": [code("# draft, just to see the expected output\n" + DRAFT_CONV + "\n\n\n" + DRAFT_POOL),
            code(Q6_INPUTS + "\nexpected = conv2d(x, k)\nexpected_pool = max_pool2d(x[:4, :4])\nexpected"),
            md("Now the real one, by hand:"),
            code(Q6OUT["tensor"] + "\n\n\n" + CONV["loops"]),
            code(POOL["loops"]),
            code("assert torch.equal(conv2d(x, k), expected)\nassert torch.equal(max_pool2d(x[:4, :4]), expected_pool)")]}))

nb_case("draft_conv_in_early_cell", notebook(
    answers(conv="stack", pool="stack"),
    first=[md("Scratch: what does torch give?"), code(IMP["torch_nn_F"] + "\n\n" + DRAFT_CONV + "\n\n" + DRAFT_POOL)]))

nb_case("defined_twice", notebook(
    {**answers(), "q2": [code(Q2["floordiv"]), code(Q2["typed"])],
     "q7": [code(CNN["padding_same"]), code("model = CNN()\nmodel"), code(CNN["functional_torch_relu"])],
     "q10": [code(Q10["literal"]), code("q10_answers[8] = False  # 7 // 2 = 3\nq10_answers")]}))

nb_case("answers_spread_over_cells", notebook(
    {**answers(),
     "q3": [code("q3_shapes = []"), code("q3_shapes.append((3, 100, 100))\nq3_shapes.append((3, 50, 50))"),
            code("q3_shapes += [(2, 50, 50), (2, 25, 25)]"), code("q3_flatten_features = 2 * 25 * 25")],
     "q4": [code("q4_conv_params = 3 * 3 * 3 * 3 + 3"), md("CNN of Q3:"),
            code("conv1_p = 1 * 3 * 9 + 3\nconv2_p = 3 * 2 * 9 + 2\nfc_p = 1250 + 1"),
            code("q4_cnn_params = conv1_p + conv2_p + fc_p"),
            code("layers = [128 * 128, 256, 128, 64, 32, 16, 1]"),
            code("q4_fcnn_params = sum(a * b + b for a, b in zip(layers[:-1], layers[1:]))")],
     "q6": [code(Q6OUT["rows"]), code(CONV["loops"]), code(POOL["loops"])],
     "q10": [code("q10_answers = {}"), code("q10_answers[1] = True\nq10_answers[2] = False"),
             code("q10_answers.update({3: True, 4: True, 5: False})"),
             code("q10_answers.update({6: False, 7: True, 8: False})")]}))

nb_case("markdown_and_raw_cells", notebook(
    answers(q2="int_trunc"),
    after={"q1": [md("""\
        **My reasoning:** a 3x3 filter on a 4x4 input fits in 2 positions each way:
        $$ (4 - 3) / 1 + 1 = 2 $$""")],
           "q5": [raw("conv2d_params(1, 3, 3) -> 30 (checked by hand)")],
           "q9": [raw("(A) false (B) false (C) true (D) false (E) false")]},
    last=[raw("submitted by: student 123"), md("## Done!")]))

nb_case("no_otter_no_checks", notebook(answers(cnn="ordereddict", block="ordereddict"), otter=False))

nb_case("otter_checks_and_check_all", notebook(
    answers(q1="index"), last=[code("grader.check_all()"),
                               code("# Save your notebook first, then run this cell to export your submission.\n"
                                    "grader.export(run_tests=True)")]))

nb_case("imports_in_every_cell", notebook(
    {**{q: "import torch\nimport torch.nn as nn\n\n" + s for q, s in answers(
        cnn="functional_torch_relu", q5="math_prod").items()},
     "q5": "import math\n\n" + Q5["math_prod"],
     "q7": "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n" + CNN["num_flat_features"]},
    head=None))

nb_case("torch_imported_in_other_cell", notebook(
    answers(conv="loops", pool="loops"), head="import numpy as np",
    first=[code("import torch")],
    before={"q6": [code("import torch.nn.functional as F\nimport torch.nn as nn")]}))

nb_case("shadowed_top_level_names", notebook(
    answers(conv="loops", pool="loops", cnn="out_of_order", q1="torch_checked"),
    after={"q6": [code("""\
        x = torch.arange(25.).reshape(5, 5)
        result = torch.ones(3, 3)
        out = conv2d(x, torch.ones(3, 3))
        padded = None
        image = "not an image"
        kernel = 42
        r, c, H, W = 0, 0, -1, -1
        print(out, result)""")]},
    last=[code("out = None\nx = None\nresult = None\nmodel = None")]))

nb_case("q6_output_from_own_conv", notebook(answers(q6out="computed", conv="loops", pool="unfold")))

nb_case("q6_output_float_tensor", notebook(answers(q6out="float_tensor", conv="fpad", pool="numpy"), head="np_torch",
                                           first=[code("import torch.nn as nn\nimport torch.nn.functional as F")]))

nb_case("device_and_training_loop", notebook(
    answers(cnn="inplace_relu", convnet="list_then_seq"),
    after={"q7": [code("""\
        device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        torch.manual_seed(2023)
        model = CNN().to(device)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        criterion = nn.BCEWithLogitsLoss()
        X = torch.randn(8, 1, 100, 100, device=device)
        y = torch.randint(0, 2, (8, 1), device=device).float()
        for epoch in range(2):
            optimizer.zero_grad()
            loss = criterion(model(X), y)
            loss.backward()
            optimizer.step()
            print(f"epoch {epoch}: loss {loss.item():.3f}")""")]}))

nb_case("numpy_answers", notebook(
    answers(q3="np_prod", q4="numpy", q5="np_prod", q6out="numpy", q10="np_bools"), head="np_torch",
    first=[code("import torch.nn as nn\nimport torch.nn.functional as F")]))

nb_case("numpy_array_of_shapes", notebook(answers(q3="np_array", q9="set_str"), head="np_torch",
                                          first=[code("import torch.nn as nn\nimport torch.nn.functional as F")]))

nb_case("tensor_answers", notebook(answers(q3="tensor_prod", q6out="float_tensor", q1="upper")))

nb_case("float_shapes_from_division", notebook(answers(q3="float_division")))

nb_case("computed_q10_with_torch", notebook(answers(q10="computed", q2="helper_check", q4="with_functions",
                                                    q9="from_dict"),
                                            before={"q4": [code(Q5["isinstance"])]}))

nb_case("string_keys_q10_list_q9", notebook(answers(q10="str_keys", q9="list", cnn="view_minus1")))

nb_case("sequential_subclass", notebook(answers(cnn="sequential_subclass", block="append", convnet="dynamic")))

nb_case("unfold_im2col", notebook(answers(conv="F_unfold", pool="unfold")))

nb_case("im2col_by_hand", notebook(answers(conv="im2col_matmul", pool="max_dim", q2="asks_torch")))

nb_case("pure_python_loops", notebook(answers(conv="pure_python", pool="pure_python", q5="weight_shape")))

nb_case("helpers_in_separate_cells", notebook(
    {**answers(), "q6": [code(Q6OUT["tuple_rows"]),
                         code(CONV["helpers"].split("\n\n\ndef conv2d")[0]),
                         code("def conv2d" + CONV["helpers"].split("\n\n\ndef conv2d")[1]),
                         code(POOL["loops"])]}))

nb_case("q4_counts_built_models", notebook(
    {**answers(), "q4": [code("# (filled in after Q7)")]},
    after={"q7": [code(Q4["numel_model"])]}))

nb_case("everything_in_one_cell", notebook(
    {q: (s if q == "q1" else "") for q, s in answers(cnn="ordereddict", block="ordereddict").items()} | {
        "q1": "\n\n\n".join(answers(cnn="ordereddict", block="ordereddict").values())},
    checks=False, markdown=False, otter=False))

nb_case("colab_style", notebook(
    answers(cnn="functional_torch_relu", conv="tensor_unfold", pool="reshape"),
    first=[
           code(d("""\
               try:
                   from google.colab import drive
                   drive.mount('/content/drive')
                   IN_COLAB = True
               except ImportError:
                   IN_COLAB = False""")),
           code("!pip install -q torchsummary\n%matplotlib inline")]))

nb_case("main_guard_in_notebook", notebook(
    answers(), last=[code("""\
        if __name__ == "__main__":
            print(conv_output_size(100, 5))
            print(CNN()(torch.zeros(1, 1, 100, 100)).shape)""")]))

nb_case("long_markdown_explanations", notebook(
    answers(q2="typed", q5="pair"),
    after={q: [md(f"""\
        ### Explanation for {q}

        I used the formula from the lecture:

        - `out = (n + 2p - k) // s + 1`
        - the number of parameters is `out_channels * in_channels * kh * kw + out_channels`

        > Note: `%` and `!` in markdown are not code.
        """)] for q in QS}))


# --- batch 2: more habits ------------------------------------------------------------------------
nb_case("notebook_config_magics", notebook(
    answers(conv="loops", pool="unfold", q9="single_quotes"),
    first=[code("%pip install torchsummary\n%config InlineBackend.figure_format = 'retina'"),
           code("import warnings\nwarnings.filterwarnings('ignore')")],
    before={"q1": [code("torch.manual_seed(42)\ntorch.set_printoptions(precision=2)", n=3)]},
    after={"q6": [code("?conv2d"), code("%who"), code("help(max_pool2d)"), code("print(conv2d.__doc__)")]}))

nb_case("capture_with_options_and_time_with_comment", notebook(
    {**answers(), "q5": "%%capture --no-stderr\n# defining the formulas\n" + Q5["pair"],
     "q8": "%%time\n# blocks and the network\nfrom collections import OrderedDict\n\n" + BLOCK["ordereddict"] +
           "\n\n\n" + CONVNET["attrs"]}))

nb_case("unicode_everywhere", notebook(
    {**answers(q2="typed"),
     "q1": 'q1_answer = "C"  # 3×3 Filter auf 4×4 Eingabe → 2×2 Ausgabe ✓',
     "q9": 'q9_true = {"C"}  # nur (C) ist wahr — die Gewichte sind 4D 🙂'},
    after={"q2": [code('print("Ausgabegröße:", conv_output_size(100, 5), "× 96 — passt")')],
           "q7": [md("Die Größe nach dem Pooling: 100 → 50 → 25 (Hälfte).")]}))

nb_case("decorated_functions", notebook(
    {**answers(), "q6": [code(Q6OUT["tensor"]), code("""\
        import functools


        @torch.no_grad()
        def conv2d(image, kernel, stride=1, padding=0):
            h, w = image.shape
            kh, kw = kernel.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
            out = torch.zeros(oh, ow, dtype=image.dtype)
            for i in range(oh):
                for j in range(ow):
                    out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


        @torch.no_grad()
        def max_pool2d(image, kernel_size=2):
            k = kernel_size
            return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
                                for i in range(0, image.shape[0] - k + 1, k)])""")],
     "q2": """\
        import functools


        @functools.lru_cache(maxsize=None)
        def conv_output_size(size, kernel_size, stride=1, padding=0):
            if kernel_size > size + 2 * padding:
                raise ValueError("kernel does not fit")
            return (size + 2 * padding - kernel_size) // stride + 1"""}))

nb_case("debug_prints_inside_functions_and_forward", notebook(
    {**answers(), "q6": [code(Q6OUT["rows"]), code("""\
        DEBUG = True


        def conv2d(image, kernel, stride=1, padding=0, verbose=DEBUG):
            if verbose:
                print("image", tuple(image.shape), "kernel", tuple(kernel.shape), "stride", stride, "padding", padding)
            H, W = image.shape
            kH, kW = kernel.shape
            padded = torch.zeros(H + 2 * padding, W + 2 * padding)
            padded[padding:padding + H, padding:padding + W] = image
            out = torch.zeros((H + 2 * padding - kH) // stride + 1, (W + 2 * padding - kW) // stride + 1)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = (padded[i * stride:i * stride + kH, j * stride:j * stride + kW] * kernel).sum()
            if verbose:
                print("->", tuple(out.shape))
            return out


        def max_pool2d(image, kernel_size=2, stride=None):
            stride = stride or kernel_size
            rows = (image.shape[0] - kernel_size) // stride + 1
            cols = (image.shape[1] - kernel_size) // stride + 1
            out = torch.empty(rows, cols)
            for i in range(rows):
                for j in range(cols):
                    out[i, j] = image[i * stride:i * stride + kernel_size, j * stride:j * stride + kernel_size].max()
            print(f"pooled {tuple(image.shape)} -> {tuple(out.shape)}")
            return out""")],
     "q7": """\
        class CNN(nn.Module):
            def __init__(self):
                super().__init__()
                self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
                self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
                self.pool = nn.MaxPool2d(2)
                self.fc = nn.Linear(1250, 1)

            def forward(self, x):
                print("input", x.shape)
                x = self.pool(F.relu(self.conv1(x)))
                print("after block 1", x.shape)
                x = self.pool(F.relu(self.conv2(x)))
                print("after block 2", x.shape)
                x = torch.flatten(x, start_dim=1)
                return self.fc(x)"""}))

nb_case("general_conv_supports_batches", notebook(
    {**answers(), "q6": [code(Q6OUT["tensor"]), code("""\
        def conv2d(image, kernel, stride=1, padding=0, bias=0.0):
            \"\"\"2-D cross-correlation. Also accepts (C, H, W) images with (C, kH, kW) kernels.\"\"\"
            if image.dim() == 2:
                image, kernel = image.unsqueeze(0), kernel.unsqueeze(0)
            C, H, W = image.shape
            _, kH, kW = kernel.shape
            padded = torch.zeros(C, H + 2 * padding, W + 2 * padding, dtype=image.dtype)
            padded[:, padding:padding + H, padding:padding + W] = image
            out_h = (H + 2 * padding - kH) // stride + 1
            out_w = (W + 2 * padding - kW) // stride + 1
            out = torch.zeros(out_h, out_w, dtype=image.dtype)
            for i in range(out_h):
                for j in range(out_w):
                    out[i, j] = (padded[:, i * stride:i * stride + kH, j * stride:j * stride + kW] * kernel).sum() + bias
            return out


        def max_pool2d(image, kernel_size=2):
            squeeze = image.dim() == 2
            if squeeze:
                image = image[None]
            k = kernel_size
            C, H, W = image.shape
            out = image[:, :H // k * k, :W // k * k].reshape(C, H // k, k, W // k, k).amax(dim=(2, 4))
            return out[0] if squeeze else out""")]}))

nb_case("call_counter_dict", notebook(
    {**answers(), "q6": [code(Q6OUT["tensor"]), code("""\
        calls = {"conv2d": 0, "max_pool2d": 0}


        def conv2d(image, kernel, stride=1, padding=0):
            calls["conv2d"] += 1
            kh, kw = kernel.shape
            x = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
            x[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
            return torch.stack([torch.stack([(x[i:i + kh, j:j + kw] * kernel).sum()
                                             for j in range(0, x.shape[1] - kw + 1, stride)])
                                for i in range(0, x.shape[0] - kh + 1, stride)])


        def max_pool2d(image, kernel_size=2):
            global last_pool_shape
            calls["max_pool2d"] += 1
            h, w = image.shape[0] // kernel_size, image.shape[1] // kernel_size
            out = image[:h * kernel_size, :w * kernel_size].reshape(h, kernel_size, w, kernel_size).amax(dim=(1, 3))
            last_pool_shape = tuple(out.shape)
            return out"""), code("print(calls)")]}))

nb_case("np_float_shapes", notebook(
    {**answers(), "q3": """\
        size = np.float64(100)
        shapes = []
        for channels in (3, 2):
            shapes.append((channels, size, size))         # conv with padding=1 keeps the size
            size = np.floor(size / 2)
            shapes.append((channels, size, size))         # max-pool halves it
        q3_shapes = shapes
        q3_flatten_features = int(np.prod(shapes[-1]))"""}, head="np_torch",
    first=[code("import torch.nn as nn\nimport torch.nn.functional as F")]))

nb_case("convnet_view_and_default_arg", notebook(
    {**answers(block="lecture"), "q8": BLOCK["lecture"] + """


class ConvNet(torch.nn.Module):
    def __init__(self, input_channels=1):
        super(ConvNet, self).__init__()
        self.conv_layers = torch.nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
        self.fc = torch.nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        x = self.conv_layers(x)
        x = x.view(-1, 49152)
        return self.fc(x)"""}))

nb_case("empty_and_comment_cells", notebook(
    answers(), after={"q1": [code(""), code("# TODO: double-check\n")], "q5": [code("pass")],
                      "q9": [code("   \n\n")]}))

nb_case("cpsc330_kernel_metadata", (lambda nb: (nb.metadata.update({
    "kernelspec": {"display_name": "Python [conda env:cpsc330]", "language": "python", "name": "conda-env-cpsc330-py"},
    "language_info": {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                      "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                      "pygments_lexer": "ipython3", "version": "3.10.12"},
    "toc": {"base_numbering": 1, "nav_menu": {}, "number_sections": True}}), nb)[1])(
    notebook(answers(cnn="num_flat_features", conv="helpers", pool="max_dim"), executed=True)))

nb_case("validation_messages_name_functions", notebook(
    {**answers(), "q6": [code(Q6OUT["tensor"]), code("""\
        def conv2d(image, kernel, stride=1, padding=0):
            if image.dim() != 2 or kernel.dim() != 2:
                raise ValueError("conv2d expects a 2-D image and a 2-D kernel (unlike F.conv2d, no batch)")
            if stride < 1:
                raise ValueError("conv2d: stride must be >= 1")
            h, w = image.shape
            kh, kw = kernel.shape
            padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
            padded[padding:padding + h, padding:padding + w] = image
            out = torch.zeros((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1,
                              dtype=image.dtype)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
            return out


        def max_pool2d(image, kernel_size=2):
            assert kernel_size > 0, "max_pool2d: kernel_size must be positive (like nn.MaxPool2d)"
            k = kernel_size
            out = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
            for i in range(out.shape[0]):
                for j in range(out.shape[1]):
                    out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
            return out""")]}))

# ================================================================================================
# Scripts
# ================================================================================================

py_case("plain_script", script(answers(), head="torch"))

py_case("main_guard_selfchecks", script(
    answers(cnn="ordereddict", block="ordereddict", conv="shift_add", pool="reshape"),
    tail="""\
    def main():
        x = torch.randn(7, 9)
        k = torch.randn(3, 3)
        import torch.nn.functional as F
        assert torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0],
                              atol=1e-5)
        print(CNN()(torch.randn(2, 1, 100, 100)).shape)
        print(ConvNet(3)(torch.randn(2, 3, 128, 128)).shape)


    if __name__ == "__main__":
        main()"""))

py_case("sys_exit_at_end", script(
    answers(cnn="modulelist_loop", convnet="modulelist"), head="import sys\n" + IMP["torch_nn_F"],
    tail="""\
    if __name__ == "__main__":
        print("all answers defined")
        sys.exit(0)"""))

py_case("numpy_answers", script(
    answers(q3="np_prod", q4="numpy", q5="np_prod", q6out="numpy", conv="numpy", pool="numpy", q10="np_bools"),
    head=IMP["np_torch"] + "\nimport torch.nn as nn\nimport torch.nn.functional as F"))

py_case("functions_first_then_answers", script(
    answers(q3="formula", q4="with_functions", q10="computed"),
    order=["q2", "q5", "q6", "q7", "q8", "q1", "q3", "q4", "q9", "q10"]))

py_case("classes_first_answers_last", script(
    answers(cnn="num_flat_features", q4="numel_model", convnet="attrs"),
    order=["q7", "q8", "q2", "q5", "q6", "q1", "q3", "q4", "q9", "q10"]))

py_case("spyder_cells", "# -*- coding: utf-8 -*-\n\"\"\"\nCreated on Tue Oct 10 2023\n\n@author: student\n\"\"\"\n" +
        "\n\n".join(["# %%\n" + IMP["torch_nn_F"]] + [f"# %% {TITLES[q]}\n" + s for q, s in answers(
            cnn="functional_torch_relu", conv="listcomp", pool="listcomp").items()]) + "\n")

py_case("jupytext_percent_format", "# ---\n# jupyter:\n#   jupytext:\n#     text_representation:\n"
        "#       format_name: percent\n# ---\n\n# %% [markdown]\n# # Lecture 6\n\n"
        "# %%\n" + IMP["lecture"] + "\n\n" +
        "\n\n".join(f"# %% [markdown]\n# ## {TITLES[q]}\n\n# %%\n" + s for q, s in answers(
            q3="np_prod", cnn="padding_same").items()) + "\n")

py_case("type_hints_docstrings", '"""Lecture 6 exercises, with type hints."""\n\nfrom __future__ import annotations\n\n' +
        script(answers(q2="typed", block="kw", q5="weight_shape", cnn="from_imports"), header=""))

py_case("inplace_and_unfold", script(answers(cnn="inplace_relu", conv="tensor_unfold", pool="unfold",
                                             block="add_module", convnet="loop_add_module")))

py_case("dynamic_and_stack", script(answers(cnn="dynamic_in_features", convnet="dynamic", conv="stack",
                                            pool="stack", q3="run_layers")))

py_case("moduledict_einsum", script(answers(cnn="moduledict", conv="einsum", pool="max_dim", q9="from_dict")))

py_case("loop_setattr_while", script(answers(cnn="loop_setattr", q2="while_loop", conv="helpers",
                                             pool="running_max", convnet="star_listcomp")))

py_case("draft_then_real", script(
    {**answers(), "q6": DRAFT_CONV + "\n\n\n" + DRAFT_POOL + "\n\n\n" + Q6_INPUTS +
     "\nassert conv2d(x, k).shape == (3, 3)\n\n\n" + Q6OUT["tensor"] + "\n\n\n# the real answer, by hand\n" +
     CONV["loops"] + "\n\n\n" + POOL["loops"]}))

py_case("top_level_selfchecks", script(
    answers(cnn="out_of_order", conv="loops", pool="loops"),
    between={"q6": Q6_INPUTS + """
out = F.conv2d(x[None, None], k[None, None])[0, 0]
assert torch.allclose(conv2d(x, k), out)
result = max_pool2d(out[:2, :2])
assert result.item() == out[:2, :2].max()""",
             "q7": "model = CNN()\nout = model(torch.randn(3, 1, 100, 100))\nassert out.shape == (3, 1)\n"
                   "print(sum(p.numel() for p in model.parameters()))"}))

py_case("torch_size_and_tensor_answers", script(answers(q3="torch_size", q6out="float_tensor", q1="torch_checked")))

py_case("print_percent_formatting", script(
    answers(q2="divmod"),
    between={"q2": 'print("%d x %d output" % (conv_output_size(100, 5),\n                        conv_output_size(100, 5)))',
             "q4": 'print("%s params vs %s params"\n      % (q4_cnn_params, q4_fcnn_params))'}))

py_case("pure_python_no_vectorising", script(answers(conv="pure_python", pool="pure_python", q2="int_trunc",
                                                     q5="try_unpack")))

py_case("tensordot_and_fpad", script({**answers(conv="tensordot", pool="listcomp"),
                                      "q6": "\n\n\n".join([Q6OUT["rows"], CONV["fpad"], POOL["listcomp"]])}))

py_case("im2col_f_unfold", script(answers(conv="F_unfold", pool="reshape", cnn="relu_inplace_functional")))

py_case("string_keys_and_list", script(answers(q10="str_keys", q9="list", q1="lookup")))

py_case("sequential_subclass", script(answers(cnn="sequential_subclass", block="list", convnet="list_then_seq")))

py_case("answers_in_main_guard", script(
    {**answers(), "q9": "", "q10": ""},
    tail=f"""\
    if __name__ == "__main__":
        # quiz answers
{chr(10).join('        ' + line for line in Q9["set"].splitlines())}
{chr(10).join('        ' + line for line in Q10["one_line"].splitlines())}"""))

py_case("math_floor_np_floor", script(answers(q2="np_floor", q5="math_prod"), head="import math\n" +
                                      IMP["np_torch"] + "\nimport torch.nn as nn\nimport torch.nn.functional as F"))

py_case("tabs_indentation", script(answers(cnn="attrs_reused_relu", conv="loops", pool="loops")).replace("    ", "\t"))

py_case("decorators_and_unicode", "# Übung 6 — Faltungsnetze\n" + script(
    {**answers(), "q2": "import functools\n\n\n@functools.lru_cache(maxsize=None)\n" + Q2["floordiv"],
     "q6": Q6OUT["tensor"] + "\n\n\n@torch.no_grad()\n" + CONV["shift_add"] + "\n\n\n@torch.no_grad()\n" +
           POOL["reshape"]},
    between={"q1": 'print("Ausgabe: 2×2 ✓")'}))

py_case("argparse_main", script(
    answers(conv="im2col_matmul", pool="numpy", cnn="unbatched_ok"), head=IMP["torch_nn_F"] + "\nimport argparse\nimport numpy as np",
    tail="""\
    def parse_args(argv=None):
        parser = argparse.ArgumentParser(description="Lecture 6 self-checks")
        parser.add_argument("--seed", type=int, default=0)
        return parser.parse_args(argv)


    if __name__ == "__main__":
        args = parse_args([])
        torch.manual_seed(args.seed)
        print(CNN()(torch.randn(2, 1, 100, 100)))"""))


py_case("fstring_logging_in_functions", script(
    {**answers(), "q6": Q6OUT["tensor"] + """


import logging

log = logging.getLogger("lecture06")


def conv2d(image, kernel, stride=1, padding=0):
    log.debug(f"conv2d(image={tuple(image.shape)}, kernel={tuple(kernel.shape)}, {stride=}, {padding=})")
    kh, kw = kernel.shape
    padded = torch.nn.functional.pad(image, [padding] * 4)
    windows = padded.unfold(0, kh, stride).unfold(1, kw, stride)
    result = (windows * kernel).sum(dim=(2, 3))
    log.debug("conv2d -> %s (same as torch.nn.functional.conv2d would give)", tuple(result.shape))
    return result


def max_pool2d(image, kernel_size=2):
    log.debug("max_pool2d with kernel_size=%d, like torch.nn.MaxPool2d(%d)", kernel_size, kernel_size)
    blocks = image.unfold(0, kernel_size, kernel_size).unfold(1, kernel_size, kernel_size)
    return blocks.amax(dim=(2, 3))"""}))


def _crlf():
    return script(answers(cnn="view_minus1", q2="math_floor"), head="math_torch").replace("\n", "\r\n") \
        .replace("import torch.nn as nn", "import torch.nn as nn\r\nimport torch.nn.functional as F", 1)


CASES["py_windows_line_endings.py"] = _crlf()


def main():
    for old in HERE.iterdir():
        if old.suffix in (".ipynb", ".py") and not old.name.startswith("_"):
            old.unlink()
    for name, obj in CASES.items():
        path = HERE / name
        if name.endswith(".ipynb"):
            for i, cell in enumerate(obj.cells):
                cell.id = f"cell-{i:03d}"  # stable ids: regenerating changes nothing
            nbformat.validate(obj)
            nbformat.write(obj, str(path))
        else:
            path.write_bytes(obj.encode())
    nbs = sum(n.endswith(".ipynb") for n in CASES)
    print(f"{len(CASES)} cases: {nbs} notebooks, {len(CASES) - nbs} scripts")


if __name__ == "__main__":
    main()
