"""Round 29 of the fairness corpus: correct models that the table check (Handler._refuse_own_tables) and the judge's
one-step training in training mode (Handler._train) might mark down: TorchScript / torch.fx submodules built in
``__init__``, models deep-copied, pickled or torch.save/torch.load-ed in ``__init__``, Dropout(p=0) and zero-std
noise that only run in training mode, forward passes and constructors that draw from torch's default generator
(a DataLoader, a sanity pass, a random log sample, fork_rng), ``torch.func.functional_call``, ``__getstate__`` /
``__setstate__``, ``__slots__`` and dataclass models, computed ``add_module``/``register_module``/``setattr`` names,
non-persistent buffers, ParameterList heads and ``torch.ao.nn.intrinsic.ConvReLU2d`` blocks.  q1-q6, q9, q10 reuse
round 26's snippets.

    python tests/corpus/fair/_make_r29.py            # rewrites tests/corpus/fair/r29_*
    python tests/corpus/fair/_make_r29.py --out DIR  # writes them to DIR instead
    python tests/corpus/fair/_make_r29.py --iso DIR  # isolation copies for the findings (not corpus files)
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r27 as r27  # noqa: E402  (case(), write(), q1-q6/q9/q10 via round 26)

d, case, write = r27.d, r27.case, r27.write
Q7, Q8 = r27.Q7, r27.Q8
TRAIN_Q7, TRAIN_Q8 = r27.TRAIN_Q7, r27.TRAIN_Q8

# ---------------------------------------------------------------- q7
Q7["jit_script_features"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            # scripted feature extractor: faster on the lab machines and exportable later
            self.features = torch.jit.script(nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            ))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(2 * 25 * 25, 1))

        def forward(self, x):
            return self.head(self.features(x))
    ''')
Q7["jit_trace_features"] = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            body = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            self.net = torch.jit.trace(body, torch.zeros(1, 1, 100, 100))

        def forward(self, x):
            return self.net(x)
    ''')
Q7["fx_symbolic_trace"] = d('''
    import torch.fx


    class _Body(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            # an FX graph of the body: lets me print the graph and count the ops
            self.body = torch.fx.symbolic_trace(_Body())

        def forward(self, x):
            return self.body(x)


    print(CNN().body.graph)
    ''')
Q7["pickle_roundtrip_init"] = d('''
    import io
    import pickle


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            layers = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            # make sure the layers survive pickling (the DataLoader workers pickle the model on Windows)
            self.main = pickle.loads(pickle.dumps(layers))

        def forward(self, x):
            return self.main(x)


    buf = io.BytesIO()
    torch.save(CNN(), buf)
    buf.seek(0)
    restored = torch.load(buf, weights_only=False)
    print(type(restored).__name__, sum(p.numel() for p in restored.parameters()))
    ''')
Q7["torch_save_load_init"] = d('''
    import copy
    import io


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            net = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            buffer = io.BytesIO()
            torch.save(net, buffer)          # checkpoint round trip, as in the saving/loading tutorial
            buffer.seek(0)
            self.main = copy.deepcopy(torch.load(buffer, weights_only=False))

        def forward(self, x):
            return self.main(x)
    ''')
Q7["dropout_zero_train"] = d('''
    class CNN(nn.Module):
        def __init__(self, p_drop=0.0):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.drop = nn.Dropout(p_drop)        # switched off for this exercise
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = F.dropout2d(x, p=0.0, training=self.training)
            x = self.pool(F.relu(self.conv2(x)))
            x = self.drop(torch.flatten(x, 1))
            return self.fc(x)
    ''')
Q7["noise_std_zero"] = d('''
    class GaussianNoise(nn.Module):
        """Adds N(0, std^2) noise while training (data augmentation); std=0 turns it off."""

        def __init__(self, std=0.0):
            super().__init__()
            self.std = std

        def forward(self, x):
            if self.training:
                return x + torch.randn_like(x) * self.std
            return x


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                GaussianNoise(0.0),
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            return self.main(x)
    ''')
Q7["random_log_sample"] = d('''
    class CNN(nn.Module):
        def __init__(self, log_every=0.0):
            super().__init__()
            self.log_every = log_every   # fraction of training passes whose shapes are printed
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x):
            if self.training and torch.rand(1).item() < self.log_every:
                print("batch", tuple(x.shape))
            return self.main(x)
    ''')
Q7["dataloader_sanity_in_init"] = d('''
    from torch.utils.data import DataLoader, TensorDataset


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)
            # sanity check on a couple of random batches, shuffled as in training
            data = TensorDataset(torch.randn(4, 1, 100, 100), torch.randn(4, 1))
            with torch.no_grad():
                for xb, yb in DataLoader(data, batch_size=2, shuffle=True):
                    assert self(xb).shape == yb.shape

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(x.flatten(1))
    ''')
Q7["fork_rng_init"] = d('''
    class CNN(nn.Module):
        def __init__(self, seed=42):
            super().__init__()
            # reproducible weights without touching the global RNG the DataLoader uses
            with torch.random.fork_rng():
                torch.manual_seed(seed)
                self.main = nn.Sequential(
                    nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                    nn.Flatten(), nn.Linear(1250, 1),
                )

        def forward(self, x):
            return self.main(x)
    ''')
Q7["functional_call_forward"] = d('''
    from torch.func import functional_call


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def forward(self, x, params=None):
            # params lets me run the same net with other weights (MAML-style); None: its own
            if params is None:
                params = dict(self.net.named_parameters())
            return functional_call(self.net, params, (x,))
    ''')
Q7["getstate_setstate"] = d('''
    import copy
    import logging


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.log = logging.getLogger("cnn")
            self.on_epoch_end = lambda epoch: self.log.info("epoch %d", epoch)
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def __getstate__(self):
            state = super().__getstate__().copy()
            state.pop("on_epoch_end", None)     # a lambda does not pickle
            return state

        def __setstate__(self, state):
            super().__setstate__(state)
            self.on_epoch_end = lambda epoch: self.log.info("epoch %d", epoch)

        def forward(self, x):
            return self.main(x)


    best = copy.deepcopy(CNN())   # "best model so far" snapshot
    ''')
Q7["dataclass_slots_mixin"] = d('''
    from dataclasses import dataclass


    class ShapeMixin:
        __slots__ = ()

        def n_params(self):
            return sum(p.numel() for p in self.parameters())


    @dataclass(eq=False)
    class CNN(ShapeMixin, nn.Module):
        in_channels: int = 1
        side: int = 100

        def __post_init__(self):
            super().__init__()
            flat = 2 * (self.side // 4) ** 2
            self.conv1 = nn.Conv2d(self.in_channels, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(flat, 1)

        def forward(self, x):
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(torch.flatten(x, 1))


    print(CNN(), CNN().n_params())
    ''')
Q7["computed_names_buffer"] = d('''
    class CNN(nn.Module):
        def __init__(self, channels=(1, 3, 2)):
            super().__init__()
            self.n_conv = len(channels) - 1
            for i, (cin, cout) in enumerate(zip(channels, channels[1:])):
                self.add_module(f"conv{i + 1}", nn.Conv2d(cin, cout, 3, padding=1))
                setattr(self, f"pool{i + 1}", nn.MaxPool2d(2))
            self.register_module("fc", nn.Linear(channels[-1] * 25 * 25, 1))
            # example input kept for sanity checks; not part of the state_dict
            self.register_buffer("example", torch.zeros(1, channels[0], 100, 100), persistent=False)
            assert self(self.example).shape == (1, 1)

        def forward(self, x):
            for i in range(1, self.n_conv + 1):
                x = getattr(self, f"pool{i}")(F.relu(getattr(self, f"conv{i}")(x)))
            return self.fc(x.flatten(1))
    ''')

# ---------------------------------------------------------------- q8
Q8["jit_script_blocks"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.features = torch.jit.script(nn.Sequential(
                conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)]))
            self.head = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.head(torch.flatten(self.features(x), 1))
    ''')
Q8["convrelu2d_fused"] = d('''
    from torch.ao.nn.intrinsic import ConvReLU2d


    def conv_block(input_channels, output_channels):
        # the fused Conv2d + ReLU container from torch.ao (a Sequential), ready for quantization later
        return ConvReLU2d(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.main = nn.Sequential(
                conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)),
                nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
Q8["moduledict_parameterlist_head"] = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleDict({f"block{i}": conv_block(input_channels if i == 0 else 3, 3)
                                         for i in range(5)})
            fc = nn.Linear(49152, 1)
            self.head = nn.ParameterList([fc.weight, fc.bias])

        def forward(self, x):
            for block in self.blocks.values():
                x = block(x)
            w, b = self.head
            return F.linear(x.flatten(1), w, b)
    ''')
Q8["deepcopy_dropout_zero"] = d('''
    import copy


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels, dropout=0.0):
            super().__init__()
            first = conv_block(input_channels, 3)
            proto = conv_block(3, 3)
            rest = []
            for _ in range(4):
                block = copy.deepcopy(proto)
                block[0].reset_parameters()
                rest.append(block)
            self.main = nn.Sequential(first, *rest, nn.Flatten(), nn.Dropout(dropout), nn.Linear(49152, 1))

        def forward(self, x):
            return self.main(x)
    ''')
Q8["fx_traced_forward_randn_check"] = d('''
    import torch.fx


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            net = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)],
                                nn.Flatten(), nn.Linear(49152, 1))
            self.net = torch.fx.symbolic_trace(net)
            with torch.no_grad():   # shape check on random data
                assert self.net(torch.randn(2, input_channels, 128, 128)).shape == (2, 1)

        def forward(self, x):
            return self.net(x)
    ''')
Q8["sequential_register_module_names"] = d('''
    def conv_block(input_channels, output_channels):
        block = nn.Sequential()
        block.add_module("conv", nn.Conv2d(input_channels, output_channels, 3, padding=1))
        block.add_module("relu", nn.ReLU())
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels, n_blocks=5, width=3):
            super().__init__()
            self.n_blocks = n_blocks
            for i in range(n_blocks):
                self.register_module(f"block_{i}", conv_block(input_channels if i == 0 else width, width))
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(width * 128 * 128, 1)

        def forward(self, x):
            for i in range(self.n_blocks):
                x = self.get_submodule(f"block_{i}")(x)
            return self.fc(self.flatten(x))
    ''')

CASES: dict[str, list] = {}
CASES["r29_nb_jit_script_feature_extractor"] = case("jit_script_features", "lecture", extra7=[TRAIN_Q7])
CASES["r29_py_jit_trace_q7_jit_script_q8_blocks"] = case("jit_trace_features", "jit_script_blocks")
CASES["r29_nb_fx_symbolic_trace_both_models"] = case("fx_symbolic_trace", "fx_traced_forward_randn_check",
                                                     q6=("cat_pad", "reshape", "list"))
CASES["r29_py_pickle_roundtrip_init_torch_save_top_level"] = case("pickle_roundtrip_init", "lecture", q4="typed")
CASES["r29_nb_torch_save_load_deepcopy_in_init"] = case("torch_save_load_init", "deepcopy_dropout_zero",
                                                        extra8=[TRAIN_Q8])
CASES["r29_nb_dropout_p_zero_training_mode"] = case("dropout_zero_train", "deepcopy_dropout_zero",
                                                    extra7=[TRAIN_Q7], q3="typed")
CASES["r29_py_gaussian_noise_std_zero"] = case("noise_std_zero", "lecture", extra7=[TRAIN_Q7],
                                               q6=("item_zeros", "torch_max", "float"))
CASES["r29_nb_random_log_sample_in_forward"] = case("random_log_sample", "lecture", extra7=[TRAIN_Q7], q9="tuple")
CASES["r29_py_dataloader_sanity_check_in_init"] = case("dataloader_sanity_in_init", "lecture", q2="math_floor")
CASES["r29_nb_fork_rng_seeded_init"] = case("fork_rng_init", "convrelu2d_fused", extra7=[TRAIN_Q7])
CASES["r29_py_functional_call_forward"] = case("functional_call_forward", "moduledict_parameterlist_head",
                                               extra7=[TRAIN_Q7])
CASES["r29_nb_getstate_setstate_lambda_attribute"] = case("getstate_setstate", "lecture", q10="computed")
CASES["r29_nb_dataclass_slots_mixin"] = case("dataclass_slots_mixin", "sequential_register_module_names",
                                             q5="int_bias")
CASES["r29_py_computed_names_nonpersistent_buffer"] = case("computed_names_buffer", "sequential_register_module_names",
                                                           extra8=[TRAIN_Q8])
CASES["r29_nb_convrelu2d_fused_blocks"] = case("computed_names_buffer",
                                               "convrelu2d_fused", q6=("loops_zeros", "python_max", "tensor"))
CASES["r29_nb_moduledict_parameterlist_head"] = case("noise_std_zero", "moduledict_parameterlist_head", extra8=[TRAIN_Q8])


# Isolation copies (see the round's report): one construct changed each; the other model is the lecture's.
_JS = Q7["jit_script_features"]
ISO_Q7 = {
    "iso_jit_script_removed": _JS.replace("self.features = torch.jit.script(nn.Sequential(", "self.features = (nn.Sequential(")
        .replace("nn.MaxPool2d(2),\n        ))", "nn.MaxPool2d(2),\n        ))"),
    "iso_jit_script_q7_no_demo": _JS,
    "iso_fx_q7_only": Q7["fx_symbolic_trace"],
    "iso_fx_removed": Q7["fx_symbolic_trace"].replace("torch.fx.symbolic_trace(_Body())", "_Body()")
        .replace("import torch.fx\n", "").replace("print(CNN().body.graph)", "print(CNN().body)"),
    "iso_getstate_removed": Q7["getstate_setstate"][:Q7["getstate_setstate"].index("    def __getstate__")]
        + Q7["getstate_setstate"][Q7["getstate_setstate"].index("    def forward"):],
    "iso_torch_load_kwargs_dict": Q7["torch_save_load_init"].replace("weights_only=False", "**{'weights_only': False}"),
    "iso_pickle_in_init_only": Q7["pickle_roundtrip_init"][:Q7["pickle_roundtrip_init"].index("buf = io.BytesIO()")],
}
Q7["lecture"] = r27.r26.Q7["lecture"]
ISO: dict[str, list] = {}
for _name, _src in ISO_Q7.items():
    Q7[_name] = _src
    ISO[_name] = case(_name, "lecture")
ISO["iso_q8_jit_script_only"] = case("lecture", "jit_script_blocks")
ISO["iso_q7_jit_trace_only"] = case("jit_trace_features", "lecture")


def main(argv: list[str]) -> None:
    if "--iso" in argv:
        out = Path(argv[argv.index("--iso") + 1])
        out.mkdir(parents=True, exist_ok=True)
        for name, cells in ISO.items():
            write(out, name, cells)
        print(len(ISO), "isolation copies written to", out)
        return
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else HERE
    out.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        write(out, name, cells)
    print(len(CASES), "files written to", out)


if __name__ == "__main__":
    main(sys.argv[1:])
