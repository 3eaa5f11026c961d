"""Round 45 of the fairness corpus: the reader's new callback rule (a function handed to map / sorted / filter /
addFilter whose parameter is stored in something the by-hand functions reach) met by ordinary code -- seeding helpers
with a `deterministic` flag, call logs and shape caches in conv2d with self-checks that pass conv2d to a helper,
logging filters, closures appending rows, map / reduce / itertools / operator inside the loops -- and threads or
processes started around (not inside) the judged calls.

    python tests/corpus/fair/_make_r45.py            # rewrites tests/corpus/fair/r45_*
    python tests/corpus/fair/_make_r45.py --out DIR  # writes them to DIR instead
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
# 1. seeding helpers with a `deterministic` parameter (torch.backends.cudnn.* = parameter), used by other functions
# ===============================================================================================================
SET_SEED = d('''
    import random


    def set_seed(seed=0, deterministic=True):
        """Seed python, numpy and torch; optionally make cuDNN deterministic."""
        random.seed(seed)
        np.random.seed(seed)
        torch.manual_seed(seed)
        torch.backends.cudnn.deterministic = deterministic
        torch.backends.cudnn.benchmark = not deterministic


    set_seed(42)
    ''')
SET_SEED_FIXED = SET_SEED.replace("def set_seed(seed=0, deterministic=True):",
                                  "def set_seed(seed=0):").replace(
    "torch.backends.cudnn.deterministic = deterministic\n    torch.backends.cudnn.benchmark = not deterministic",
    "torch.backends.cudnn.deterministic = True\n    torch.backends.cudnn.benchmark = False").replace(
    "; optionally make cuDNN deterministic", " and make cuDNN deterministic")
assert SET_SEED_FIXED.count("= True") == 1
TRAIN_ONCE_MAP = d('''
    def train_once(seed, steps=3):
        """A few SGD steps of a fresh CNN on fixed fake data; returns the last loss."""
        set_seed(seed)
        model = CNN()
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        x, y = torch.rand(8, 1, 100, 100), torch.rand(8, 1)
        for _ in range(steps):
            opt.zero_grad()
            loss = F.mse_loss(model(x), y)
            loss.backward()
            opt.step()
        return loss.item()


    final_losses = list(map(train_once, [0, 1, 2]))
    print("final loss per seed:", final_losses)
    ''')
case("r45_nb_set_seed_deterministic_flag_map_seed_sweep",
     "A set_seed(seed, deterministic) helper; a seed sweep of short trainings with map.",
     before=[SET_SEED], after=[TRAIN_ONCE_MAP])
case("r45_nb_set_seed_fixed_flags_map_seed_sweep",
     "A set_seed(seed) helper with fixed cuDNN flags; a seed sweep of short trainings with map.",
     before=[SET_SEED_FIXED], after=[TRAIN_ONCE_MAP])

TRAIN_ONCE_LOOP = TRAIN_ONCE_MAP.replace("final_losses = list(map(train_once, [0, 1, 2]))",
                                         "final_losses = [train_once(s) for s in (0, 1, 2)]")
assert TRAIN_ONCE_LOOP != TRAIN_ONCE_MAP
case("r45_nb_set_seed_deterministic_flag_listcomp_sweep",
     "A set_seed(seed, deterministic) helper; the seed sweep as a list comprehension.",
     before=[SET_SEED], after=[TRAIN_ONCE_LOOP])

SEED_WORKER = d('''
    from torch.utils.data import DataLoader, TensorDataset

    BASE_SEED = 1234


    def seed_worker(worker_id):
        set_seed(BASE_SEED + worker_id)


    g = torch.Generator()
    g.manual_seed(BASE_SEED)
    train_ds = TensorDataset(torch.rand(32, 1, 100, 100), torch.rand(32, 1))
    loader = DataLoader(train_ds, batch_size=8, shuffle=True, num_workers=2, worker_init_fn=seed_worker, generator=g)
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
case("r45_nb_set_seed_flag_seed_worker_dataloader",
     "set_seed(seed, deterministic) reused by a DataLoader's worker_init_fn; a short training.",
     before=[SET_SEED, SEED_WORKER], after=[TRAIN_LOADER])

SORT_BY_LOSS = d('''
    def score(seed):
        return train_once(seed, steps=2)


    ranked = sorted(range(3), key=score)
    print("seeds from best to worst:", ranked)
    ''')
case("r45_nb_set_seed_flag_sorted_key_ranking",
     "set_seed(seed, deterministic); seeds ranked with sorted(key=...) of a short training.",
     before=[SET_SEED], after=[TRAIN_ONCE_LOOP, SORT_BY_LOSS])

# ===============================================================================================================
# 2. conv2d keeps a log / cache in a module-level container, and a self-check hands conv2d to a helper
# ===============================================================================================================
CONV_LOG = d('''
    CALL_LOG = []  # (image shape, kernel shape, stride, padding) of every call, for debugging


    def conv2d(image, kernel, stride=1, padding=0):
        CALL_LOG.append((tuple(image.shape), tuple(kernel.shape), stride, padding))
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
SELFCHECK_HELPER = d('''
    def check(mine, reference, *args, **kwargs):
        got, want = mine(*args, **kwargs), reference(*args, **kwargs)
        ok = got.shape == want.shape and torch.allclose(got, want, atol=1e-5)
        print(f"{mine.__name__}: {'OK' if ok else 'MISMATCH'} {tuple(got.shape)}")
        return ok


    img, ker = torch.rand(7, 9), torch.rand(3, 3)
    check(conv2d, lambda a, k, **kw: F.conv2d(a[None, None], k[None, None], **kw)[0, 0], img, ker)
    check(conv2d, lambda a, k, **kw: F.conv2d(a[None, None], k[None, None], **kw)[0, 0], img, ker, stride=2, padding=1)
    check(max_pool2d, lambda a: F.max_pool2d(a[None, None], 2)[0, 0], img)
    print(len(CALL_LOG), "calls logged:", CALL_LOG[-1])
    ''')
case("r45_nb_q6_call_log_list_selfcheck_helper",
     "conv2d logs its calls in a list; a self-check helper is handed conv2d and a torch reference.",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_HELPER])
case("r45_nb_q6_call_log_list_no_selfcheck_control",
     "conv2d logs its calls in a list; no self-check.",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=["conv2d(torch.rand(5, 5), torch.ones(3, 3))\nprint(CALL_LOG)\n"])

CONV_SHAPES_DICT = d('''
    LAST_SHAPES = {}


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        LAST_SHAPES["conv2d"] = (tuple(image.shape), tuple(out.shape))
        return out
    ''')
SELFCHECK_ZIP = d('''
    def torch_conv(image, kernel, stride=1, padding=0):
        return F.conv2d(image[None, None], kernel[None, None], stride=stride, padding=padding)[0, 0]


    def torch_pool(image, kernel_size=2):
        return F.max_pool2d(image[None, None], kernel_size)[0, 0]


    x, k = torch.randn(8, 8), torch.randn(3, 3)
    for mine, ref, args in zip((conv2d, max_pool2d), (torch_conv, torch_pool), ((x, k), (x,))):
        assert torch.allclose(mine(*args), ref(*args), atol=1e-5), mine.__name__
    print("both match torch;", LAST_SHAPES)
    ''')
case("r45_nb_q6_last_shapes_dict_zip_selfcheck",
     "conv2d records its last shapes in a dict; a self-check zips (conv2d, max_pool2d) with torch references.",
     q6=(CONV_SHAPES_DICT, POOL_LOOPS, "tensor"), extra6=[SELFCHECK_ZIP])

PARTIAL_CHECK = d('''
    import functools

    strided = functools.partial(conv2d, stride=2, padding=1)
    x, k = torch.randn(9, 9), torch.randn(3, 3)
    want = F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0]
    assert torch.allclose(strided(x, k), want, atol=1e-5)
    print("strided conv OK; calls so far:", len(CALL_LOG))
    ''')
case("r45_nb_q6_call_log_partial_stride_selfcheck",
     "conv2d logs its calls; a functools.partial of it checked against F.conv2d.",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=[PARTIAL_CHECK])

# helper shared by conv2d and max_pool2d records every window size it is asked for
SHARED_HELPER = d('''
    WINDOW_SIZES = set()


    def windows(image, size, stride):
        """Yield (i, j, window) for every window of `size` (kh, kw) moved by `stride`."""
        kh, kw = size
        WINDOW_SIZES.add(size)
        h, w = image.shape
        for i in range((h - kh) // stride + 1):
            for j in range((w - kw) // stride + 1):
                yield i, j, image[i * stride:i * stride + kh, j * stride:j * stride + kw]


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        kh, kw = kernel.shape
        out = torch.zeros((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1, dtype=image.dtype)
        for i, j, win in windows(padded, (kh, kw), stride):
            out[i, j] = (win * kernel).sum()
        return out
    ''')
POOL_SHARED = d('''
    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i, j, win in windows(image, (kernel_size, kernel_size), kernel_size):
            out[i, j] = win.max()
        return out
    ''')
COMPARE_ALL = d('''
    def compare(mine, theirs, inputs):
        return all(torch.allclose(mine(*a), theirs(*a), atol=1e-5) for a in inputs)


    inputs = [(torch.randn(6, 6), torch.randn(3, 3)), (torch.randn(10, 7), torch.randn(2, 4))]
    print("conv2d:", compare(conv2d, lambda a, k: F.conv2d(a[None, None], k[None, None])[0, 0], inputs))
    images = [(a,) for a, _ in inputs]
    print("max_pool2d:", compare(max_pool2d, lambda a: F.max_pool2d(a[None, None], 2)[0, 0], images))
    print("window sizes used:", sorted(WINDOW_SIZES))
    ''')
case("r45_nb_q6_shared_windows_helper_records_sizes_compare",
     "A windows() generator shared by conv2d and max_pool2d records the sizes it is asked for; compare() checks both.",
     q6=(SHARED_HELPER, POOL_SHARED, "tensor"), extra6=[COMPARE_ALL])

# ===============================================================================================================
# 3. closures and callbacks inside conv2d; a module-level list of the same name filled through map elsewhere
# ===============================================================================================================
CLOSURE_ROWS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        kh, kw = kernel.shape
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        oh = (padded.shape[0] - kh) // stride + 1
        ow = (padded.shape[1] - kw) // stride + 1
        rows = []

        def add_row(i):
            rows.append(torch.stack([(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                                     for j in range(ow)]))

        list(map(add_row, range(oh)))
        return torch.stack(rows)
    ''')
POOL_CLOSURE = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        rows = []

        def add_row(i):
            rows.append(torch.stack([image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
                                     for j in range(image.shape[1] // k)]))

        list(map(add_row, range(image.shape[0] // k)))
        return torch.stack(rows)
    ''')
EDGE_STATS = d('''
    # how strong are vertical edges in some random "images"? (torch's own conv, just for a look)
    sobel = torch.tensor([[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]).view(1, 1, 3, 3)
    batch = torch.rand(4, 1, 28, 28)
    rows = []


    def collect(edge_map):
        rows.append(edge_map.abs().mean().item())


    list(map(collect, (F.conv2d(x[None], sobel) for x in batch)))
    print("mean |edge| per image:", rows)
    ''')
case("r45_nb_q6_closure_rows_map_and_global_rows_edge_demo",
     "conv2d / max_pool2d fill rows through a closure handed to map; an edge demo fills a global `rows` with map.",
     before=[EDGE_STATS], q6=(CLOSURE_ROWS, POOL_CLOSURE, "tensor"))

REDUCE_TAPS = d('''
    import functools
    import itertools
    import operator


    def conv2d(image, kernel, stride=1, padding=0):
        """Sum over the kernel's taps of tap * (the padded image shifted by the tap), sampled every `stride`."""
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1

        def tap(acc, ab):
            a, b = ab
            shifted = padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
            return operator.add(acc, kernel[a, b] * shifted)

        return functools.reduce(tap, itertools.product(range(kh), range(kw)),
                                torch.zeros(oh, ow, dtype=image.dtype))
    ''')
POOL_REDUCE = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        shifted = (image[a:a + oh * k:k, b:b + ow * k:k] for a, b in itertools.product(range(k), repeat=2))
        return functools.reduce(torch.maximum, shifted)
    ''')
