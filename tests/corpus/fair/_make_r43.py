"""Round 43 of the fairness corpus: submissions whose ordinary code starts threads or processes (ddea69c counts every
start while a check runs the student's code): thread pools, spinners and timeouts in conv2d, DataLoader workers,
torch.set_num_threads / OMP_NUM_THREADS / interop threads, torch.jit, torch.compile and torch.profiler demos,
multiprocessing self-checks, concurrent.futures data preparation, %%time / %timeit, QueueHandler logging, timers,
faulthandler, asyncio; q6 by hand in further styles (numpy, einsum, as_strided, unfold by hand, recursion, caches,
generators, dataclasses) and models in further styles (ModuleDict, ModuleList, Unflatten, Identity, checkpoint,
custom init, buffers, __repr__, no_grad helpers).

    python tests/corpus/fair/_make_r43.py            # rewrites tests/corpus/fair/r43_*
    python tests/corpus/fair/_make_r43.py --out DIR  # writes them to DIR instead
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
md, C, out = r30.md, r30.C, r30.out
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
CONV_LOOPS, POOL_LOOPS = r41.CONV_LOOPS, r41.POOL_LOOPS
cnn, convnet = r42.cnn, r42.convnet

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


TRAIN = d('''
    # a quick sanity training run on random data
    xs, ys = torch.rand(64, 1, 100, 100), torch.rand(64, 1)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(2):
        for i in range(0, 64, 16):
            opt.zero_grad()
            loss = F.mse_loss(model(xs[i:i + 16]), ys[i:i + 16])
            loss.backward()
            opt.step()
        print(f"epoch {epoch}: loss {loss.item():.4f}")
    ''')

# ===============================================================================================================
# 1. threads and processes
# ===============================================================================================================
POOL_ROWS = d('''
    from concurrent.futures import ThreadPoolExecutor


    def conv2d(image, kernel, stride=1, padding=0):
        """Each output row is computed by its own task (the loops are slow in Python)."""
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1

        def row(i):
            return torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                for j in range(out_w)])

        with ThreadPoolExecutor(max_workers=2) as ex:
            rows = list(ex.map(row, range(out_h)))
        return torch.stack(rows)
    ''')
case("r43_nb_q6_threadpool_rows_inside_conv2d", "conv2d computes its rows on a small thread pool.",
     q6=(POOL_ROWS, POOL_LOOPS, "tensor"))

SPINNER = d('''
    import threading
    import time
    import sys


    class Spinner:
        """Prints dots while a slow loop runs (my loops are slow on big images)."""

        def __init__(self, label, every=0.5):
            self.label, self.every = label, every
            self._stop = threading.Event()
            self._thread = threading.Thread(target=self._spin, daemon=True)

        def _spin(self):
            while not self._stop.wait(self.every):
                sys.stdout.write(".")
                sys.stdout.flush()

        def __enter__(self):
            self._thread.start()
            return self

        def __exit__(self, *exc):
            self._stop.set()
            self._thread.join()
            return False
    ''')
CONV_SPIN = CONV_LOOPS.replace(
    "    for i in range(out_h):\n        for j in range(out_w):\n            out[i, j] = (padded",
    "    with Spinner(\"conv2d\"):\n        for i in range(out_h):\n            for j in range(out_w):\n"
    "                out[i, j] = (padded")
assert "with Spinner" in CONV_SPIN
case("r43_nb_q6_spinner_thread_context_manager", "A spinner thread while conv2d's loops run.",
     before=[SPINNER], q6=(CONV_SPIN, POOL_LOOPS, "tensor"))

TIMEOUT = d('''
    import functools
    import threading


    def timeout(seconds):
        """Give up on a function that hangs (my first conv2d had an infinite loop)."""
        def deco(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                box = {}

                def target():
                    try:
                        box["value"] = fn(*args, **kwargs)
                    except BaseException as e:  # re-raised below
                        box["error"] = e
                t = threading.Thread(target=target, daemon=True)
                t.start()
                t.join(seconds)
                if t.is_alive():
                    raise TimeoutError(f"{fn.__name__} took longer than {seconds} s")
                if "error" in box:
                    raise box["error"]
                return box["value"]
            return wrapper
        return deco
    ''')
case("r43_nb_q6_timeout_decorator_runs_in_thread", "conv2d and max_pool2d guarded by a thread-based timeout decorator.",
     before=[TIMEOUT], q6=("@timeout(60)\n" + CONV_LOOPS, "@timeout(60)\n" + POOL_LOOPS, "tensor"))

DL_WORKERS = d('''
    from torch.utils.data import DataLoader, TensorDataset

    ds = TensorDataset(torch.rand(64, 1, 100, 100), torch.rand(64, 1))
    loader = DataLoader(ds, batch_size=16, shuffle=True, num_workers=2)
    model = CNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(2):
        for xb, yb in loader:
            opt.zero_grad()
            loss = F.mse_loss(model(xb), yb)
            loss.backward()
            opt.step()
        print(epoch, loss.item())
    ''')
case("r43_nb_training_dataloader_num_workers_2", "A training loop with DataLoader(num_workers=2) at top level.",
     after=[DL_WORKERS])
case("r43_nb_training_dataloader_persistent_workers", "DataLoader with persistent workers, deleted at the end.",
     after=[DL_WORKERS.replace("num_workers=2)", "num_workers=2, persistent_workers=True)"), "del loader\n"])
case("r43_nb_training_dataloader_persistent_workers_kept", "DataLoader with persistent workers kept for later.",
     after=[DL_WORKERS.replace("num_workers=2)", "num_workers=2, persistent_workers=True)")])

case("r43_nb_set_num_threads_4_training", "torch.set_num_threads(4) for faster training.",
     imports=IMPORTS + "torch.set_num_threads(4)\nprint(torch.get_num_threads())\n", after=[TRAIN])
case("r43_nb_omp_num_threads_env_before_import", "OMP_NUM_THREADS / MKL_NUM_THREADS set before importing torch.",
     imports='import os\nos.environ["OMP_NUM_THREADS"] = "4"\nos.environ["MKL_NUM_THREADS"] = "4"\n' + IMPORTS,
     after=[TRAIN])
case("r43_nb_interop_and_intraop_threads", "torch.set_num_interop_threads(2) and set_num_threads(2).",
     imports=IMPORTS + "torch.set_num_interop_threads(2)\ntorch.set_num_threads(2)\n", after=[TRAIN])

JIT_DEMO = d('''
    # TorchScript versions for deployment
    scripted = torch.jit.script(CNN())
    traced = torch.jit.trace(ConvNet(3).eval(), torch.rand(1, 3, 128, 128))
    print(scripted(torch.rand(2, 1, 100, 100)).shape, traced(torch.rand(2, 3, 128, 128)).shape)
    print(scripted.code[:200])
    ''')
case("r43_nb_jit_script_and_trace_demo", "TorchScript script/trace of both models.", after=[JIT_DEMO])

JIT_FORK = d('''
    fut = torch.jit.fork(CNN(), torch.rand(2, 1, 100, 100))
    other = ConvNet(1)(torch.rand(2, 1, 128, 128))
    print(torch.jit.wait(fut).shape, other.shape)
    ''')
case("r43_nb_jit_fork_async_demo", "torch.jit.fork of one model while the other runs.", after=[JIT_FORK])

COMPILE_DEMO = d('''
    # torch.compile speed-up demo (falls back if there is no compiler)
    try:
        fast = torch.compile(CNN(), backend="eager")
        print(fast(torch.rand(2, 1, 100, 100)).shape)
    except Exception as e:
        print("torch.compile not available:", type(e).__name__)
    ''')
case("r43_nb_torch_compile_eager_backend_demo", "torch.compile(backend='eager') demo.", after=[COMPILE_DEMO])

PROFILE = d('''
    from torch.profiler import profile, ProfilerActivity, record_function

    with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
        with record_function("cnn_inference"):
            CNN()(torch.rand(8, 1, 100, 100))
    print(prof.key_averages().table(sort_by="cpu_time_total", row_limit=5))
    ''')
case("r43_nb_torch_profiler_demo", "torch.profiler around a model call.", after=[PROFILE])

MP_POOL = d('''
    # check my conv2d against PyTorch on many random cases in parallel
    import multiprocessing as mp


    def check_one(seed):
        g = torch.Generator().manual_seed(seed)
        x, k = torch.rand(7, 8, generator=g), torch.rand(3, 3, generator=g)
        return torch.allclose(conv2d(x, k, padding=1), F.conv2d(x[None, None], k[None, None], padding=1)[0, 0], atol=1e-5)


    with mp.Pool(2) as pool:
        print(all(pool.map(check_one, range(8))))
    ''')
case("r43_nb_multiprocessing_pool_self_check", "A multiprocessing.Pool self-check of conv2d.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[MP_POOL])

PPE = d('''
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


    def normalise(img):
        return (img - img.mean()) / (img.std() + 1e-6)


    raw_images = [torch.rand(1, 100, 100) * 255 for _ in range(32)]
    with ThreadPoolExecutor(max_workers=4) as ex:
        images = torch.stack(list(ex.map(normalise, raw_images)))
    with ProcessPoolExecutor(max_workers=2) as ex:
        sums = list(ex.map(torch.sum, raw_images[:4]))
    print(images.shape, len(sums))
    ''')
case("r43_nb_concurrent_futures_data_preparation", "Thread and process pools in a data-preparation cell.",
     before=[PPE], after=["print(CNN()(images).shape)\n"])

case("r43_nb_time_magics_on_cells", "%%time, %time and %timeit around the work.",
     q6=("%%time\n" + CONV_LOOPS, POOL_LOOPS, "tensor"),
     extra6=["x, k = torch.rand(10, 10), torch.rand(3, 3)\n%timeit conv2d(x, k)\n%time y = max_pool2d(x)\n"],
     after=["%%time\n" + TRAIN])

QLOG = d('''
    import logging
    import logging.handlers
    import queue

    log_queue = queue.Queue()
    listener = logging.handlers.QueueListener(log_queue, logging.StreamHandler())
    listener.start()
    log = logging.getLogger("lab6")
    log.setLevel(logging.INFO)
    log.addHandler(logging.handlers.QueueHandler(log_queue))
    log.info("notebook started")
    ''')
CONV_QLOG = CONV_LOOPS.replace("    return out\n", "    log.debug(\"conv2d -> %s\", tuple(out.shape))\n    return out\n")
assert "log.debug" in CONV_QLOG
case("r43_nb_logging_queue_listener_stopped_at_end", "Logging through a QueueHandler; the listener stopped at the end.",
     before=[QLOG], q6=(CONV_QLOG, POOL_LOOPS, "tensor"), after=["log.info(\"done\")\nlistener.stop()\n"])
case("r43_nb_logging_queue_listener_left_running", "Logging through a QueueHandler; the listener never stopped.",
     before=[QLOG], q6=(CONV_QLOG, POOL_LOOPS, "tensor"), after=["log.info(\"done\")\n"])

PLOTS = d('''
    image = torch.rand(10, 10)
    edge = torch.tensor([[1., 0., -1.], [2., 0., -2.], [1., 0., -1.]])
    fig, axes = plt.subplots(1, 3, figsize=(9, 3))
    for ax, (title, im) in zip(axes, [("image", image), ("conv", conv2d(image, edge, padding=1)),
                                      ("pool", max_pool2d(image))]):
        ax.imshow(im, cmap="gray")
        ax.set_title(title)
    plt.tight_layout()
    plt.show()
    ''')
case("r43_nb_matplotlib_plots_of_feature_maps", "Matplotlib plots of conv and pool outputs and a loss curve.",
     imports="%matplotlib inline\n" + r30.IMPORTS_PLT, extra6=[PLOTS],
     after=[TRAIN.replace("print(f\"epoch", "plt.plot([loss.item()])\n    print(f\"epoch") + "plt.show()\n"])

TIMER = d('''
    import threading

    def heartbeat():
        print("still training...")

    hb = threading.Timer(30.0, heartbeat)
    hb.start()
    ''')
case("r43_nb_threading_timer_heartbeat_cancelled", "A threading.Timer heartbeat around training, cancelled after it.",
     after=[TIMER, TRAIN, "hb.cancel()\nhb.join()\n"])

case("r43_nb_shell_escapes_pip_nvidia_smi", "Colab-style shell escapes and a subprocess call.",
     imports="!pip install -q torchsummary\n!nvidia-smi\n" + IMPORTS + d('''
        import subprocess
        try:
            print(subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True).stdout)
        except FileNotFoundError:
            print("no GPU, using CPU")
        '''))

FAULT = "import faulthandler\nfaulthandler.dump_traceback_later(600, exit=False)  # print where it hangs\n"
case("r43_nb_faulthandler_watchdog_cancelled", "A faulthandler watchdog for hangs, cancelled at the end.",
     imports=IMPORTS + FAULT, after=["faulthandler.cancel_dump_traceback_later()\n"])

ASYNC = d('''
    import asyncio


    async def check_all():
        x, k = torch.rand(12, 12), torch.rand(3, 3)
        a, b = await asyncio.gather(asyncio.to_thread(conv2d, x, k), asyncio.to_thread(max_pool2d, x))
        return a.shape, b.shape


    if __name__ == "__main__":
        print(asyncio.run(check_all()))
    ''')
script("r43_py_asyncio_to_thread_self_check", after=[ASYNC])

MP_SCRIPT = d('''
    def _check(seed):
        torch.manual_seed(seed)
        x = torch.rand(9, 9)
        return torch.equal(max_pool2d(x), F.max_pool2d(x[None, None], 2)[0, 0])


    if __name__ == "__main__":
        import multiprocessing
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(2) as pool:
            print("pool ok:", all(pool.map(_check, range(4))))
    ''')
script("r43_py_spawn_pool_self_check_main_guard", after=[MP_SCRIPT])

CKPT_CNN = d('''
    from torch.utils.checkpoint import checkpoint


    class CNN(nn.Module):
        """Activation checkpointing on the feature extractor (saves memory on big batches)."""

        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            x = checkpoint(self.features, x, use_reentrant=False)
            return self.head(x)
    ''')
CKPT_NET = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.blocks = nn.ModuleList([conv_block(input_channels, 3)] + [conv_block(3, 3) for _ in range(4)])
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            for block in self.blocks:
                x = torch.utils.checkpoint.checkpoint_sequential(block, 1, x, use_reentrant=False) if self.training else block(x)
            return self.fc(torch.flatten(x, 1))
    ''')
case("r43_nb_models_activation_checkpointing", "Activation checkpointing in both models.", q7=CKPT_CNN, q8=CKPT_NET,
     after=[TRAIN])

# ===============================================================================================================
# 2. q6 styles
# ===============================================================================================================
NP_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img = np.pad(image.numpy(), padding)
        k = kernel.numpy()
        kh, kw = k.shape
        oh = (img.shape[0] - kh) // stride + 1
        ow = (img.shape[1] - kw) // stride + 1
        out = np.zeros((oh, ow), dtype=img.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(img[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return torch.from_numpy(out)
    ''')
NP_POOL = d('''
    def max_pool2d(image, kernel_size=2):
        a = image.numpy()
        oh, ow = a.shape[0] // kernel_size, a.shape[1] // kernel_size
        a = a[:oh * kernel_size, :ow * kernel_size]
        return torch.from_numpy(a.reshape(oh, kernel_size, ow, kernel_size).max(axis=(1, 3)))
    ''')
case("r43_nb_q6_numpy_inside_with_np_pad", "conv2d and max_pool2d computed in numpy.", q6=(NP_CONV, NP_POOL, "tensor"))

EINSUM_STRIDED = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        x = F.pad(image, (padding, padding, padding, padding)).contiguous()
        kh, kw = kernel.shape
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        s0, s1 = x.stride()
        windows = x.as_strided((oh, ow, kh, kw), (s0 * stride, s1 * stride, s0, s1))
        return torch.einsum("ijab,ab->ij", windows, kernel)
    ''')
STRIDED_POOL = d('''
    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        x = image.contiguous()
        s0, s1 = x.stride()
        windows = x.as_strided((oh, ow, k, k), (s0 * k, s1 * k, s0, s1))
        return windows.amax(dim=(-2, -1))
    ''')
case("r43_nb_q6_as_strided_einsum_typed", "as_strided windows and einsum, with type hints.",
     q6=(EINSUM_STRIDED, STRIDED_POOL, "tensor"))

NP_STRIDE_TRICKS = d('''
    from numpy.lib.stride_tricks import sliding_window_view


    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.numpy(), padding)
        win = sliding_window_view(x, kernel.shape)[::stride, ::stride]
        return torch.from_numpy(np.einsum("ijkl,kl->ij", win, kernel.numpy()))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        win = sliding_window_view(image.numpy(), (k, k))[::k, ::k]
        return torch.from_numpy(win.max(axis=(2, 3)).copy())
    ''')
case("r43_nb_q6_numpy_sliding_window_view", "numpy's sliding_window_view and einsum.",
     q6=(NP_STRIDE_TRICKS, "", "tensor"))

UNFOLD_HAND = d('''
    def im2col(x, kh, kw, stride):
        """Every (kh, kw) window of x as a row (unfold written by hand)."""
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        cols = [x[i * stride:i * stride + kh, j * stride:j * stride + kw].reshape(-1)
                for i in range(oh) for j in range(ow)]
        return torch.stack(cols), (oh, ow)


    def conv2d(image, kernel, stride=1, padding=0):
        x = F.pad(image, [padding] * 4)
        cols, (oh, ow) = im2col(x, *kernel.shape, stride)
        return (cols @ kernel.reshape(-1)).reshape(oh, ow)


    def max_pool2d(image, kernel_size=2):
        cols, (oh, ow) = im2col(image, kernel_size, kernel_size, kernel_size)
        return cols.max(dim=1).values.reshape(oh, ow)
    ''')
case("r43_nb_q6_im2col_by_hand_matmul", "im2col written by hand, then a matrix product.", q6=(UNFOLD_HAND, "", "tensor"))

TENSOR_UNFOLD = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        x = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        patches = x.unfold(0, kh, stride).unfold(1, kw, stride)  # (oh, ow, kh, kw)
        return (patches * kernel).sum(dim=(-1, -2))


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return image.unfold(0, k, k).unfold(1, k, k).amax(dim=(-1, -2))
    ''')
case("r43_nb_q6_tensor_unfold_windows", "Tensor.unfold windows.", q6=(TENSOR_UNFOLD, "", "tensor"))

RECURSIVE = d('''
    import sys
    sys.setrecursionlimit(10_000)


    def conv2d(image, kernel, stride=1, padding=0):
        x = F.pad(image, (padding, padding, padding, padding))
        kh, kw = kernel.shape

        def rows(i):
            if i + kh > x.shape[0]:
                return []
            return [cols(i, 0)] + rows(i + stride)

        def cols(i, j):
            if j + kw > x.shape[1]:
                return []
            return [(x[i:i + kh, j:j + kw] * kernel).sum()] + cols(i, j + stride)

        return torch.stack([torch.stack(r) for r in rows(0)])


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        if image.shape[0] < k:
            return image.new_zeros(0, image.shape[1] // k)
        row = torch.stack([image[:k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
        return torch.cat([row[None], max_pool2d(image[k:], k)])
    ''')
case("r43_nb_q6_recursion_rows_and_columns", "conv2d and max_pool2d written recursively.", q6=(RECURSIVE, "", "tensor"))

GEN_CACHE = d('''
    from functools import lru_cache
    from typing import Iterator, Tuple


    @lru_cache(maxsize=None)
    def output_size(n: int, k: int, stride: int, padding: int) -> int:
        return (n + 2 * padding - k) // stride + 1


    def windows(x: torch.Tensor, kh: int, kw: int, stride: int) -> Iterator[Tuple[int, int, torch.Tensor]]:
        """Yield (i, j, window) for every output position."""
        for i in range(output_size(x.shape[0], kh, stride, 0)):
            for j in range(output_size(x.shape[1], kw, stride, 0)):
                yield i, j, x[i * stride:i * stride + kh, j * stride:j * stride + kw]


    def conv2d(image, kernel, stride=1, padding=0):
        """
        >>> conv2d(torch.ones(3, 3), torch.ones(2, 2))
        tensor([[4., 4.],
                [4., 4.]])
        """
        x = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        out = torch.empty(output_size(image.shape[0], kh, stride, padding),
                          output_size(image.shape[1], kw, stride, padding), dtype=image.dtype)
        for i, j, win in windows(x, kh, kw, stride):
            out[i, j] = torch.sum(win * kernel)
        return out


    def max_pool2d(image, kernel_size=2):
        out = torch.empty(image.shape[0] // kernel_size, image.shape[1] // kernel_size, dtype=image.dtype)
        for i, j, win in windows(image, kernel_size, kernel_size, kernel_size):
            out[i, j] = win.max()
        return out
    ''')
case("r43_nb_q6_generator_windows_lru_cache_doctest", "Generators of windows, an lru_cache'd size, a doctest.",
     q6=(GEN_CACHE, "", "tensor"), extra6=["import doctest\ndoctest.run_docstring_examples(conv2d, globals(), verbose=False)\n"])

DATACLASS = d('''
    from dataclasses import dataclass
    import logging

    logging.basicConfig(level=logging.WARNING)


    @dataclass(frozen=True)
    class Conv2dSpec:
        stride: int = 1
        padding: int = 0

        def out_size(self, n: int, k: int) -> int:
            return (n + 2 * self.padding - k) // self.stride + 1


    class SlidingWindow:
        def __init__(self, image, spec: Conv2dSpec):
            self.x = F.pad(image, (spec.padding,) * 4)
            self.spec = spec

        def at(self, i, j, kh, kw):
            s = self.spec.stride
            return self.x[i * s:i * s + kh, j * s:j * s + kw]


    def conv2d(image, kernel, stride=1, padding=0):
        assert image.dim() == 2 and kernel.dim() == 2, "2-D image and kernel only"
        spec = Conv2dSpec(stride, padding)
        win = SlidingWindow(image, spec)
        kh, kw = kernel.shape
        oh, ow = spec.out_size(image.shape[0], kh), spec.out_size(image.shape[1], kw)
        logging.debug("conv2d %s -> (%d, %d)", spec, oh, ow)
        return torch.tensor([[float((win.at(i, j, kh, kw) * kernel).sum()) for j in range(ow)] for i in range(oh)],
                            dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        win = SlidingWindow(image, Conv2dSpec(stride=kernel_size))
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        return torch.tensor([[float(win.at(i, j, kernel_size, kernel_size).max()) for j in range(ow)]
                             for i in range(oh)], dtype=image.dtype)
    ''')
case("r43_nb_q6_dataclass_spec_and_window_class", "A frozen dataclass spec and a sliding-window helper class.",
     q6=(DATACLASS, "", "tensor"))

BROADCAST = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Sum over kernel taps of shifted, strided views (no Python loop over output pixels)."""
        x = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        oh = (x.shape[0] - kh) // stride + 1
        ow = (x.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a in range(kh):
            for b in range(kw):
                out += kernel[a, b] * x[a:a + stride * (oh - 1) + 1:stride, b:b + stride * (ow - 1) + 1:stride]
        return out


    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        views = [image[a:a + k * oh:k, b:b + k * ow:k] for a in range(k) for b in range(k)]
        return torch.stack(views).max(dim=0).values
    ''')
case("r43_nb_q6_shift_and_add_strided_slices", "Shift-and-add over kernel taps; max over stacked strided views.",
     q6=(BROADCAST, "", "tensor"))

NOGRAD_Q6 = d('''
    @torch.no_grad()
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        return torch.stack([torch.stack([torch.dot(padded[i * stride:i * stride + kh, j * stride:j * stride + kw].flatten(),
                                                   kernel.flatten()) for j in range(ow)]) for i in range(oh)])


    @torch.no_grad()
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        return torch.stack([torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)])
                            for i in range(0, image.shape[0] - k + 1, k)])
    ''')
case("r43_nb_q6_no_grad_decorated_dot_products", "@torch.no_grad() functions with torch.dot of flattened windows.",
     q6=(NOGRAD_Q6, "", "tensor"))

# ===============================================================================================================
# 3. models
# ===============================================================================================================
MODULEDICT = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleDict({
                "conv1": nn.Conv2d(1, 3, 3, padding=1),
                "conv2": nn.Conv2d(3, 2, 3, padding=1),
                "pool": nn.MaxPool2d(2),
                "act": nn.ReLU(),
                "fc": nn.Linear(1250, 1),
            })

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            L = self.layers
            x = L["pool"](L["act"](L["conv1"](x)))
            x = L["pool"](L["act"](L["conv2"](x)))
            return L["fc"](x.flatten(start_dim=1))

        def __repr__(self):
            return f"CNN({sum(p.numel() for p in self.parameters())} parameters)"
    ''')
