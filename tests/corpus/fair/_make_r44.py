"""Round 44 of the fairness corpus: ordinary process use (multiprocessing pools in prep cells, subprocess for git /
pip / nvidia-smi, DataLoader workers, torch.multiprocessing), colour-aware ConvNets that still compute the asked
network (channel checks, uint8 branches, grey-to-colour, channels_last, augmentation flags off), results of unusual
but ordinary kinds (float64, views, non-contiguous, requires_grad, int tensors, numpy ints, from_numpy), and a few
everyday q6 / model styles.

    python tests/corpus/fair/_make_r44.py            # rewrites tests/corpus/fair/r44_*
    python tests/corpus/fair/_make_r44.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402
import _make_r41 as r41  # noqa: E402
import _make_r42 as r42  # noqa: E402

d = r30.d
md = r30.md
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS
cnn, convnet = r42.cnn, r42.convnet

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


def indent(src, n=4):
    return "".join(" " * n + ln + "\n" if ln else "\n" for ln in src.splitlines())


# ===============================================================================================================
# 1. processes used in ordinary ways, all finished before the answers are checked
# ===============================================================================================================
MP_POOL_PREP = d('''
    import multiprocessing as mp


    def load_one(i):
        """Stands in for decoding one image file from disk."""
        g = torch.Generator().manual_seed(i)
        return torch.rand(1, 100, 100, generator=g)


    with mp.Pool(2) as pool:
        images = pool.map(load_one, range(8))
    dataset = torch.stack(images)
    print(dataset.shape)
    ''')
case("r44_nb_mp_pool_prep_cell_data_loading", "Images 'loaded' with a multiprocessing Pool in a prep cell.",
     before=[MP_POOL_PREP])

MP_POOL_CLOSE = d('''
    import multiprocessing


    def pixel_mean(i):
        g = torch.Generator().manual_seed(i)
        return torch.rand(100, 100, generator=g).mean().item()


    pool = multiprocessing.Pool(processes=2)
    means = sorted(pool.imap_unordered(pixel_mean, range(6)))
    pool.close()
    pool.join()
    print("dataset mean", sum(means) / len(means))
    ''')
case("r44_nb_mp_pool_imap_unordered_close_join", "A Pool closed and joined by hand after imap_unordered.",
     before=[MP_POOL_CLOSE])

MP_PROCESS = d('''
    from multiprocessing import Process


    def say_hello(name):
        print("hello from", name)


    p = Process(target=say_hello, args=("a child process",))
    p.start()
    p.join()
    print("exit code", p.exitcode)
    ''')
case("r44_nb_mp_process_start_join_demo", "The lecture's multiprocessing.Process demo, joined.", before=[MP_PROCESS])

MP_CPU_DL = d('''
    import multiprocessing as mp
    from torch.utils.data import DataLoader, TensorDataset

    NUM_WORKERS = min(2, mp.cpu_count())
    ds = TensorDataset(torch.rand(32, 1, 100, 100), torch.rand(32, 1))
    loader = DataLoader(ds, batch_size=8, shuffle=True, num_workers=NUM_WORKERS)
    ''')
TRAIN_LOADER = d('''
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for xb, yb in loader:
        opt.zero_grad()
        loss = F.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
    print("last loss", loss.item())
    ''')
case("r44_nb_mp_cpu_count_dataloader_workers", "num_workers from multiprocessing.cpu_count(), a short training.",
     before=[MP_CPU_DL], after=[TRAIN_LOADER])

GIT = d('''
    import subprocess

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                check=True).stdout.strip()
    except (FileNotFoundError, subprocess.CalledProcessError):
        commit = "unknown"
    print("notebook version:", commit)
    ''')
case("r44_nb_subprocess_git_rev_parse", "The git commit printed at the top (subprocess.run).", before=[GIT])

PIP_FREEZE = d('''
    import subprocess
    import sys

    try:
        frozen = subprocess.check_output([sys.executable, "-m", "pip", "freeze"], text=True,
                                         stderr=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError):
        frozen = ""
    with open("requirements.txt", "w") as fh:
        fh.write(frozen)
    print(len(frozen.splitlines()), "packages pinned")
    ''')
case("r44_nb_subprocess_pip_freeze_requirements", "requirements.txt written with pip freeze.", before=[PIP_FREEZE])

NVSMI_POPEN = d('''
    from subprocess import PIPE, Popen

    try:
        proc = Popen(["nvidia-smi", "--query-gpu=name", "--format=csv,noheader"], stdout=PIPE, stderr=PIPE, text=True)
        gpu, _ = proc.communicate(timeout=10)
    except FileNotFoundError:
        gpu = "no GPU"
    print(gpu.strip() or "no GPU")
    ''')
case("r44_nb_subprocess_nvidia_smi_popen_communicate", "nvidia-smi through Popen / communicate.", before=[NVSMI_POPEN])

ENV_FN = d('''
    import platform
    import subprocess
    import sys


    def environment_report():
        """What I ran this on (for the write-up)."""
        lines = [f"python {sys.version.split()[0]}", f"torch {torch.__version__}", platform.platform()]
        try:
            out = subprocess.run(["uname", "-m"], capture_output=True, text=True, timeout=5)
            lines.append("machine " + out.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
        return "\\n".join(lines)


    print(environment_report())
    ''')
case("r44_nb_subprocess_in_report_function_called_once", "An environment report function using subprocess.",
     before=[ENV_FN])

PY_VERSION = d('''
    import subprocess
    import sys

    subprocess.run([sys.executable, "--version"], check=False)
    ''')
case("r44_nb_subprocess_sys_executable_version", "The interpreter's version through subprocess.run.",
     before=[PY_VERSION])

TORCH_MP = d('''
    import torch.multiprocessing as tmp


    def make_batch(seed):
        torch.manual_seed(seed)
        return torch.rand(4, 3, 128, 128)


    ctx = tmp.get_context("fork")
    with ctx.Pool(2) as pool:
        batches = pool.map(make_batch, [0, 1])
    print([b.shape for b in batches])
    ''')
case("r44_nb_torch_multiprocessing_fork_pool_prep", "torch.multiprocessing fork Pool making batches.",
     before=[TORCH_MP])

DL_INIT = d('''
    import random
    from torch.utils.data import DataLoader, TensorDataset


    def seed_worker(worker_id):
        worker_seed = torch.initial_seed() % 2 ** 32
        np.random.seed(worker_seed)
        random.seed(worker_seed)


    g = torch.Generator()
    g.manual_seed(0)
    ds = TensorDataset(torch.rand(32, 1, 100, 100), torch.rand(32, 1))
    loader = DataLoader(ds, batch_size=8, shuffle=True, num_workers=2, worker_init_fn=seed_worker, generator=g)
    ''')
case("r44_nb_dataloader_workers_seed_worker_generator", "PyTorch's reproducibility recipe: seed_worker + generator.",
     before=[DL_INIT], after=[TRAIN_LOADER])

DL_FORK = d('''
    from torch.utils.data import DataLoader, TensorDataset

    ds = TensorDataset(torch.rand(32, 1, 100, 100), torch.rand(32, 1))
    loader = DataLoader(ds, batch_size=8, num_workers=2, multiprocessing_context="fork", pin_memory=False)
    ''')
case("r44_nb_dataloader_multiprocessing_context_fork", "DataLoader with multiprocessing_context='fork'.",
     before=[DL_FORK], after=[TRAIN_LOADER])

PLATFORM = d('''
    import os
    import platform
    import shutil

    print(platform.platform(), "| cpus:", os.cpu_count(), "| nvidia-smi:", shutil.which("nvidia-smi"))
    ''')
case("r44_nb_platform_shutil_which_no_process", "An environment line with platform / shutil.which (no process).",
     before=[PLATFORM])

PPE_FORK = d('''
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor


    def brightness(seed):
        g = torch.Generator().manual_seed(seed)
        return torch.rand(3, 128, 128, generator=g).mean().item()


    with ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("fork")) as ex:
        levels = list(ex.map(brightness, range(4)))
    print(levels)
    ''')
case("r44_nb_process_pool_executor_fork_context_prep", "ProcessPoolExecutor (fork context) in a prep cell.",
     before=[PPE_FORK])

script("r44_py_subprocess_git_hash_main_guard",
       after=["if __name__ == \"__main__\":\n" + indent(GIT)])
script("r44_py_mp_fork_pool_main_guard_self_check",
       after=[d('''
           def _check_pool(seed):
               g = torch.Generator().manual_seed(seed)
               img = torch.randn(6, 6, generator=g)
               return bool(torch.equal(max_pool2d(img, 2), img.reshape(3, 2, 3, 2).amax(dim=(1, 3))))


           if __name__ == "__main__":
               import multiprocessing as mp
               with mp.get_context("fork").Pool(2) as pool:
                   print("pool checks:", all(pool.map(_check_pool, range(4))))
           ''')])

# ===============================================================================================================
# 2. colour-aware ConvNets that still compute the network asked for
# ===============================================================================================================
CH_ASSERT = (
    "        if x.dtype == torch.uint8:  # raw photographs: scale to [0, 1]\n"
    "            x = x.float() / 255\n"
    "        assert x.shape[1] == self.input_channels, (\n"
    "            f\"ConvNet({self.input_channels}) got {x.shape[1]} channel(s)\")\n")
case("r44_nb_q8_channel_assert_and_uint8_branch", "ConvNet checks channels and scales uint8 photographs.",
     q8=convnet(pre=CH_ASSERT))

GREY = (
    "        if x.shape[1] == 1 and self.input_channels == 3:  # a grey photo into the colour net\n"
    "            x = x.expand(-1, 3, -1, -1)\n"
    "        elif x.shape[1] == 3 and self.input_channels == 1:  # a colour photo into the grey net\n"
    "            x = x.mean(dim=1, keepdim=True)\n")
case("r44_nb_q8_grey_colour_mismatch_converted", "ConvNet converts grey/colour photos only on a channel mismatch.",
     q8=convnet(pre=GREY))

CL = convnet(init_extra="", pre="        x = x.contiguous(memory_format=torch.channels_last)\n").replace(
    "        )\n\n    def forward", "        )\n        self.to(memory_format=torch.channels_last)\n\n    def forward")
case("r44_nb_q8_channels_last_memory_format", "ConvNet in channels_last memory format.", q8=CL)

AUG = convnet(init_args=", augment=False", init_extra="        self.augment = augment\n",
              pre="        if self.training and self.augment:\n"
                  "            if torch.rand(()) < 0.5:\n"
                  "                x = torch.flip(x, dims=[3])\n")
case("r44_nb_q8_random_flip_behind_augment_flag_off", "Random horizontal flips only when augment=True.", q8=AUG)

NAN = convnet(pre="        x = torch.nan_to_num(x.float(), nan=0.0, posinf=0.0, neginf=0.0) if not torch.isfinite(x).all() else x.float()\n")
case("r44_nb_q8_float_cast_and_nan_guard", "ConvNet casts to float and zeroes NaNs only when there are any.", q8=NAN)

UNSQ = convnet(pre="        if x.dim() == 3:  # a single image (C, H, W)\n            x = x.unsqueeze(0)\n")
case("r44_nb_q8_single_image_unsqueeze", "ConvNet accepts a single (C, H, W) image.", q8=UNSQ)

IDN = convnet(init_args=", normalize=None", init_extra="        self.norm = normalize if normalize is not None else nn.Identity()\n",
              pre="        x = self.norm(x)\n")
case("r44_nb_q8_optional_normaliser_identity_default", "An optional normalising module, nn.Identity by default.",
     q8=IDN)

DTYPE = convnet(pre="        x = x.to(dtype=next(self.parameters()).dtype)\n")
case("r44_nb_q8_input_cast_to_parameter_dtype", "ConvNet casts its input to its parameters' dtype.", q8=DTYPE)

VALID = convnet(pre=(
    "        if x.ndim != 4:\n"
    "            raise ValueError(f\"expected a batch (N, C, H, W), got shape {tuple(x.shape)}\")\n"
    "        if x.shape[1] != self.input_channels:\n"
    "            raise ValueError(f\"expected {self.input_channels} channels, got {x.shape[1]}\")\n"
    "        if tuple(x.shape[-2:]) != (128, 128):\n"
    "            raise ValueError(f\"expected 128x128 images, got {tuple(x.shape[-2:])}\")\n"))
case("r44_nb_q8_input_validation_value_errors", "ConvNet raises ValueError on a wrong batch shape.", q8=VALID)

COLOUR_DEMO = d('''
    def to_grayscale(batch):
        """ITU-R 601 luma: the usual RGB -> grey conversion."""
        w = torch.tensor([0.299, 0.587, 0.114]).view(1, 3, 1, 1)
        return (batch * w).sum(dim=1, keepdim=True)


    photos = torch.rand(4, 3, 128, 128)
    flat = photos.permute(1, 0, 2, 3).reshape(3, -1).numpy()
    print("channel correlations:\\n", np.corrcoef(flat).round(2))
    print("mean / std per channel:", photos.mean(dim=(0, 2, 3)), photos.std(dim=(0, 2, 3)))
    print(ConvNet(3)(photos).shape, ConvNet(1)(to_grayscale(photos)).shape)
    ''')
case("r44_nb_q8_colour_statistics_and_grey_demo", "Channel statistics and a luma conversion in a demo cell.",
     after=[COLOUR_DEMO])

HSV_HELP = d('''
    def rgb_to_hsv_value(batch):
        """The V of HSV: brightest channel per pixel (used for the brightness plot)."""
        return batch.max(dim=1, keepdim=True).values


    def normalise(batch, mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225)):
        m = torch.tensor(mean[:batch.shape[1]]).view(1, -1, 1, 1)
        s = torch.tensor(std[:batch.shape[1]]).view(1, -1, 1, 1)
        return (batch - m) / s


    net = ConvNet(3).eval()
    with torch.no_grad():
        photos = torch.rand(2, 3, 128, 128)
        print(net(normalise(photos)).squeeze(1), rgb_to_hsv_value(photos).shape)
    ''')
case("r44_nb_q8_imagenet_normalise_outside_model", "ImageNet normalisation and HSV value applied outside the model.",
     after=[HSV_HELP])

# ===============================================================================================================
# 3. results of ordinary but unusual kinds
# ===============================================================================================================
CONV_F64 = CONV_LOOPS.replace("dtype=image.dtype", "dtype=torch.float64").replace(
    "    h, w = image.shape\n", "    image, kernel = image.double(), kernel.double()  # accumulate in double precision\n    h, w = image.shape\n", 1)
POOL_F64 = POOL_LOOPS.replace("dtype=image.dtype", "dtype=torch.float64")
case("r44_nb_q6_float64_results", "conv2d and max_pool2d accumulate and return float64.", q6=(CONV_F64, POOL_F64, "tensor"))

CONV_T = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Computed column by column on the transposed image (my notes had it that way), transposed back."""
        img_t, ker_t = image.t(), kernel.t()
        w, h = img_t.shape
        kw, kh = ker_t.shape
        padded = torch.zeros(w + 2 * padding, h + 2 * padding)
        padded[padding:padding + w, padding:padding + h] = img_t
        out_w = (w + 2 * padding - kw) // stride + 1
        out_h = (h + 2 * padding - kh) // stride + 1
        out_t = torch.zeros(out_w, out_h)
        for j in range(out_w):
            for i in range(out_h):
                out_t[j, i] = (padded[j * stride:j * stride + kw, i * stride:i * stride + kh] * ker_t).sum()
        return out_t.t()  # a non-contiguous view
    ''')
POOL_T = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        h, w = image.shape[0] // k * k, image.shape[1] // k * k
        blocks = image[:h, :w].reshape(h // k, k, w // k, k).transpose(1, 2)
        return blocks.amax(dim=(2, 3)).T.T
    ''')