case("r45_nb_q6_functools_reduce_itertools_product_taps",
     "conv2d and max_pool2d as functools.reduce over itertools.product of the kernel's taps.",
     q6=(REDUCE_TAPS, POOL_REDUCE, "tensor"))

MAP_LAMBDAS = d('''
    import itertools
    import operator


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        flat_k = kernel.flatten().tolist()
        window = lambda i, j: padded[i * stride:i * stride + kh, j * stride:j * stride + kw].flatten().tolist()
        dot = lambda xs: sum(itertools.starmap(operator.mul, zip(xs, flat_k)))
        values = list(map(dot, itertools.starmap(window, itertools.product(range(oh), range(ow)))))
        return torch.tensor(values, dtype=image.dtype).reshape(oh, ow)
    ''')
POOL_SORTED = d('''
    def max_pool2d(image, kernel_size=2):
        k = kernel_size
        oh, ow = image.shape[0] // k, image.shape[1] // k
        block = lambda ij: image[ij[0] * k:(ij[0] + 1) * k, ij[1] * k:(ij[1] + 1) * k].flatten().tolist()
        biggest = [sorted(block(ij))[-1] for ij in itertools.product(range(oh), range(ow))]
        return torch.tensor(biggest, dtype=image.dtype).reshape(oh, ow)
    ''')