UNFLAT_NET = d('''
    def conv_block(input_channels: int, output_channels: int) -> nn.Sequential:
        block = nn.Sequential()
        block.add_module("conv", nn.Conv2d(input_channels, output_channels, kernel_size=3, padding="same"))
        block.add_module("relu", nn.ReLU(inplace=True))
        return block


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int):
            super().__init__()
            self.stem = nn.Identity()
            self.body = nn.Sequential(*[conv_block(input_channels if i == 0 else 3, 3) for i in range(5)])
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(3 * 128 * 128, 1))
            self.register_buffer("calls", torch.zeros((), dtype=torch.long), persistent=False)

        def forward(self, x):
            self.calls += 1
            return self.head(self.body(self.stem(x)))
    ''')
case("r43_nb_models_moduledict_repr_identity_buffer", "ModuleDict CNN with __repr__; ConvNet with Identity, 'same' padding, a buffer.",
     q7=MODULEDICT, q8=UNFLAT_NET)

INIT_CNN = r42.cnn().replace("        )\n\n    def forward", "        )\n        self.reset_parameters()\n\n    def forward") + (
    "\n"
    "    @torch.no_grad()\n"
    "    def reset_parameters(self):\n"
    "        for m in self.modules():\n"
    "            if isinstance(m, (nn.Conv2d, nn.Linear)):\n"
    "                nn.init.kaiming_normal_(m.weight, nonlinearity=\"relu\")\n"
    "                nn.init.zeros_(m.bias)\n")