case("r44_nb_q6_transposed_noncontiguous_results", "Results returned as transposed (non-contiguous) views.",
     q6=(CONV_T, POOL_T, "tensor"))

CONV_VIEW = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        values = []
        for i in range(out_h):
            for j in range(out_w):
                values.append((padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum())
        return torch.stack(values).view(out_h, out_w)
    ''')
POOL_VIEW = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        vals = [image[i * k:(i + 1) * k, j * k:(j + 1) * k].max() for i in range(oh) for j in range(ow)]
        return torch.stack(vals).view(oh, ow)[:, :]
    ''')
case("r44_nb_q6_stack_then_view_results", "Values appended to a list, stacked and viewed as 2-D.",
     q6=(CONV_VIEW, POOL_VIEW, "tensor"))

CONV_GRAD = CONV_LOOPS.replace(
    "    h, w = image.shape\n",
    "    # keep the graph so I can check d(out)/d(kernel) against the lecture's formula\n"
    "    kernel = kernel.detach().clone().requires_grad_(True)\n    h, w = image.shape\n", 1)
GRAD_DEMO = d('''
    img = torch.randn(5, 5)
    ker = torch.randn(3, 3)
    out = conv2d(img, ker)
    out.sum().backward()
    print(out.requires_grad, out.grad_fn is not None)
    ''')