case("r45_nb_q6_starmap_operator_lambdas_sorted_pool",
     "conv2d with map / itertools.starmap / operator.mul over Python lists; max_pool2d takes sorted(block)[-1].",
     q6=(MAP_LAMBDAS, POOL_SORTED, "tensor"))

NP_EINSUM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """By hand in numpy: stack the windows into patches, contract them with the kernel, back to a tensor."""
        a = np.pad(image.detach().cpu().numpy(), padding)
        k = kernel.detach().cpu().numpy()
        kh, kw = k.shape
        oh = (a.shape[0] - kh) // stride + 1
        ow = (a.shape[1] - kw) // stride + 1
        patches = np.array([[a[i * stride:i * stride + kh, j * stride:j * stride + kw] for j in range(ow)]
                            for i in range(oh)])
        return torch.from_numpy(np.einsum("ijab,ab->ij", patches, k)).to(image.dtype)
    ''')
NP_POOL = d('''
    def max_pool2d(image, kernel_size=2):
        a = image.detach().cpu().numpy()
        k = kernel_size
        oh, ow = a.shape[0] // k, a.shape[1] // k
        blocks = a[:oh * k, :ow * k].reshape(oh, k, ow, k)
        return torch.from_numpy(blocks.max(axis=(1, 3)).copy()).to(image.dtype)
    ''')
case("r45_nb_q6_numpy_patches_einsum_back_to_tensor",
     "conv2d in numpy (patches + np.einsum) and max_pool2d by reshape, both turned back into tensors.",
     q6=(NP_EINSUM, NP_POOL, "tensor"))

TORCH_EINSUM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        patches = torch.stack([torch.stack([padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                                            for j in range(ow)]) for i in range(oh)])
        return torch.einsum("ijab,ab->ij", patches, kernel)
    ''')