INIT_NET = convnet().replace("        )\n\n    def forward", "        )\n        self.apply(self._init)\n\n    def forward") + (
    "\n"
    "    @staticmethod\n"
    "    def _init(m):\n"
    "        if isinstance(m, nn.Conv2d):\n"
    "            nn.init.xavier_uniform_(m.weight)\n"
    "            nn.init.constant_(m.bias, 0.01)\n")
case("r43_nb_models_custom_weight_init", "Kaiming / Xavier initialisation in __init__.", q7=INIT_CNN, q8=INIT_NET)

HOOK_NET = convnet().replace("        )\n\n    def forward",
                             "        )\n        self.shapes = {}\n        for name, m in self.main.named_children():\n"
                             "            m.register_forward_hook(lambda mod, inp, out, name=name: self.shapes.__setitem__(name, tuple(out.shape)))\n"
                             "\n    def forward")
UNFLATTEN_CNN = d('''
    class CNN(nn.Module):
        """Accepts flat (N, 10000) vectors as well (the data set stores them flat)."""

        def __init__(self):
            super().__init__()
            self.to_image = nn.Unflatten(1, (1, 100, 100))
            self.net = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        def forward(self, x):
            if x.dim() == 2:
                x = self.to_image(x)
            return self.net(x)
    ''')