case("r44_nb_q6_result_requires_grad", "conv2d returns a result that requires grad (kernel made a leaf).",
     q6=(CONV_GRAD, POOL_LOOPS, "tensor"), extra6=(GRAD_DEMO,))

HAND_LAYER = d('''
    class HandConv(nn.Module):
        """My own convolution layer: the kernel is an nn.Parameter."""

        def __init__(self, kernel, stride=1, padding=0):
            super().__init__()
            self.weight = nn.Parameter(kernel.clone().float())
            self.stride, self.padding = stride, padding

        def forward(self, image):
            s, p = self.stride, self.padding
            h, w = image.shape
            kh, kw = self.weight.shape
            padded = torch.zeros(h + 2 * p, w + 2 * p)
            padded[p:p + h, p:p + w] = image
            rows = []
            for i in range((h + 2 * p - kh) // s + 1):
                rows.append(torch.stack([(padded[i * s:i * s + kh, j * s:j * s + kw] * self.weight).sum()
                                         for j in range((w + 2 * p - kw) // s + 1)]))
            return torch.stack(rows)


    def conv2d(image, kernel, stride=1, padding=0):
        return HandConv(kernel, stride, padding)(image)
    ''')
case("r44_nb_q6_hand_layer_with_parameter_kernel", "conv2d through an nn.Module whose kernel is an nn.Parameter.",
     q6=(HAND_LAYER, POOL_LOOPS, "tensor"))