case("r45_nb_q6_torch_einsum_stacked_patches",
     "conv2d as torch.einsum over patches stacked by hand.", q6=(TORCH_EINSUM, POOL_LOOPS, "tensor"))

# ===============================================================================================================
# 4. logging with filters (addFilter) beside a conv2d that logs at debug level
# ===============================================================================================================
LOG_SPLIT = d('''
    import logging
    import sys

    log = logging.getLogger(__name__)
    log.setLevel(logging.INFO)
    # INFO and below to stdout, WARNING and above to stderr (the usual Stack Overflow recipe)
    to_stdout = logging.StreamHandler(sys.stdout)
    to_stdout.addFilter(lambda record: record.levelno < logging.WARNING)
    to_stderr = logging.StreamHandler(sys.stderr)
    to_stderr.setLevel(logging.WARNING)
    log.addHandler(to_stdout)
    log.addHandler(to_stderr)
    log.propagate = False
    log.info("logging set up")
    ''')
CONV_LOGGED = CONV_LOOPS.replace("    h, w = image.shape\n",
                                 "    log.debug(\"conv2d: image %s kernel %s stride %d padding %d\", tuple(image.shape),\n"
                                 "              tuple(kernel.shape), stride, padding)\n    h, w = image.shape\n", 1)
assert CONV_LOGGED != CONV_LOOPS
case("r45_nb_logging_stdout_stderr_split_filter_conv2d_debug",
     "A handler filter (addFilter with a lambda) splits stdout / stderr; conv2d logs at debug level.",
     before=[LOG_SPLIT], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"))
LOG_NO_FILTER = LOG_SPLIT.replace("to_stdout.addFilter(lambda record: record.levelno < logging.WARNING)\n",
                                  "to_stdout.setLevel(logging.INFO)\n")
assert LOG_NO_FILTER != LOG_SPLIT
case("r45_nb_logging_two_handlers_no_filter_conv2d_debug_control",
     "Two handlers by level (no filter); conv2d logs at debug level.",
     before=[LOG_NO_FILTER], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"))
MPL_FILTER = d('''
    import logging

    log = logging.getLogger(__name__)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # matplotlib's font manager is chatty: drop its records
    logging.getLogger("matplotlib.font_manager").addFilter(lambda record: False)
    ''')
case("r45_nb_logging_silence_matplotlib_filter_conv2d_debug",
     "basicConfig, a filter that silences matplotlib's font manager; conv2d logs at debug level.",
     before=[MPL_FILTER], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"))

# ===============================================================================================================
# 5. threads and processes around (not inside) the judged calls
# ===============================================================================================================
SAVER = d('''
    import atexit
    from concurrent.futures import ThreadPoolExecutor

    # save checkpoints in the background so training never waits for the disk
    saver = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ckpt")
    atexit.register(saver.shutdown, wait=True)


    def save_async(model, path):
        state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        return saver.submit(torch.save, state, path)


    save_async(CNN(), "cnn_init.pt").result()
    ''')
case("r45_nb_threadpool_checkpoint_saver_atexit_shutdown",
     "A one-thread checkpoint saver, shut down by atexit.", after=[SAVER])

SAVER_WITH = d('''
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as saver:
        futures = [saver.submit(torch.save, CNN().state_dict(), f"cnn_{i}.pt") for i in range(2)]
    print([f.exception() for f in futures])
    ''')
case("r45_nb_threadpool_checkpoint_saver_with_block",
     "Checkpoints saved on a thread pool in a with block.", after=[SAVER_WITH])

PREFETCH = d('''
    import queue
    import threading

    batches = queue.Queue(maxsize=2)


    def producer(n):
        for i in range(n):
            batches.put((torch.rand(8, 1, 100, 100), torch.rand(8, 1)))
        batches.put(None)


    worker = threading.Thread(target=producer, args=(4,), daemon=True)
    worker.start()
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    while (item := batches.get()) is not None:
        xb, yb = item
        opt.zero_grad()
        loss = F.mse_loss(model(xb), yb)
        loss.backward()
        opt.step()
    worker.join()
    print("trained on prefetched batches, last loss", loss.item())
    ''')
case("r45_nb_prefetch_thread_queue_training_joined",
     "A producer thread prefetches batches through a queue.Queue; joined after training.", after=[PREFETCH])

SPAWN_DL = d('''
    from torch.utils.data import DataLoader, TensorDataset

    # on my Mac the default start method is spawn; keep it explicit so the notebook behaves the same everywhere
    ds = TensorDataset(torch.rand(32, 1, 100, 100), torch.rand(32, 1))
    loader = DataLoader(ds, batch_size=8, shuffle=True, num_workers=2, multiprocessing_context="spawn")
    ''')
case("r45_nb_dataloader_spawn_context_training",
     "DataLoader workers with the spawn context (a Mac student's default); a short training.",
     before=[SPAWN_DL], after=[TRAIN_LOADER])

THREADS_CTX = d('''
    import contextlib


    @contextlib.contextmanager
    def torch_threads(n):
        old = torch.get_num_threads()
        torch.set_num_threads(n)
        try:
            yield
        finally:
            torch.set_num_threads(old)


    with torch_threads(2):
        x, k = torch.randn(12, 12), torch.randn(3, 3)
        assert torch.allclose(conv2d(x, k), F.conv2d(x[None, None], k[None, None])[0, 0], atol=1e-5)
    print("checked with 2 intra-op threads")
    ''')
case("r45_nb_set_num_threads_context_manager_selfcheck",
     "A self-check run under a context manager that sets torch's thread count.", extra6=[THREADS_CTX])

TIMER_SELF = d('''
    import threading

    # remind me if this cell ever hangs (it should take well under a second)
    reminder = threading.Timer(30.0, print, args=("still checking conv2d...",))
    reminder.start()
    try:
        for s, p in [(1, 0), (2, 1), (3, 2)]:
            x, k = torch.randn(11, 11), torch.randn(3, 3)
            want = F.conv2d(x[None, None], k[None, None], stride=s, padding=p)[0, 0]
            assert torch.allclose(conv2d(x, k, stride=s, padding=p), want, atol=1e-5)
    finally:
        reminder.cancel()
    print("all strides OK")
    ''')
case("r45_nb_timer_reminder_around_selfcheck_cancelled",
     "A threading.Timer reminder around a self-check, cancelled in finally.", extra6=[TIMER_SELF])

# ===============================================================================================================
# 6. models: yaml / dict configuration, Sequential factories, no_grad predict, torchsummary, dataclass hyper-parameters
# ===============================================================================================================
YAML_CFG = d('''
    import yaml

    CONFIG = yaml.safe_load("""
    cnn:
      channels: [1, 3, 2]
      kernel_size: 3
      padding: 1
      pool: 2
      flat: 1250
    convnet:
      width: 3
      blocks: 5
      image_size: 128
    """)
    print(CONFIG)
    ''')
Q7_YAML = d('''
    def conv_pool(cin, cout, k, p, pool):
        return [nn.Conv2d(cin, cout, k, padding=p), nn.ReLU(), nn.MaxPool2d(pool)]


    class CNN(nn.Module):
        def __init__(self, cfg=CONFIG["cnn"]):
            super().__init__()
            c = cfg["channels"]
            layers = []
            for cin, cout in zip(c[:-1], c[1:]):
                layers += conv_pool(cin, cout, cfg["kernel_size"], cfg["padding"], cfg["pool"])
            self.features = nn.Sequential(*layers)
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(cfg["flat"], 1))

        def forward(self, x):
            return self.head(self.features(x))
    ''')
Q8_YAML = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


    def make_convnet_layers(input_channels, width, blocks, image_size):
        channels = [input_channels] + [width] * blocks
        return [conv_block(cin, cout) for cin, cout in zip(channels[:-1], channels[1:])] + [
            nn.Flatten(), nn.Linear(width * image_size * image_size, 1)]


    class ConvNet(nn.Module):
        def __init__(self, input_channels, cfg=CONFIG["convnet"]):
            super().__init__()
            self.main = nn.Sequential(*make_convnet_layers(input_channels, **cfg))

        @torch.no_grad()
        def predict(self, x):
            return torch.sigmoid(self(x))

        def forward(self, x):
            return self.main(x)
    ''')
SUMMARY = d('''
    from torchsummary import summary

    print(CNN())
    summary(CNN(), (1, 100, 100), device="cpu")
    summary(ConvNet(3), (3, 128, 128), device="cpu")
    print(ConvNet(3).predict(torch.rand(2, 3, 128, 128)))
    ''')
case("r45_nb_models_yaml_config_no_grad_predict_torchsummary",
     "Models configured from a YAML string; a @torch.no_grad() predict; torchsummary.",
     before=[YAML_CFG], q7=Q7_YAML, q8=Q8_YAML, after=[SUMMARY])

# scripts
script("r45_py_set_seed_flag_map_sweep_main_guard", before=[SET_SEED],
       after=["if __name__ == \"__main__\":\n" + indent(TRAIN_ONCE_MAP)])
script("r45_py_q6_last_shapes_zip_selfcheck_main_guard", q6=(CONV_SHAPES_DICT, POOL_LOOPS, "tensor"),
       after=["if __name__ == \"__main__\":\n" + indent(SELFCHECK_ZIP)])

# ===============================================================================================================
# 7. (second batch) more of the two channels found: a parameter stored on torch / in a log, and a statement
#    handing the storing function (or a caller of it) to map / min(key=) / partial / an executor
# ===============================================================================================================
HPARAM_MIN = d('''
    import itertools

    grid = [dict(seed=s, steps=n) for s, n in itertools.product((0, 1), (1, 2))]
    best = min(grid, key=lambda cfg: train_once(**cfg))
    print("best setting:", best)
    ''')
case("r45_nb_set_seed_flag_min_key_lambda_grid",
     "set_seed(seed, deterministic); a small grid search with min(grid, key=lambda cfg: train_once(**cfg)).",
     before=[SET_SEED], after=[TRAIN_ONCE_LOOP, HPARAM_MIN])

POOL_SWEEP = d('''
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=2) as ex:
        final_losses = list(ex.map(train_once, [0, 1, 2]))
    print(final_losses)
    ''')
case("r45_nb_set_seed_flag_threadpool_map_sweep",
     "set_seed(seed, deterministic); the seed sweep on a thread pool (with block).",
     before=[SET_SEED], after=[TRAIN_ONCE_LOOP, POOL_SWEEP])

TF32 = d('''
    def setup_backends(allow_tf32=False, benchmark=False):
        """Numerics I want on any machine (TF32 off for exact comparisons)."""
        torch.backends.cuda.matmul.allow_tf32 = allow_tf32
        torch.backends.cudnn.allow_tf32 = allow_tf32
        torch.backends.cudnn.benchmark = benchmark


    setup_backends()
    ''')
TIME_TRAIN = d('''
    import functools
    import timeit


    def train_steps(model, steps):
        setup_backends(benchmark=False)
        opt = torch.optim.SGD(model.parameters(), lr=0.01)
        for _ in range(steps):
            opt.zero_grad()
            F.mse_loss(model(torch.rand(8, 1, 100, 100)), torch.rand(8, 1)).backward()
            opt.step()


    print("seconds for 3 steps:", timeit.timeit(functools.partial(train_steps, CNN(), 3), number=1))
    ''')
case("r45_nb_setup_backends_tf32_flags_timeit_partial",
     "A setup_backends(allow_tf32, benchmark) helper; a training timed with timeit(functools.partial(...)).",
     before=[TF32], after=[TIME_TRAIN])

SPEED = d('''
    import functools
    import timeit

    x, k = torch.randn(28, 28), torch.randn(3, 3)
    mine = timeit.timeit(functools.partial(conv2d, x, k), number=3) / 3
    theirs = timeit.timeit(functools.partial(F.conv2d, x[None, None], k[None, None]), number=3) / 3
    print(f"by hand {mine * 1e3:.1f} ms, torch {theirs * 1e3:.3f} ms; calls logged: {len(CALL_LOG)}")
    ''')
case("r45_nb_q6_call_log_timeit_partial_vs_torch",
     "conv2d logs its calls; timeit of functools.partial(conv2d, ...) and of functools.partial(F.conv2d, ...).",
     q6=(CONV_LOG, POOL_LOOPS, "tensor"), extra6=[SPEED])
SPEED_ONE = SPEED.replace("mine = timeit.timeit(functools.partial(conv2d, x, k), number=3) / 3\n"
                          "theirs = timeit.timeit(functools.partial(F.conv2d, x[None, None], k[None, None]), number=3) / 3\n",
                          "mine, theirs = (timeit.timeit(functools.partial(f, *a), number=3) / 3\n"
                          "                for f, a in ((conv2d, (x, k)), (F.conv2d, (x[None, None], k[None, None]))))\n")
assert SPEED_ONE != SPEED
case("r45_nb_q6_timeit_partial_both_in_one_statement_no_log",
     "Plain conv2d; one statement times functools.partial of conv2d and of F.conv2d.",
     q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), extra6=[SPEED_ONE.replace("; calls logged: {len(CALL_LOG)}", "")])

REMEMBER = d('''
    HISTORY = []


    def remember(name, *shapes):
        """Keep (function name, argument shapes) for my debugging printout."""
        HISTORY.append((name, shapes))


    def conv2d(image, kernel, stride=1, padding=0):
        remember("conv2d", tuple(image.shape), tuple(kernel.shape))
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
POOL_REMEMBER = d('''
    def max_pool2d(image, kernel_size=2):
        remember("max_pool2d", tuple(image.shape))
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
CHECK_BOTH = d('''
    def same(mine, reference, *args):
        return torch.allclose(mine(*args), reference(*args), atol=1e-5)


    a, k = torch.randn(9, 9), torch.randn(3, 3)
    print(same(conv2d, lambda a, k: F.conv2d(a[None, None], k[None, None])[0, 0], a, k),
          same(max_pool2d, lambda a: F.max_pool2d(a[None, None], 2)[0, 0], a))
    print(HISTORY)
    ''')
case("r45_nb_q6_remember_helper_history_same_selfcheck",
     "conv2d / max_pool2d call remember(name, *shapes), which appends to HISTORY; same(conv2d, torch_ref, ...) checks.",
     q6=(REMEMBER, POOL_REMEMBER, "tensor"), extra6=[CHECK_BOTH])

OUTSIZE = d('''
    _SIZE_CACHE = {}


    def out_size(n, k, stride=1, padding=0):
        """Output length of a convolution along one axis (memoised: the models call it a lot)."""
        key = (n, k, stride, padding)
        if key not in _SIZE_CACHE:
            _SIZE_CACHE[key] = (n + 2 * padding - k) // stride + 1
        return _SIZE_CACHE[key]


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(out_size(h, kh, stride, padding), out_size(w, kw, stride, padding), dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
OUTSIZE_CHECK = d('''
    sizes = [5, 28, 100]
    assert list(map(out_size, sizes, [3] * 3)) == [nn.Conv2d(1, 1, 3)(torch.zeros(1, 1, n, n)).shape[-1] for n in sizes]
    print("out_size agrees with nn.Conv2d")
    ''')
case("r45_nb_q6_memoised_out_size_map_check_vs_nn_conv2d",
     "A memoised out_size helper used by conv2d; checked with map(out_size, ...) against nn.Conv2d's output sizes.",
     q6=(OUTSIZE, POOL_LOOPS, "tensor"), extra6=[OUTSIZE_CHECK])

LOG_CAPTURE = d('''
    import logging

    log = logging.getLogger(__name__)
    log.setLevel(logging.DEBUG)
    captured = []


    def capture(record):
        """Keep every message so I can look at them in the notebook."""
        captured.append(record.getMessage())
        return True


    log.addFilter(capture)
    ''')
LOG_REF = d('''
    x, k = torch.randn(5, 5), torch.randn(3, 3)
    log.info("mine:  %s", conv2d(x, k))
    log.info("torch: %s", F.conv2d(x[None, None], k[None, None])[0, 0])
    print(*captured[-2:], sep="\\n")
    ''')
case("r45_nb_logging_capture_filter_conv2d_debug_logs_reference",
     "A filter function keeps every log message; conv2d logs at debug level; a cell logs mine and torch's outputs.",
     before=[LOG_CAPTURE], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"), extra6=[LOG_REF])
LOG_PLAIN = LOG_CAPTURE.replace("log.addFilter(capture)\n", "")
assert LOG_PLAIN != LOG_CAPTURE
case("r45_nb_logging_no_filter_conv2d_debug_logs_reference_control",
     "No filter; conv2d logs at debug level; a cell logs mine and torch's outputs.",
     before=[LOG_PLAIN], q6=(CONV_LOGGED, POOL_LOOPS, "tensor"), extra6=[LOG_REF.replace(
         "print(*captured[-2:], sep=\"\\\\n\")", "print(len(captured))")])

SPARSE = d('''
    import itertools


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        # zero taps add nothing: skip them (edge kernels are half zeros)
        taps = list(filter(lambda ab: kernel[ab] != 0, itertools.product(range(kh), range(kw))))
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for a, b in taps:
            out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
        return out
    ''')
case("r45_nb_q6_filter_nonzero_taps_shift_add", "conv2d skips zero taps with filter(lambda ...) over itertools.product.",
     q6=(SPARSE, POOL_LOOPS, "tensor"))

# ===============================================================================================================
# 8. (second batch) process-wide settings and helper threads around the answers
# ===============================================================================================================
SIGINT = d('''
    import signal

    stop_requested = False


    def request_stop(signum, frame):
        global stop_requested
        stop_requested = True
        print("Ctrl-C: stopping after this step")


    previous = signal.signal(signal.SIGINT, request_stop)
    model = CNN()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    for step in range(3):
        if stop_requested:
            break
        opt.zero_grad()
        F.mse_loss(model(torch.rand(8, 1, 100, 100)), torch.rand(8, 1)).backward()
        opt.step()
    signal.signal(signal.SIGINT, previous)
    print("trained", step + 1, "steps")
    ''')
case("r45_nb_sigint_handler_graceful_training_restored",
     "A SIGINT handler for a graceful stop of training, restored afterwards.", after=[SIGINT])

STRICT = d('''
    import warnings

    warnings.simplefilter("error")  # I want to see every mistake as an exception while I develop
    np.seterr(all="raise")
    torch.autograd.set_detect_anomaly(True)
    ''')
case("r45_nb_strict_mode_warnings_error_seterr_anomaly",
     "warnings as errors, np.seterr(all='raise') and autograd anomaly detection at the top.", before=[STRICT])

KEEPALIVE = d('''
    import threading
    import time

    stop = threading.Event()


    def heartbeat(every=0.2):
        while not stop.wait(every):
            pass  # (on Colab this printed a dot to keep the session alive)


    beat = threading.Thread(target=heartbeat, daemon=True)
    beat.start()
    ''')
case("r45_nb_heartbeat_thread_stopped_before_answers",
     "A heartbeat daemon thread from the top, stopped and joined before the answers.",
     before=[KEEPALIVE, "stop.set()\nbeat.join()\nprint('heartbeat stopped')\n"])
case("r45_nb_heartbeat_thread_stopped_in_last_cell",
     "A heartbeat daemon thread from the top, stopped and joined in the last cell.",
     before=[KEEPALIVE], after=["stop.set()\nbeat.join()\nprint('heartbeat stopped')\n"])


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