case("r43_nb_models_unflatten_input_and_shape_hooks", "Unflatten for flat inputs; forward hooks recording shapes.",
     q7=UNFLATTEN_CNN, q8=HOOK_NET, after=["n = ConvNet(3); n(torch.rand(1, 3, 128, 128)); print(n.shapes)\n"])

FUNC_PARAMS = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1 = nn.Parameter(torch.empty(3, 1, 3, 3))
            self.b1 = nn.Parameter(torch.zeros(3))
            self.w2 = nn.Parameter(torch.empty(2, 3, 3, 3))
            self.b2 = nn.Parameter(torch.zeros(2))
            self.fc = nn.Linear(1250, 1)
            for w in (self.w1, self.w2):
                nn.init.kaiming_uniform_(w, a=5 ** 0.5)

        def forward(self, x):
            x = F.max_pool2d(F.relu(F.conv2d(x, self.w1, self.b1, padding=1)), 2)
            x = F.max_pool2d(F.relu(F.conv2d(x, self.w2, self.b2, padding=1)), 2)
            return self.fc(x.flatten(1))
    ''')
case("r43_nb_models_raw_parameters_functional", "CNN with raw nn.Parameter weights and F.conv2d.", q7=FUNC_PARAMS)

PREDICT = d('''
    @torch.inference_mode()
    def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
        model.eval()
        return torch.sigmoid(model(x))


    print(predict(CNN(), torch.rand(4, 1, 100, 100)).squeeze(1))
    print(predict(ConvNet(3), torch.rand(2, 3, 128, 128)).squeeze(1))
    ''')
case("r43_nb_models_inference_mode_predict_helper", "An inference_mode predict helper.", after=[PREDICT])

DEVICE = d('''
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    print("using", device)
    ''')
DEV_CNN = cnn(init_extra="        self.device = device\n", pre="        x = x.to(self.device)\n").replace(
    "        )\n\n    def forward", "        )\n        self.to(self.device)\n\n    def forward")
case("r43_nb_models_device_attribute_to_device", "Models that move themselves and their input to a device.",
     before=[DEVICE], q7=DEV_CNN)

SEQ_ONLY = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, 1, 1), nn.ReLU())


    class ConvNet(nn.Sequential):
        """ConvNet is itself a Sequential."""

        def __init__(self, input_channels):
            super().__init__(
                conv_block(input_channels, 3),
                *(conv_block(3, 3) for _ in range(4)),
                nn.Flatten(),
                nn.Linear(49152, 1),
            )
    ''')