CONV_INT = CONV_LOOPS
Q6_INT32 = "q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]], dtype=torch.int32)\n"
INT_DEMO = d('''
    # the slide's integer example through my conv2d: the result keeps the integer dtype
    img = torch.tensor([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]])
    ker = torch.tensor([[0, 1, 2], [2, 2, 0], [0, 1, 2]])
    print(conv2d(img, ker), conv2d(img, ker).dtype)
    ''')
case("r44_nb_q6_int32_output_and_integer_demo", "q6_output an int32 tensor; conv2d on integer tensors.",
     q6=(CONV_INT, POOL_LOOPS, Q6_INT32), extra6=(INT_DEMO,))

CONV_NP = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img = np.pad(image.numpy(), padding)          # float32 in, np.zeros below is float64
        k = kernel.numpy()
        kh, kw = k.shape
        out_h = (img.shape[0] - kh) // stride + 1
        out_w = (img.shape[1] - kw) // stride + 1
        out = np.zeros((out_h, out_w))
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out)
    ''')
POOL_NP = d('''
    def max_pool2d(image, kernel_size=2):
        a = image.numpy()
        k = kernel_size
        oh, ow = a.shape[0] // k, a.shape[1] // k
        return torch.from_numpy(a[:oh * k, :ow * k].reshape(oh, k, ow, k).max(axis=(1, 3)))
    ''')
case("r44_nb_q6_numpy_inside_from_numpy_float64", "numpy inside; torch.from_numpy of a float64 array returned.",
     q6=(CONV_NP, POOL_NP, "tensor"))

CONV_4D = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Works on a (1, 1, H, W) batch in channels_last like my model code, returns the 2-D plane."""
        x = image[None, None].contiguous(memory_format=torch.channels_last)
        x = torch.nn.functional.pad(x, (padding, padding, padding, padding))
        _, _, H, W = x.shape
        kh, kw = kernel.shape
        out = torch.zeros(1, 1, (H - kh) // stride + 1, (W - kw) // stride + 1).contiguous(
            memory_format=torch.channels_last)
        for i in range(out.shape[2]):
            for j in range(out.shape[3]):
                out[0, 0, i, j] = (x[0, 0, i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out[0, 0]
    ''')
POOL_4D = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        x = image[None, None]
        oh, ow = x.shape[2] // k, x.shape[3] // k
        out = x.new_empty(1, 1, oh, ow)
        for i in range(oh):
            for j in range(ow):
                out[0, 0, i, j] = x[0, 0, i * k:(i + 1) * k, j * k:(j + 1) * k].max()
        return out.squeeze(0).squeeze(0)
    ''')
case("r44_nb_q6_batch_dims_channels_last_view_returned", "conv2d in a channels_last 4-D buffer, returns a 2-D view.",
     q6=(CONV_4D, POOL_4D, "tensor"))

CONV_DETACH = CONV_LOOPS.replace("    return out\n", "    return out.detach().clone().contiguous()\n")
POOL_ASTENSOR = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        rows = [[float(image[i:i + k, j:j + k].max()) for j in range(0, image.shape[1] - k + 1, k)]
                for i in range(0, image.shape[0] - k + 1, k)]
        return torch.as_tensor(rows, dtype=image.dtype)
    ''')
case("r44_nb_q6_detach_clone_and_as_tensor_results", "Results detached / cloned, and as_tensor of Python floats.",
     q6=(CONV_DETACH, POOL_ASTENSOR, "tensor"))

Q34_NUMPY = d('''
    # counts computed with numpy (np.prod returns numpy integers)
    q4_conv_params = np.prod((3, 3, 3, 3)) + 3
    q4_cnn_params = (np.prod((1, 3, 3, 3)) + 3) + (np.prod((3, 2, 3, 3)) + 2) + (1250 + 1)
    sizes = [128 * 128, 256, 128, 64, 32, 16, 1]
    q4_fcnn_params = np.sum([a * b + b for a, b in zip(sizes[:-1], sizes[1:])])
    print(type(q4_conv_params), q4_conv_params, q4_cnn_params, q4_fcnn_params)
    ''')