CNN_SEQ = d('''
    class CNN(nn.Sequential):
        def __init__(self):
            super().__init__(OrderedDict([
                ("conv1", nn.Conv2d(1, 3, 3, padding=1)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
                ("conv2", nn.Conv2d(3, 2, 3, padding=1)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
                ("flatten", nn.Flatten()), ("fc", nn.Linear(1250, 1)),
            ]))
    ''')
case("r43_nb_models_subclass_sequential_ordereddict", "Both models subclass nn.Sequential (OrderedDict names).",
     imports=IMPORTS + "from collections import OrderedDict\n", q7=CNN_SEQ, q8=SEQ_ONLY)

# scripts
script("r43_py_threadpool_prep_and_set_num_threads", imports=IMPORTS + "torch.set_num_threads(2)\n",
       before=[PPE.replace("ProcessPoolExecutor, ", "")
               .replace("    with ProcessPoolExecutor(max_workers=2) as ex:\n        sums = list(ex.map(torch.sum, raw_images[:4]))\n", "    sums = [0]\n")
               .replace("with ProcessPoolExecutor(max_workers=2) as ex:\n    sums = list(ex.map(torch.sum, raw_images[:4]))\n", "sums = [0]\n")],
       q6=(TENSOR_UNFOLD, "", "tensor"), q7=MODULEDICT)
script("r43_py_dataloader_workers_training_main_guard",
       after=["if __name__ == \"__main__\":\n" + "".join("    " + ln + "\n" if ln else "\n" for ln in DL_WORKERS.splitlines())])
script("r43_py_numpy_conv_queue_logging_stopped", before=[QLOG], q6=(NP_CONV, NP_POOL, "tensor"),
       after=["listener.stop()\n"])


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