case("r44_nb_q4_numpy_integer_counts_q3_torch_size", "q3 as torch.Size shapes, q4 counts as numpy integers.",
     q3="torch_size", q4=Q34_NUMPY)

Q3_TENSORS = d('''
    x = torch.zeros(1, 1, 100, 100)
    shapes = []
    for layer in [nn.Conv2d(1, 3, 3, padding=1), nn.MaxPool2d(2), nn.Conv2d(3, 2, 3, padding=1), nn.MaxPool2d(2)]:
        x = layer(x)
        shapes.append(tuple(x.shape[1:]))
    q3_shapes = shapes
    q3_flatten_features = x[0].numel()
    q3_shapes, q3_flatten_features
    ''')
Q4_NUMEL = d('''
    q4_conv_params = sum(p.numel() for p in nn.Conv2d(3, 3, 3).parameters())
    q4_cnn_params = sum(p.numel() for p in [nn.Conv2d(1, 3, 3).weight, nn.Conv2d(1, 3, 3).bias,
                                            nn.Conv2d(3, 2, 3).weight, nn.Conv2d(3, 2, 3).bias]) + 1250 + 1
    fc = nn.Sequential(nn.Linear(128 * 128, 256), nn.Linear(256, 128), nn.Linear(128, 64), nn.Linear(64, 32),
                       nn.Linear(32, 16), nn.Linear(16, 1))
    q4_fcnn_params = sum(p.numel() for p in fc.parameters())
    ''')
case("r44_nb_q3_run_layers_q4_numel_of_modules", "q3 by running layers; q4 counted from torch modules.",
     q3=Q3_TENSORS, q4=Q4_NUMEL)

# ===============================================================================================================
# 4. everyday q6 and model styles
# ===============================================================================================================
CONV_FLAT = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Flat indices: pixel (r, c) of a W-wide image is at r * W + c."""
        H, W = image.shape[0] + 2 * padding, image.shape[1] + 2 * padding
        flat = torch.zeros(H * W)
        for r in range(image.shape[0]):
            for c in range(image.shape[1]):
                flat[(r + padding) * W + (c + padding)] = image[r, c]
        kh, kw = kernel.shape
        kflat = kernel.reshape(-1)
        oh, ow = (H - kh) // stride + 1, (W - kw) // stride + 1
        out = torch.zeros(oh * ow)
        for o in range(oh * ow):
            top, left = (o // ow) * stride, (o % ow) * stride
            total = 0.0
            for t in range(kh * kw):
                total = total + flat[(top + t // kw) * W + left + t % kw] * kflat[t]
            out[o] = total
        return out.reshape(oh, ow)
    ''')
case("r44_nb_q6_flat_index_arithmetic", "conv2d on a flattened image with r * W + c indices.",
     q6=(CONV_FLAT, POOL_LOOPS, "tensor"))

POOL_PERMUTE = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        H, W = image.shape[0] // k, image.shape[1] // k
        trimmed = image[:H * k, :W * k]                       # drop the rows/columns that do not fit
        blocks = trimmed.reshape(H, k, W, k).permute(0, 2, 1, 3).flatten(2)
        return blocks.max(dim=-1).values
    ''')
case("r44_nb_q6_pool_trim_permute_flatten_max", "max_pool2d: trim, reshape, permute, flatten, max(dim).",
     q6=(CONV_VIEW, POOL_PERMUTE, "tensor"))

CONV_ROWS_MM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Each output value is the dot product of the flattened window with the flattened kernel."""
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        kh, kw = kernel.shape
        k = kernel.flatten()
        rows = []
        for i in range(0, padded.shape[0] - kh + 1, stride):
            row = [torch.dot(padded[i:i + kh, j:j + kw].flatten(), k)
                   for j in range(0, padded.shape[1] - kw + 1, stride)]
            rows.append(torch.stack(row))
        return torch.stack(rows)
    ''')
POOL_MAX_TWICE = d('''
    def max_pool2d(image, kernel_size=2):
        out = []
        for i in range(0, image.shape[0] - kernel_size + 1, kernel_size):
            row = []
            for j in range(0, image.shape[1] - kernel_size + 1, kernel_size):
                block = image[i:i + kernel_size, j:j + kernel_size]
                row.append(torch.max(torch.max(block, dim=0).values))
            out.append(torch.stack(row))
        return torch.stack(out)
    ''')
case("r44_nb_q6_range_step_stride_dot_flatten", "range(0, ..., stride) loops, torch.dot of flattened windows.",
     q6=(CONV_ROWS_MM, POOL_MAX_TWICE, "tensor"))

CONV_ENUM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        if padding > 0:
            image = torch.cat([torch.zeros(padding, image.shape[1]), image, torch.zeros(padding, image.shape[1])])
            image = torch.cat([torch.zeros(image.shape[0], padding), image, torch.zeros(image.shape[0], padding)], dim=1)
        kh, kw = kernel.shape
        out_h = (image.shape[0] - kh) // stride + 1
        out_w = (image.shape[1] - kw) // stride + 1
        result = torch.empty(out_h, out_w)
        for i in range(out_h):
            for j in range(out_w):
                acc = torch.tensor(0.0)
                for a, krow in enumerate(kernel):
                    for b, kval in enumerate(krow):
                        acc += image[i * stride + a, j * stride + b] * kval
                result[i, j] = acc
        return result
    ''')
case("r44_nb_q6_four_loops_enumerate_kernel_cat_padding", "Four nested loops, enumerate over the kernel, cat padding.",
     q6=(CONV_ENUM, POOL_LOOPS, "tensor"))

PRINT_ONCE = cnn(init_extra="        self._shown = False\n",
                 pre="        if not self._shown:\n            print(\"input\", tuple(x.shape))\n            self._shown = True\n")
case("r44_nb_models_print_shape_on_first_call", "CNN prints its input shape the first time it runs.", q7=PRINT_ONCE)

VIEW_SIZE = d('''
    class CNN(nn.Module):
        def __init__(self):
            super(CNN, self).__init__()
            self.conv1 = nn.Conv2d(in_channels=1, out_channels=3, kernel_size=3, stride=1, padding=1)
            self.conv2 = nn.Conv2d(in_channels=3, out_channels=2, kernel_size=3, stride=1, padding=1)
            self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
            self.fc = nn.Linear(in_features=2 * 25 * 25, out_features=1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            x = x.view(x.size(0), -1)
            x = self.fc(x)
            return x
    ''')
case("r44_nb_models_shared_pool_view_size0", "The tutorial CNN: one shared pool, view(x.size(0), -1).", q7=VIEW_SIZE)

BLOCKS_LIST = d('''
    def conv_block(input_channels, output_channels):
        layers = []
        layers.append(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1))
        layers.append(nn.ReLU(inplace=True))
        return nn.Sequential(*layers)


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            self.blocks = nn.Sequential(*[conv_block(c_in, c_out) for c_in, c_out in zip(channels, channels[1:])])
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(3 * 128 * 128, 1))

        def forward(self, x):
            return self.head(self.blocks(x))
    ''')
case("r44_nb_models_channel_list_zip_blocks_inplace_relu", "Blocks from a channel list with zip; inplace ReLU.",
     q8=BLOCKS_LIST)

# scripts
script("r44_py_q8_colour_checks_and_float64_q6", q6=(CONV_F64, POOL_F64, "tensor"), q8=convnet(pre=CH_ASSERT))
script("r44_py_pip_freeze_and_dataloader_workers_main_guard", before=[PIP_FREEZE],
       after=["if __name__ == \"__main__\":\n" + indent(DL_INIT + "\n" + TRAIN_LOADER)])

# ===============================================================================================================
# 5. (second batch) processes and threads still alive, or their results, when the answers are checked
# ===============================================================================================================
DATAITER = d('''
    from torch.utils.data import DataLoader, TensorDataset

    trainset = TensorDataset(torch.rand(32, 1, 100, 100), torch.randint(0, 2, (32,)))
    trainloader = DataLoader(trainset, batch_size=4, shuffle=True, num_workers=2)

    # show some random training images (as in the PyTorch CIFAR-10 tutorial)
    dataiter = iter(trainloader)
    images, labels = next(dataiter)
    print(images.shape, labels)
    ''')
case("r44_nb_dataloader_dataiter_kept_cifar_tutorial", "The CIFAR-10 tutorial's dataiter = iter(trainloader) peek.",
     before=[DATAITER])

PEEK = DATAITER.replace("dataiter = iter(trainloader)\nimages, labels = next(dataiter)\n",
                        "images, labels = next(iter(trainloader))\n")
assert PEEK != DATAITER
case("r44_nb_dataloader_next_iter_peek_temporary", "next(iter(trainloader)) peek (the iterator is dropped).",
     before=[PEEK])

POOL_OPEN = d('''
    import multiprocessing as mp


    def pixel_mean(i):
        g = torch.Generator().manual_seed(i)
        return torch.rand(100, 100, generator=g).mean().item()


    pool = mp.Pool(2)
    means = pool.map(pixel_mean, range(6))
    print("dataset mean", sum(means) / len(means))
    ''')
case("r44_nb_mp_pool_never_closed_floats", "A Pool used for floats and never closed.", before=[POOL_OPEN])

PPE_OPEN = d('''
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor


    def brightness(seed):
        g = torch.Generator().manual_seed(seed)
        return torch.rand(3, 128, 128, generator=g).mean().item()


    executor = ProcessPoolExecutor(max_workers=2, mp_context=mp.get_context("fork"))
    futures = [executor.submit(brightness, s) for s in range(4)]
    print([round(f.result(), 3) for f in futures])
    ''')
case("r44_nb_process_pool_executor_left_open", "ProcessPoolExecutor submitted to and never shut down.",
     before=[PPE_OPEN])

POOL_NUMPY = d('''
    import multiprocessing as mp


    def load_one(i):
        rng = np.random.default_rng(i)
        return rng.random((1, 100, 100), dtype=np.float32)


    with mp.Pool(2) as pool:
        arrays = pool.map(load_one, range(8))
    dataset = torch.from_numpy(np.stack(arrays))
    print(dataset.shape)
    ''')
case("r44_nb_mp_pool_returns_numpy_arrays", "A Pool returning numpy arrays, stacked into a tensor.",
     before=[POOL_NUMPY])

POOL_FS = "import torch.multiprocessing\ntorch.multiprocessing.set_sharing_strategy(\"file_system\")\n" + MP_POOL_PREP
case("r44_nb_mp_pool_tensors_file_system_sharing", "A Pool returning tensors after set_sharing_strategy('file_system').",
     before=[POOL_FS])

BG_TRAIN = d('''
    import threading

    log = []


    def train_in_background(model, steps=5):
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        for _ in range(steps):
            opt.zero_grad()
            loss = F.mse_loss(model(torch.rand(8, 1, 100, 100)), torch.rand(8, 1))
            loss.backward()
            opt.step()
            log.append(loss.item())


    trainer = threading.Thread(target=train_in_background, args=(CNN(),))
    trainer.start()
    ''')
case("r44_nb_background_training_thread_joined", "Training on a background thread, joined in the last cell.",
     after=[BG_TRAIN, "trainer.join()\nprint(log)\n"])

PSUTIL = d('''
    import os
    import psutil

    rss = psutil.Process(os.getpid()).memory_info().rss
    print(f"memory used: {rss / 2 ** 20:.0f} MiB, cpus: {psutil.cpu_count(logical=False)}")
    ''')
case("r44_nb_psutil_memory_report", "Memory use printed with psutil.", after=[PSUTIL])

BUF = convnet(init_extra=("        # per-channel statistics, set from the training data later (identity until then)\n"
                          "        self.register_buffer(\"mean\", torch.zeros(1, input_channels, 1, 1))\n"
                          "        self.register_buffer(\"std\", torch.ones(1, input_channels, 1, 1))\n"),
              pre="        x = (x - self.mean) / self.std\n")
case("r44_nb_q8_normalisation_buffers_identity_until_set", "Mean/std buffers (0 and 1 until set) in ConvNet.",
     q8=BUF)

STATS_PARAM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = image.new_zeros(out_h, out_w)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = torch.sum(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return nn.Parameter(out, requires_grad=False)  # kept as a "layer output" like my hand layer
    ''')
case("r44_nb_q6_returns_nn_parameter", "conv2d returns its result wrapped in nn.Parameter(requires_grad=False).",
     q6=(STATS_PARAM, POOL_LOOPS, "tensor"))


def main() -> None:
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--out") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        r38.write(out_dir, name, cells)
    print(len(CASES), "files")


if __name__ == "__main__":
    main()
