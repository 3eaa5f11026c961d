"""Round 41 of the fairness corpus: by-hand q6 in further styles (torch.roll shifts, np.ndenumerate / np.nditer,
np.maximum.reduceat, torch.tensor_split, contextvars, attrs, typing_extensions, old-tutorial autograd.Variable,
inference_mode, functools.partial pools, nested classes, non-ASCII names, while loops, pure lists), models with
__repr__ / extra_repr / container dunders / reduce-forward / chain-flattened blocks / self pre-hooks, answers in
computed forms, and notebook/script layouts (tabs, a main() guard, a very long file).

    python tests/corpus/fair/_make_r41.py            # rewrites tests/corpus/fair/r41_*
    python tests/corpus/fair/_make_r41.py --out DIR  # writes them to DIR instead
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
import _make_r30 as r30  # noqa: E402
import _make_r38 as r38  # noqa: E402

d = r30.d
md, C, out, hdr, error, result = r30.md, r30.C, r30.out, r30.hdr, r30.error, r30.result
answers = r30.answers
IMPORTS, SHAPES = r30.IMPORTS, r30.SHAPES
FUTURE = "from __future__ import annotations\n\n" + IMPORTS

CASES: dict[str, list] = {}


def case(name, title, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [md(f"# Lab 6 - CNNs\n{title}"), imports, *before, *answers(**kw), SHAPES, *after]


def script(name, before=(), after=(), imports=IMPORTS, **kw):
    CASES[name] = [imports, *before, *answers(headers=False, **kw), SHAPES, *after]


POOL_LOOPS = d('''
    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
CONV_LOOPS = d('''
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
        return out
    ''')

# ===============================================================================================================
# 1. q6 by hand in further styles
# ===============================================================================================================
ROLL = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        """Shift-and-add: out = sum over kernel taps of k[a, b] * (padded image shifted by (a, b))."""
        padded = torch.nn.functional.pad(image, (padding, padding, padding, padding))
        H, W = padded.shape
        kh, kw = kernel.shape
        acc = torch.zeros_like(padded)
        for a in range(kh):
            for b in range(kw):
                acc = acc + kernel[a, b] * torch.roll(padded, shifts=(-a, -b), dims=(0, 1))
        return acc[:H - kh + 1:stride, :W - kw + 1:stride]
    ''')
POOL_ROLL = d('''
    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        h, w = h - h % kernel_size, w - w % kernel_size
        best = image[:h, :w].clone()
        for a in range(kernel_size):
            for b in range(kernel_size):
                best = torch.maximum(best, torch.roll(image[:h, :w], shifts=(-a, -b), dims=(0, 1)))
        return best[::kernel_size, ::kernel_size]
    ''')
case("r41_nb_q6_torch_roll_shift_and_add", "Convolution as a sum of shifted copies (torch.roll).",
     q6=(ROLL, POOL_ROLL, "tensor"),
     after=[C("x = torch.randn(6, 7)\nk = torch.randn(3, 3)\n"
              "print(torch.allclose(conv2d(x, k, 2, 1), F.conv2d(x[None, None], k[None, None], stride=2, padding=1)[0, 0], atol=1e-5))\n",
              None, [out("True\n")])])

NDENUM = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        x = np.pad(image.numpy(), padding)
        k = kernel.numpy()
        out_h = (x.shape[0] - k.shape[0]) // stride + 1
        out_w = (x.shape[1] - k.shape[1]) // stride + 1
        out = np.zeros((out_h, out_w), dtype=x.dtype)
        for (a, b), weight in np.ndenumerate(k):
            out += weight * x[a:a + stride * (out_h - 1) + 1:stride, b:b + stride * (out_w - 1) + 1:stride]
        return torch.from_numpy(out)
    ''')
POOL_REDUCEAT = d('''
    def max_pool2d(image, kernel_size=2):
        x = image.numpy()
        h = x.shape[0] // kernel_size * kernel_size
        w = x.shape[1] // kernel_size * kernel_size
        x = x[:h, :w]
        rows = np.maximum.reduceat(x, np.arange(0, h, kernel_size), axis=0)
        return torch.from_numpy(np.maximum.reduceat(rows, np.arange(0, w, kernel_size), axis=1))
    ''')
case("r41_nb_q6_ndenumerate_taps_maximum_reduceat_pool", "numpy: ndenumerate over the kernel, reduceat for pooling.",
     q6=(NDENUM, POOL_REDUCEAT, "tensor"))

NDITER = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        src = np.pad(np.asarray(image), ((padding, padding), (padding, padding)))
        kern = np.asarray(kernel)
        kh, kw = kern.shape
        out = np.empty(((src.shape[0] - kh) // stride + 1, (src.shape[1] - kw) // stride + 1), dtype=src.dtype)
        it = np.nditer(out, flags=["multi_index"], op_flags=["writeonly"])
        for cell in it:
            i, j = it.multi_index
            cell[...] = np.sum(src[i * stride:i * stride + kh, j * stride:j * stride + kw] * kern)
        return torch.as_tensor(out)


    def max_pool2d(image, kernel_size=2):
        src = np.asarray(image)
        out = np.empty((src.shape[0] // kernel_size, src.shape[1] // kernel_size), dtype=src.dtype)
        for (i, j), _ in np.ndenumerate(out):
            out[i, j] = src[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return torch.as_tensor(out)
    ''')
case("r41_nb_q6_nditer_multi_index_writeonly", "numpy's nditer with multi_index over the output.",
     q6=(NDITER, "", "tensor"))

CONTEXTVAR = d('''
    from contextvars import ContextVar

    VERBOSE: ContextVar[bool] = ContextVar("verbose", default=False)


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        if VERBOSE.get():
            print(f"conv2d: {tuple(image.shape)} -> ({out_h}, {out_w})")
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r41_nb_q6_contextvar_verbose_flag", "A ContextVar verbosity flag read by conv2d.",
     q6=(CONTEXTVAR, POOL_LOOPS, "tensor"),
     after=[d('''
         token = VERBOSE.set(True)
         conv2d(torch.arange(25.).reshape(5, 5), torch.ones(3, 3))
         VERBOSE.reset(token)
         ''')])

ATTRS = d('''
    import attrs


    @attrs.frozen
    class Geometry:
        size: tuple
        kernel: tuple
        stride: int = 1
        padding: int = 0

        @property
        def out_shape(self):
            return tuple((n + 2 * self.padding - k) // self.stride + 1 for n, k in zip(self.size, self.kernel))


    def conv2d(image, kernel, stride=1, padding=0):
        g = Geometry(tuple(image.shape), tuple(kernel.shape), stride, padding)
        kh, kw = g.kernel
        padded = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
        padded[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
        out = torch.zeros(g.out_shape, dtype=image.dtype)
        for i in range(g.out_shape[0]):
            for j in range(g.out_shape[1]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
# attrs (ATTRS) is a known judgement call (r35_nb_attrs_define_block_config): not written

TYPEXT = d('''
    from typing_extensions import Annotated, TypeAlias

    Image: TypeAlias = Annotated[torch.Tensor, "2-D (H, W)"]
    Kernel: TypeAlias = Annotated[torch.Tensor, "2-D (kH, kW)"]


    def conv2d(image: Image, kernel: Kernel, stride: int = 1, padding: int = 0) -> Image:
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


    def max_pool2d(image: Image, kernel_size: int = 2) -> Image:
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_typing_extensions_annotated_aliases", "typing_extensions Annotated/TypeAlias in q6's signatures.",
     q6=(TYPEXT, "", "tensor"))

VARIABLE = d('''
    from torch.autograd import Variable


    def conv2d(image, kernel, stride=1, padding=0):
        image, kernel = Variable(image), Variable(kernel)
        h, w = image.size()
        kh, kw = kernel.size()
        padded = Variable(torch.zeros(h + 2 * padding, w + 2 * padding).type(image.type()))
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        out = Variable(torch.zeros(out_h, out_w).type(image.type()))
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = torch.sum(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out.data
    ''')
script("r41_py_q6_old_tutorial_autograd_variable", q6=(VARIABLE, POOL_LOOPS, "tensor"),
       after=["x = Variable(torch.randn(1, 1, 100, 100))\nprint(CNN()(x).data.size())\n"])

SPLIT = d('''
    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        trimmed = image[:h - h % kernel_size, :w - w % kernel_size]
        row_bands = torch.tensor_split(trimmed, h // kernel_size, dim=0)
        return torch.stack([
            torch.stack([block.amax() for block in torch.tensor_split(band, w // kernel_size, dim=1)])
            for band in row_bands
        ])
    ''')
TENSORDOT = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, [padding] * 4)
        kh, kw = kernel.shape
        rows = range(0, padded.shape[0] - kh + 1, stride)
        cols = range(0, padded.shape[1] - kw + 1, stride)
        return torch.stack([
            torch.stack([torch.tensordot(padded[r:r + kh, c:c + kw], kernel, dims=2) for c in cols])
            for r in rows
        ])
    ''')
case("r41_nb_q6_tensordot_windows_tensor_split_pool", "tensordot per window; pooling with tensor_split.",
     q6=(TENSORDOT, SPLIT, "tensor"))

GEN = d('''
    import functools
    import itertools
    import operator


    def windows(image, kh, kw, stride):
        """Yield (row, col, window) for every kernel position, row by row."""
        rows = range(0, image.shape[0] - kh + 1, stride)
        cols = range(0, image.shape[1] - kw + 1, stride)
        for r, c in itertools.product(rows, cols):
            yield r // stride, c // stride, image[r:r + kh, c:c + kw]


    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        out = torch.zeros((padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1,
                          dtype=image.dtype)
        for i, j, win in windows(padded, kh, kw, stride):
            out[i, j] = functools.reduce(operator.add, (win * kernel).flatten())
        return out


    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i, j, win in windows(image[:out.shape[0] * kernel_size, :out.shape[1] * kernel_size],
                                 kernel_size, kernel_size, kernel_size):
            out[i, j] = functools.reduce(max, win.flatten().tolist())
        return out
    ''')
case("r41_nb_q6_generator_windows_functools_reduce", "A window generator; reduce with operator.add and max.",
     q6=(GEN, "", "tensor"))

NUMPY_FIRST = d('''
    def _conv2d_np(x: np.ndarray, k: np.ndarray, stride: int, padding: int) -> np.ndarray:
        x = np.pad(x, padding, mode="constant")
        kh, kw = k.shape
        oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
        out = np.zeros((oh, ow), dtype=np.result_type(x, k))
        for i in range(oh):
            for j in range(ow):
                out[i, j] = np.sum(x[i * stride:i * stride + kh, j * stride:j * stride + kw] * k)
        return out


    def _pool_np(x: np.ndarray, s: int) -> np.ndarray:
        oh, ow = x.shape[0] // s, x.shape[1] // s
        return x[:oh * s, :ow * s].reshape(oh, s, ow, s).max(axis=(1, 3))


    # numpy first, torch at the boundary
    def conv2d(image, kernel, stride=1, padding=0):
        return torch.from_numpy(_conv2d_np(image.detach().cpu().numpy(), kernel.detach().cpu().numpy(), stride, padding))


    def max_pool2d(image, kernel_size=2):
        return torch.from_numpy(np.ascontiguousarray(_pool_np(image.detach().cpu().numpy(), kernel_size)))
    ''')
case("r41_nb_q6_numpy_first_private_helpers", "numpy implementations, torch at the boundary.",
     q6=(NUMPY_FIRST, "", "tensor"))

INFER = d('''
    @torch.inference_mode()
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
        return out


    @torch.inference_mode()
    def max_pool2d(image, kernel_size=2):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_inference_mode_decorators", "@torch.inference_mode() on the by-hand functions.",
     q6=(INFER, "", "tensor"))

NESTED = d('''
    class Lab6:
        """Everything for question 6, grouped."""

        class ByHand:
            @staticmethod
            def pad(image, p):
                h, w = image.shape
                out = torch.zeros(h + 2 * p, w + 2 * p, dtype=image.dtype)
                out[p:p + h, p:p + w] = image
                return out

            @classmethod
            def conv2d(cls, image, kernel, stride=1, padding=0):
                x = cls.pad(image, padding)
                kh, kw = kernel.shape
                oh, ow = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
                out = torch.zeros(oh, ow, dtype=image.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = (x[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
                return out

            @staticmethod
            def max_pool2d(image, kernel_size=2):
                oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
                out = torch.zeros(oh, ow, dtype=image.dtype)
                for i in range(oh):
                    for j in range(ow):
                        out[i, j] = image[i * kernel_size:(i + 1) * kernel_size,
                                          j * kernel_size:(j + 1) * kernel_size].max()
                return out


    conv2d = Lab6.ByHand.conv2d
    max_pool2d = Lab6.ByHand.max_pool2d
    ''')
case("r41_nb_q6_nested_class_staticmethod_classmethod", "Helpers in a nested class, bound at top level.",
     q6=(NESTED, "", "tensor"))

PARTIAL = d('''
    import functools


    def _pool(reduce, image, kernel_size=2):
        h, w = image.shape
        oh, ow = h // kernel_size, w // kernel_size
        blocks = image[:oh * kernel_size, :ow * kernel_size].reshape(oh, kernel_size, ow, kernel_size)
        return reduce(reduce(blocks, dim=3), dim=1)


    def _amax(t, dim):
        return t.amax(dim=dim)


    max_pool2d = functools.partial(_pool, _amax)
    avg_pool2d = functools.partial(_pool, lambda t, dim: t.mean(dim=dim))
    ''')
case("r41_nb_q6_pool_as_functools_partial", "max_pool2d as a functools.partial of a generic pooling helper.",
     q6=(CONV_LOOPS, PARTIAL, "tensor"))

GERMAN = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        # Bild auffüllen (Nullen an jedem Rand)
        höhe, breite = image.shape
        kh, kb = kernel.shape
        aufgefüllt = torch.zeros(höhe + 2 * padding, breite + 2 * padding, dtype=image.dtype)
        aufgefüllt[padding:padding + höhe, padding:padding + breite] = image
        aus_h = (höhe + 2 * padding - kh) // stride + 1
        aus_b = (breite + 2 * padding - kb) // stride + 1
        ergebnis = torch.zeros(aus_h, aus_b, dtype=image.dtype)
        for zeile in range(aus_h):
            for spalte in range(aus_b):
                fenster = aufgefüllt[zeile * stride:zeile * stride + kh, spalte * stride:spalte * stride + kb]
                ergebnis[zeile, spalte] = (fenster * kernel).sum()
        return ergebnis


    def max_pool2d(image, kernel_size=2):
        größe = kernel_size
        ergebnis = torch.zeros(image.shape[0] // größe, image.shape[1] // größe, dtype=image.dtype)
        for zeile in range(ergebnis.shape[0]):
            for spalte in range(ergebnis.shape[1]):
                ergebnis[zeile, spalte] = image[zeile * größe:(zeile + 1) * größe, spalte * größe:(spalte + 1) * größe].max()
        return ergebnis
    ''')
case("r41_nb_q6_german_umlaut_identifiers", "Deutsche Variablennamen mit Umlauten.", q6=(GERMAN, "", "tensor"))

WHILE = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        rows = []
        r = 0
        while r + kh <= padded.shape[0]:
            row = []
            c = 0
            while c + kw <= padded.shape[1]:
                row.append((padded[r:r + kh, c:c + kw] * kernel).sum())
                c += stride
            rows.append(torch.stack(row))
            r += stride
        return torch.stack(rows)


    def max_pool2d(image, kernel_size=2):
        rows = []
        r = 0
        while r + kernel_size <= image.shape[0]:
            row = []
            c = 0
            while c + kernel_size <= image.shape[1]:
                row.append(image[r:r + kernel_size, c:c + kernel_size].max())
                c += kernel_size
            rows.append(torch.stack(row))
            r += kernel_size
        return torch.stack(rows)
    ''')
case("r41_nb_q6_while_loops_stack_rows", "while loops and torch.stack of rows.", q6=(WHILE, "", "tensor"))

TAPS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        # loop over the kernel taps (outer) instead of the output pixels: 9 slices for a 3x3 kernel
        h, w = image.shape
        kh, kw = kernel.shape
        padded = image.new_zeros(h + 2 * padding, w + 2 * padding)
        padded[padding:padding + h, padding:padding + w] = image
        oh = (h + 2 * padding - kh) // stride + 1
        ow = (w + 2 * padding - kw) // stride + 1
        out = image.new_zeros(oh, ow)
        for b in range(kw):
            for a in range(kh):
                out += kernel[a, b] * padded[a:a + (oh - 1) * stride + 1:stride, b:b + (ow - 1) * stride + 1:stride]
        return out


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = image[:oh * kernel_size:kernel_size, :ow * kernel_size:kernel_size].clone()
        for b in range(kernel_size):
            for a in range(kernel_size):
                out = torch.max(out, image[a:oh * kernel_size:kernel_size, b:ow * kernel_size:kernel_size])
        return out
    ''')
case("r41_nb_q6_tap_loops_column_major_new_zeros", "Loops over kernel taps, column-major, new_zeros.",
     q6=(TAPS, "", "tensor"))

LISTS = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        img = image.tolist()
        ker = kernel.tolist()
        w = len(img[0])
        img = [[0] * (w + 2 * padding) for _ in range(padding)] + \\
              [[0] * padding + row + [0] * padding for row in img] + \\
              [[0] * (w + 2 * padding) for _ in range(padding)]
        kh, kw = len(ker), len(ker[0])
        out = [[sum(img[i + a][j + b] * ker[a][b] for a in range(kh) for b in range(kw))
                for j in range(0, len(img[0]) - kw + 1, stride)]
               for i in range(0, len(img) - kh + 1, stride)]
        return torch.tensor(out, dtype=image.dtype)


    def max_pool2d(image, kernel_size=2):
        img = image.tolist()
        k = kernel_size
        return torch.tensor([[max(img[i + a][j + b] for a in range(k) for b in range(k))
                              for j in range(0, len(img[0]) - k + 1, k)]
                             for i in range(0, len(img) - k + 1, k)], dtype=image.dtype)
    ''')
case("r41_nb_q6_pure_python_lists_tolist", "Pure Python lists via tolist(), one tensor at the end.",
     q6=(LISTS, "", "tensor"))

MATCH = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        match tuple(image.shape), tuple(kernel.shape):
            case (h, w), (kh, kw) if kh <= h + 2 * padding and kw <= w + 2 * padding:
                pass
            case _:
                raise ValueError(f"bad shapes {tuple(image.shape)} and {tuple(kernel.shape)}")
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        oh, ow = (h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r41_nb_q6_match_statement_shape_guard", "A match statement on the shapes.", q6=(MATCH, POOL_LOOPS, "tensor"))

DEQUE = d('''
    from collections import deque


    def max_pool2d(image, kernel_size=2):
        """Max of each block, streaming the rows of each band through a fixed-size deque."""
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.empty(oh, ow, dtype=image.dtype)
        for i in range(oh):
            band = deque(maxlen=kernel_size)
            for r in range(i * kernel_size, (i + 1) * kernel_size):
                band.append(image[r, :ow * kernel_size])
            stacked = torch.stack(list(band))
            for j in range(ow):
                out[i, j] = stacked[:, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_pool_deque_bands_empty", "A deque of rows per band, torch.empty output.",
     q6=(CONV_LOOPS, DEQUE, "tensor"))

# ===============================================================================================================
# 2. models
# ===============================================================================================================
Q7_REPR = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.pool = nn.MaxPool2d(2)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x):
            x = self.pool(F.relu(self.conv1(x)))
            x = self.pool(F.relu(self.conv2(x)))
            return self.fc(torch.flatten(x, 1))

        def extra_repr(self):
            n = sum(p.numel() for p in self.parameters())
            return f"params={n}"

        def __repr__(self):
            return f"CNN(1x100x100 -> 1, {self.extra_repr()})"
    ''')
Q8_REPR = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            self.input_channels = input_channels
            self.blocks = nn.Sequential(*(conv_block(c, 3) for c in [input_channels, 3, 3, 3, 3]))
            self.head = nn.Sequential(nn.Flatten(), nn.Linear(49152, 1))

        def extra_repr(self):
            return f"input_channels={self.input_channels}"

        def forward(self, x):
            return self.head(self.blocks(x))
    ''')
case("r41_nb_models_repr_and_extra_repr", "Models with __repr__ and extra_repr.", q7=Q7_REPR, q8=Q8_REPR,
     after=[C("print(CNN())\nprint(ConvNet(3))\n", None, [out("CNN(1x100x100 -> 1, params=1337)\n...\n")])])

Q7_CONTAINER = d('''
    class CNN(nn.Module):
        """Behaves like its Sequential: len(), indexing and iteration."""

        def __init__(self):
            super().__init__()
            self.layers = nn.Sequential(
                nn.Conv2d(1, 3, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            )

        def __len__(self):
            return len(self.layers)

        def __getitem__(self, idx):
            return self.layers[idx]

        def __iter__(self):
            return iter(self.layers)

        def forward(self, x):
            for layer in self:
                x = layer(x)
            return x
    ''')
case("r41_nb_models_cnn_container_dunders_iterates_self", "CNN with __len__/__getitem__/__iter__; forward iterates self.",
     q7=Q7_CONTAINER, after=["m = CNN()\nprint(len(m), m[0], m[-1])\n"])

Q7_REDUCE = d('''
    import functools


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1),
            ])

        def forward(self, x):
            return functools.reduce(lambda h, layer: layer(h), self.layers, x)
    ''')
Q8_CHAIN = d('''
    import itertools


    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            channels = [input_channels, 3, 3, 3, 3, 3]
            blocks = [conv_block(a, b) for a, b in zip(channels, channels[1:])]
            # flatten the blocks into one Sequential: conv, relu, conv, relu, ...
            self.net = nn.Sequential(*itertools.chain.from_iterable(blocks), nn.Flatten(), nn.Linear(49152, 1))

        def forward(self, x):
            return self.net(x)
    ''')
case("r41_nb_models_reduce_forward_chain_flattened_blocks", "reduce over a ModuleList; blocks flattened with chain.",
     q7=Q7_REDUCE, q8=Q8_CHAIN)

Q7_PREHOOK = d('''
    def _check_input(module, args):
        (x,) = args
        if x.dim() != 4 or x.shape[1:] != (1, 100, 100):
            raise ValueError(f"{type(module).__name__} expects (N, 1, 100, 100), got {tuple(x.shape)}")


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d((2, 2)),
                nn.Flatten(), nn.Linear(1250, 1),
            )
            self.register_forward_pre_hook(_check_input)

        def forward(self, x):
            return self.main(x)
    ''')
case("r41_nb_models_self_forward_pre_hook_input_check", "CNN registers a forward pre-hook checking its input.",
     q7=Q7_PREHOOK)

Q8_NESTED = d('''
    class ConvNet(nn.Module):
        class Block(nn.Sequential):
            """conv 3x3 (padding 1) + ReLU"""

            def __init__(self, cin, cout):
                super().__init__(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU())

        def __init__(self, input_channels):
            super().__init__()
            self.features = nn.Sequential(
                ConvNet.Block(input_channels, 3), *[ConvNet.Block(3, 3) for _ in range(4)])
            self.flatten = nn.Flatten()
            self.fc = nn.Linear(3 * 128 * 128, 1)

        def forward(self, x):
            return self.fc(self.flatten(self.features(x)))


    def conv_block(input_channels, output_channels):
        return ConvNet.Block(input_channels, output_channels)
    ''')
case("r41_nb_models_nested_block_class_conv_block_returns_it", "ConvNet.Block (a Sequential subclass) nested in ConvNet.",
     q8=Q8_NESTED)

Q7_PROPS = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential(
                nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),
                nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),
                nn.Flatten(), nn.Linear(1250, 1))

        @property
        def num_parameters(self) -> int:
            return sum(p.numel() for p in self.parameters() if p.requires_grad)

        @torch.no_grad()
        def predict(self, x):
            self.eval()
            return torch.sigmoid(self(x))

        def forward(self, x):
            return self.main(x)
    ''')
Q8_INPLACE = d('''
    def conv_block(input_channels, output_channels):
        return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU(inplace=True))


    class ConvNet(nn.Module):
        def __init__(self, input_channels: int = 1):
            super().__init__()
            self.body = nn.Sequential(conv_block(input_channels, 3), *(conv_block(3, 3) for _ in range(4)))
            self.fc = nn.Linear(49152, 1)

        def forward(self, x):
            x = self.body(x)
            return self.fc(x.reshape(x.size(0), -1))
    ''')
case("r41_nb_models_property_predict_inplace_relu_default_channels", "Properties, a no_grad predict, in-place ReLUs.",
     q7=Q7_PROPS, q8=Q8_INPLACE,
     after=["m = CNN()\nprint(m.num_parameters, m.predict(torch.rand(2, 1, 100, 100)).shape)\n"])

Q7_TABLE = d('''
    ARCH = [
        ("conv", dict(in_channels=1, out_channels=3, kernel_size=3, padding=1)),
        ("relu", {}),
        ("pool", dict(kernel_size=2)),
        ("conv", dict(in_channels=3, out_channels=2, kernel_size=3, padding=1)),
        ("relu", {}),
        ("pool", dict(kernel_size=2)),
        ("flatten", {}),
        ("linear", dict(in_features=1250, out_features=1)),
    ]
    LAYER = {"conv": nn.Conv2d, "relu": nn.ReLU, "pool": nn.MaxPool2d, "flatten": nn.Flatten, "linear": nn.Linear}


    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.main = nn.Sequential()
            counts = {}
            for kind, kwargs in ARCH:
                counts[kind] = counts.get(kind, 0) + 1
                self.main.add_module(f"{kind}{counts[kind]}", LAYER[kind](**kwargs))

        def forward(self, x):
            return self.main(x)
    ''')
case("r41_nb_models_arch_table_kwargs_dicts_named_counts", "CNN from a table of (kind, kwargs) with numbered names.",
     q7=Q7_TABLE)

Q8_ORDERED = d('''
    from collections import OrderedDict


    def conv_block(input_channels, output_channels):
        return nn.Sequential(OrderedDict([
            ("conv", nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=(1, 1))),
            ("act", nn.ReLU()),
        ]))


    class ConvNet(nn.Module):
        def __init__(self, input_channels):
            super().__init__()
            layers = OrderedDict()
            for k, cin in enumerate([input_channels, 3, 3, 3, 3], start=1):
                layers[f"block{k}"] = conv_block(cin, 3)
            layers["flatten"] = nn.Flatten()
            layers["fc"] = nn.Linear(49152, 1)
            self.model = nn.Sequential(layers)

        def forward(self, x):
            return self.model(x)
    ''')
case("r41_nb_models_ordereddict_blocks_tuple_padding", "OrderedDict everywhere, padding=(1, 1).", q8=Q8_ORDERED)

Q7_FWD_SPLIT = d('''
    class CNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc1 = nn.Linear(1250, 1)

        def features(self, x):
            for conv in (self.conv1, self.conv2):
                x = F.max_pool2d(F.relu(conv(x)), 2)
            return x

        def classifier(self, x):
            return self.fc1(x.flatten(start_dim=1))

        def forward(self, x):
            return self.classifier(self.features(x))
    ''')
case("r41_nb_models_features_classifier_methods_tuple_loop", "forward split into methods; a loop over a tuple of convs.",
     q7=Q7_FWD_SPLIT)

# ===============================================================================================================
# 3. answers in computed forms
# ===============================================================================================================
Q1_OPTIONS = d('''
    options = {"A": (4, 4), "B": (3, 3), "C": (2, 2)}
    out = 4 - 3 + 1
    q1_answer = next(letter for letter, shape in options.items() if shape == (out, out))
    q1_answer
    ''')
Q9_FILTER = d('''
    statements = {
        "A": False,  # input is 3D/4D (channels, H, W), not 2D
        "B": False,  # output is also 3D/4D
        "C": True,   # weight is (out, in, kH, kW)
        "D": False,  # a smaller linear layer can reduce the count
        "E": False,  # depends on channels/kernels, not only the number of layers
    }
    q9_true = {letter for letter, ok in statements.items() if ok}
    ''')
Q10_ZIP = d('''
    q10_answers = dict(zip(range(1, 9), (c == "T" for c in "TFTTFFTF")))
    q10_answers
    ''')
case("r41_nb_answers_computed_q1_options_q9_comprehension_q10_zip_string", "Answers computed from tables.",
     q1=Q1_OPTIONS, q9=Q9_FILTER, q10=Q10_ZIP)

Q5_NPPROD = d('''
    def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
        k = np.broadcast_to(np.asarray(kernel_size), (2,))
        return int(np.prod([out_channels, in_channels, *k])) + (out_channels if bias else 0)


    def linear_params(in_features, out_features, bias=True):
        return in_features * out_features + bias * out_features
    ''')
Q2_TORCHDIV = d('''
    def conv_output_size(size, kernel_size, stride=1, padding=0):
        span = size + 2 * padding - kernel_size
        if span < 0:
            raise ValueError("kernel does not fit")
        return int(torch.div(torch.tensor(span), stride, rounding_mode="floor")) + 1
    ''')
case("r41_nb_q2_torch_div_floor_q5_broadcast_to_bool_times", "q2 with torch.div(rounding_mode='floor'); q5 np.broadcast_to.",
     q2=Q2_TORCHDIV, q5=Q5_NPPROD)

Q2_DIVMOD = d('''
    def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0) -> int:
        steps, _remainder = divmod(size + 2 * padding - kernel_size, stride)
        if steps < 0:
            raise ValueError(f"kernel {kernel_size} larger than padded input {size + 2 * padding}")
        return steps + 1
    ''')
Q4_MODULES = d('''
    def count(module: nn.Module) -> int:
        return sum(p.numel() for p in module.parameters())


    q4_conv_params = count(nn.Conv2d(in_channels=3, out_channels=3, kernel_size=(3, 3)))
    q4_cnn_params = count(nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                        nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                        nn.Flatten(), nn.Linear(q3_flatten_features, 1)))
    input_size = 128 * 128
    q4_fcnn_params = count(nn.Sequential(
        nn.Linear(input_size, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
        nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.ReLU(), nn.Linear(16, 1)))
    ''')
case("r41_nb_q2_divmod_q4_counted_on_built_modules", "divmod for q2; q4 counted on modules.",
     q2=Q2_DIVMOD, q4=Q4_MODULES)

# ===============================================================================================================
# 4. layouts
# ===============================================================================================================
COLAB_TOP = [
    C("!pip install -q torchsummary\n%matplotlib inline", 1, [out("")]),
    C("import torch, numpy as np\nprint(torch.__version__, np.__version__)\ntorch.manual_seed(0); np.random.seed(0)", 2,
      [out("2.3.0+cu121 1.25.2\n")]),
]
FAIL_DEMO = C("conv2d(torch.ones(2, 2), torch.ones(3, 3))  # kernel larger than the image: fails, as expected", None,
              [error("RuntimeError", "stack expects a non-empty TensorList",
                     ["\x1b[0;31mRuntimeError\x1b[0m: stack expects a non-empty TensorList"])])
TIME6 = "%%time\n" + WHILE
CASES["r41_nb_colab_pip_time_cell_q6_failing_demo_saved_error"] = [
    md("# Lab 6\nColab run. `%%time` around q6, a failing demo kept with its error."), *COLAB_TOP, IMPORTS,
    *answers(q6=(TIME6, "", "tensor")), FAIL_DEMO, SHAPES]

TORCH_SEED = d('''
    import logging
    import warnings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    log = logging.getLogger("lab6")
    warnings.filterwarnings("ignore", category=UserWarning)
    torch.manual_seed(42)
    np.random.seed(42)
    ''')
LOG_CONV = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        log.debug("conv2d image=%s kernel=%s stride=%d padding=%d", tuple(image.shape), tuple(kernel.shape), stride, padding)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h = (h + 2 * padding - kh) // stride + 1
        out_w = (w + 2 * padding - kw) // stride + 1
        if out_h <= 0 or out_w <= 0:
            warnings.warn("empty output")
        out = torch.zeros(out_h, out_w, dtype=image.dtype)
        for i in range(out_h):
            for j in range(out_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        log.debug("conv2d -> %s", tuple(out.shape))
        return out
    ''')
MAIN = d('''
    def main(argv=None):
        import argparse
        parser = argparse.ArgumentParser(description="Lab 6 self-checks")
        parser.add_argument("--batch", type=int, default=2)
        args = parser.parse_args(argv)
        x = torch.randn(5, 5)
        k = torch.randn(3, 3)
        ref = F.conv2d(x[None, None], k[None, None], padding=1)[0, 0]
        log.info("conv2d ok: %s", torch.allclose(conv2d(x, k, padding=1), ref, atol=1e-5))
        log.info("CNN: %s", tuple(CNN()(torch.rand(args.batch, 1, 100, 100)).shape))
        log.info("ConvNet: %s", tuple(ConvNet(3)(torch.rand(args.batch, 3, 128, 128)).shape))


    if __name__ == "__main__":
        main([])
    ''')
script("r41_py_logging_warnings_seed_main_argv_list", before=[TORCH_SEED], q6=(LOG_CONV, POOL_LOOPS, "tensor"),
       after=[MAIN])


def tabs(text: str) -> str:
    out_lines = []
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        n = len(line) - len(stripped)
        out_lines.append("\t" * (n // 4) + " " * (n % 4) + stripped)
    return "\n".join(out_lines) + "\n"


def tabbed(name, **kw):
    cells = [IMPORTS, *answers(headers=False, **kw), SHAPES]
    CASES[name] = [tabs(c) if isinstance(c, str) else c for c in cells]


tabbed("r41_py_tab_indented_everywhere", q6=(CONV_LOOPS, POOL_LOOPS, "tensor"), q7=Q7_FWD_SPLIT, q8=Q8_REPR)

EXPERIMENTS = []
for k in range(60):
    EXPERIMENTS.append(d(f'''
        # ---------------------------------------------------------------------------
        # experiment {k}: output size for kernel {3 + 2 * (k % 3)}, stride {1 + k % 2}, padding {k % 3}
        # ---------------------------------------------------------------------------
        def experiment_{k}():
            """Compare conv_output_size with nn.Conv2d for one configuration ({k})."""
            size = {20 + k}
            layer = nn.Conv2d(1, 1, kernel_size={3 + 2 * (k % 3)}, stride={1 + k % 2}, padding={k % 3})
            with torch.no_grad():
                got = layer(torch.zeros(1, 1, size, size)).shape[-1]
            want = conv_output_size(size, {3 + 2 * (k % 3)}, {1 + k % 2}, {k % 3})
            assert got == want, (got, want)
            return got
        '''))
LONG_AFTER = ["\n\n".join(EXPERIMENTS),
              "results = [f() for f in (" + ", ".join(f"experiment_{k}" for k in range(60)) + ")]\nprint(len(results))\n"]
script("r41_py_very_long_sixty_experiment_functions", q6=(TAPS, "", "tensor"), q7=Q7_REDUCE, after=LONG_AFTER)

# q6 in a dataclass-free config: a plain class with class attributes
Q6_CLASSCFG = d('''
    class Defaults:
        STRIDE = 1
        PADDING = 0
        POOL = 2


    def conv2d(image, kernel, stride=Defaults.STRIDE, padding=Defaults.PADDING):
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


    def max_pool2d(image, kernel_size=Defaults.POOL):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        return image[:oh * kernel_size, :ow * kernel_size].unfold(0, kernel_size, kernel_size) \\
            .unfold(1, kernel_size, kernel_size).amax(dim=(-2, -1))
    ''')
case("r41_nb_q6_class_attribute_defaults_unfold_pool", "Defaults held as class attributes; pool via Tensor.unfold.",
     q6=(Q6_CLASSCFG, "", "tensor"))

Q6_ENUM = d('''
    import enum


    class Reduce(enum.Enum):
        SUM = "sum"
        MAX = "max"

        def __call__(self, window):
            return window.sum() if self is Reduce.SUM else window.max()


    def _slide(image, kh, kw, stride, how):
        oh, ow = (image.shape[0] - kh) // stride + 1, (image.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = how(image[i * stride:i * stride + kh, j * stride:j * stride + kw])
        return out


    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding, padding, padding, padding))
        kh, kw = kernel.shape
        oh, ow = (padded.shape[0] - kh) // stride + 1, (padded.shape[1] - kw) // stride + 1
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = Reduce.SUM(padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel)
        return out


    def max_pool2d(image, kernel_size=2):
        return _slide(image, kernel_size, kernel_size, kernel_size, Reduce.MAX)
    ''')
case("r41_nb_q6_callable_enum_members_reduce", "An Enum whose members are callable reductions.",
     q6=(Q6_ENUM, "", "tensor"))

Q6_CACHE = d('''
    from functools import cache


    @cache
    def out_size(n, k, stride, padding):
        return (n + 2 * padding - k) // stride + 1


    @cache
    def positions(n, k, stride, padding):
        return tuple(range(0, out_size(n, k, stride, padding) * stride, stride))


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        rows, cols = positions(h, kh, stride, padding), positions(w, kw, stride, padding)
        out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                out[i, j] = (padded[r:r + kh, c:c + kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        rows = positions(image.shape[0], kernel_size, kernel_size, 0)
        cols = positions(image.shape[1], kernel_size, kernel_size, 0)
        out = torch.zeros(len(rows), len(cols), dtype=image.dtype)
        for i, r in enumerate(rows):
            for j, c in enumerate(cols):
                out[i, j] = image[r:r + kernel_size, c:c + kernel_size].max()
        return out
    ''')
case("r41_nb_q6_functools_cache_positions_tuples", "functools.cache on geometry helpers.", q6=(Q6_CACHE, "", "tensor"))

Q6_WRAPS = d('''
    import functools
    import time

    TIMINGS = {}


    def timed(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                TIMINGS.setdefault(fn.__name__, []).append(time.perf_counter() - t0)
        return wrapper


    @timed
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


    @timed
    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_timed_decorator_wraps_try_finally_setdefault", "A timing decorator recording into a dict.",
     q6=(Q6_WRAPS, "", "tensor"),
     after=["conv2d(torch.rand(28, 28), torch.rand(3, 3)); max_pool2d(torch.rand(28, 28))\n"
            "{name: f'{sum(t) * 1e3:.2f} ms' for name, t in TIMINGS.items()}\n"])

Q6_NAMEDTUPLE = d('''
    from typing import NamedTuple


    class Shape2D(NamedTuple):
        h: int
        w: int

        def conv_out(self, k: "Shape2D", stride: int, padding: int) -> "Shape2D":
            return Shape2D((self.h + 2 * padding - k.h) // stride + 1, (self.w + 2 * padding - k.w) // stride + 1)


    def conv2d(image, kernel, stride=1, padding=0):
        s, k = Shape2D(*image.shape), Shape2D(*kernel.shape)
        o = s.conv_out(k, stride, padding)
        padded = torch.zeros(s.h + 2 * padding, s.w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + s.h, padding:padding + s.w] = image
        out = torch.zeros(o.h, o.w, dtype=image.dtype)
        for i in range(o.h):
            for j in range(o.w):
                out[i, j] = (padded[i * stride:i * stride + k.h, j * stride:j * stride + k.w] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        s = Shape2D(*image.shape)
        o = s.conv_out(Shape2D(kernel_size, kernel_size), kernel_size, 0)
        out = torch.zeros(*o, dtype=image.dtype)
        for i in range(o.h):
            for j in range(o.w):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_typed_namedtuple_shape_method_quoted", "A typing.NamedTuple with a method and quoted annotations.",
     q6=(Q6_NAMEDTUPLE, "", "tensor"))

Q6_FUTURE = d('''
    def conv2d(image: torch.Tensor, kernel: torch.Tensor, stride: int = 1, padding: int = 0) -> torch.Tensor:
        h, w = image.shape
        kh, kw = kernel.shape
        padded: torch.Tensor = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out_h: int = (h + 2 * padding - kh) // stride + 1
        out_w: int = (w + 2 * padding - kw) // stride + 1
        out: torch.Tensor = torch.zeros(out_h, out_w, dtype=image.dtype)
        i: int
        j: int
        for i in range(out_h):
            for j in range(out_w):
                window: torch.Tensor = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
                out[i, j] = (window * kernel).sum()
        return out


    def max_pool2d(image: torch.Tensor, kernel_size: int = 2) -> torch.Tensor:
        h: int
        w: int
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
Q7_FUTURE = d('''
    class CNN(nn.Module):
        conv1: nn.Conv2d
        conv2: nn.Conv2d
        fc: nn.Linear

        def __init__(self) -> None:
            super().__init__()
            self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
            self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
            self.fc = nn.Linear(1250, 1)

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            x = F.max_pool2d(F.relu(self.conv1(x)), 2)
            x = F.max_pool2d(F.relu(self.conv2(x)), 2)
            return self.fc(x.flatten(1))
    ''')
case("r41_nb_future_bare_variable_annotations_everywhere", "Bare annotated locals (`i: int`) and class-level layer annotations.",
     imports=FUTURE, q6=(Q6_FUTURE, "", "tensor"), q7=Q7_FUTURE)

Q6_SYMPAD = d('''
    def conv2d(image, kernel, stride=1, padding=0):
        # pad by concatenating zero strips (top/bottom, then left/right)
        h, w = image.shape
        zr = image.new_zeros(padding, w)
        x = torch.cat([zr, image, zr], dim=0)
        zc = image.new_zeros(h + 2 * padding, padding)
        x = torch.cat([zc, x, zc], dim=1)
        kh, kw = kernel.shape
        flat_k = kernel.reshape(-1)
        out = [[float(x[i:i + kh, j:j + kw].reshape(-1) @ flat_k)
                for j in range(0, x.shape[1] - kw + 1, stride)]
               for i in range(0, x.shape[0] - kh + 1, stride)]
        return torch.tensor(out, dtype=image.dtype)
    ''')
case("r41_nb_q6_cat_zero_strips_dot_product_float_lists", "Padding by torch.cat; dot products; lists of floats.",
     q6=(Q6_SYMPAD, POOL_LOOPS, "tensor"))

# q6 with an OrderedDict-free dispatch: dict of reducers + operator.itemgetter
Q6_ITEMGETTER = d('''
    import operator
    from itertools import starmap, product


    def conv2d(image, kernel, stride=1, padding=0):
        padded = F.pad(image, (padding,) * 4)
        kh, kw = kernel.shape
        oh = (padded.shape[0] - kh) // stride + 1
        ow = (padded.shape[1] - kw) // stride + 1
        cells = product(range(oh), range(ow))
        values = starmap(lambda i, j: (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum(), cells)
        return torch.stack(list(values)).reshape(oh, ow)


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        get = operator.itemgetter
        blocks = (get((slice(i * kernel_size, (i + 1) * kernel_size), slice(j * kernel_size, (j + 1) * kernel_size)))(image)
                  for i in range(oh) for j in range(ow))
        return torch.stack([b.max() for b in blocks]).reshape(oh, ow)
    ''')
case("r41_nb_q6_starmap_product_itemgetter_slices", "starmap over product; itemgetter of slice tuples.",
     q6=(Q6_ITEMGETTER, "", "tensor"))


# ===============================================================================================================
# 5. own helpers whose attribute names contain "conv" / "pool" (after r41_nb_q6_typed_namedtuple_shape_method_quoted)
# ===============================================================================================================
Q6_GEOM_CLASS = d('''
    class Geometry:
        """Sizes for one sliding-window operation."""

        def __init__(self, h, w, kh, kw):
            self.h, self.w, self.kh, self.kw = h, w, kh, kw

        def conv_out(self, stride, padding):
            return (self.h + 2 * padding - self.kh) // stride + 1, (self.w + 2 * padding - self.kw) // stride + 1

        def pool_out(self, k):
            return self.h // k, self.w // k


    def conv2d(image, kernel, stride=1, padding=0):
        g = Geometry(*image.shape, *kernel.shape)
        oh, ow = g.conv_out(stride, padding)
        padded = torch.zeros(g.h + 2 * padding, g.w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + g.h, padding:padding + g.w] = image
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = (padded[i * stride:i * stride + g.kh, j * stride:j * stride + g.kw] * kernel).sum()
        return out


    def max_pool2d(image, kernel_size=2):
        oh, ow = Geometry(*image.shape, kernel_size, kernel_size).pool_out(kernel_size)
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_geometry_class_conv_out_pool_out_methods", "A plain Geometry class with conv_out / pool_out methods.",
     q6=(Q6_GEOM_CLASS, "", "tensor"))

Q6_POOLSPEC = d('''
    from dataclasses import dataclass


    @dataclass(frozen=True)
    class Settings:
        conv_stride: int = 1
        conv_padding: int = 0
        pool_size: int = 2


    SETTINGS = Settings()


    def conv2d(image, kernel, stride=SETTINGS.conv_stride, padding=SETTINGS.conv_padding):
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


    def max_pool2d(image, kernel_size=SETTINGS.pool_size):
        h, w = image.shape
        out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
        for i in range(h // kernel_size):
            for j in range(w // kernel_size):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_frozen_settings_instance_conv_pool_field_defaults", "Defaults from a frozen dataclass instance's "
     "conv_stride / conv_padding / pool_size fields.", q6=(Q6_POOLSPEC, "", "tensor"))

Q6_CONVSPEC = d('''
    class ConvSpec:
        def __init__(self, stride, padding):
            self.stride = stride
            self.padding = padding

        def out_len(self, n, k):
            return (n + 2 * self.padding - k) // self.stride + 1


    def conv2d(image, kernel, stride=1, padding=0):
        spec = ConvSpec(stride, padding)
        h, w = image.shape
        kh, kw = kernel.shape
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(spec.out_len(h, kh), spec.out_len(w, kw), dtype=image.dtype)
        for i in range(out.shape[0]):
            for j in range(out.shape[1]):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r41_nb_q6_own_class_named_convspec", "An own class named ConvSpec used by conv2d.",
     q6=(Q6_CONVSPEC, POOL_LOOPS, "tensor"))

Q6_RESULT_NT = d('''
    from collections import namedtuple

    Pooled = namedtuple("Pooled", ["pooled", "argmax"])


    def max_pool2d_with_indices(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        idx = torch.zeros(oh, ow, dtype=torch.long)
        for i in range(oh):
            for j in range(ow):
                block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
                vals[i, j] = block.max()
                idx[i, j] = block.argmax()
        return Pooled(vals, idx)


    def max_pool2d(image, kernel_size=2):
        return max_pool2d_with_indices(image, kernel_size).pooled
    ''')
case("r41_nb_q6_pool_namedtuple_result_field_pooled", "max_pool2d returns the .pooled field of a namedtuple result.",
     q6=(CONV_LOOPS, Q6_RESULT_NT, "tensor"))


# ===============================================================================================================
# 6. more neighbours of the findings (result objects with "pool"/"conv" fields, shared logger / timer)
# ===============================================================================================================
Q6_NS_RESULT = d('''
    from types import SimpleNamespace


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        res = SimpleNamespace(pooled=vals, kernel_size=kernel_size)
        return res.pooled
    ''')
case("r41_nb_q6_pool_simplenamespace_result_pooled", "A SimpleNamespace result with a `pooled` field.",
     q6=(CONV_LOOPS, Q6_NS_RESULT, "tensor"))

Q6_DC_RESULT = d('''
    from dataclasses import dataclass


    @dataclass
    class PoolResult:
        pooled: torch.Tensor
        kernel_size: int


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return PoolResult(vals, kernel_size).pooled
    ''')
case("r41_nb_q6_pool_dataclass_result_pooled", "A dataclass result with a `pooled` field.",
     q6=(CONV_LOOPS, Q6_DC_RESULT, "tensor"))

Q6_NT_CONV_FIELDS = d('''
    from typing import NamedTuple


    class ConvShape(NamedTuple):
        conv_h: int
        conv_w: int


    def conv_shape(h, w, kh, kw, stride, padding):
        return ConvShape((h + 2 * padding - kh) // stride + 1, (w + 2 * padding - kw) // stride + 1)


    def conv2d(image, kernel, stride=1, padding=0):
        h, w = image.shape
        kh, kw = kernel.shape
        shape = conv_shape(h, w, kh, kw, stride, padding)
        padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
        padded[padding:padding + h, padding:padding + w] = image
        out = torch.zeros(shape.conv_h, shape.conv_w, dtype=image.dtype)
        for i in range(shape.conv_h):
            for j in range(shape.conv_w):
                out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
        return out
    ''')
case("r41_nb_q6_typed_namedtuple_fields_conv_h_conv_w", "A typing.NamedTuple with fields conv_h / conv_w.",
     q6=(Q6_NT_CONV_FIELDS, POOL_LOOPS, "tensor"))

Q6_MAPPINGPROXY = d('''
    from types import MappingProxyType

    DEFAULTS = MappingProxyType({"stride": 1, "padding": 0, "kernel_size": 2})  # read-only on purpose


    def conv2d(image, kernel, stride=DEFAULTS["stride"], padding=DEFAULTS["padding"]):
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


    def max_pool2d(image, kernel_size=DEFAULTS["kernel_size"]):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        out = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                out[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return out
    ''')
case("r41_nb_q6_mappingproxy_read_only_defaults", "Defaults in a types.MappingProxyType.",
     q6=(Q6_MAPPINGPROXY, "", "tensor"))

LOGGER_CELL = d('''
    import logging

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    logger = logging.getLogger("lab6")
    ''')
Q6_LOGGED = LOG_CONV.replace("log.debug", "logger.debug").replace('''        if out_h <= 0 or out_w <= 0:
            warnings.warn("empty output")
''', "")
case("r41_nb_logger_in_conv2d_and_model_logged_at_top_level", "One logger: conv2d logs at DEBUG, a later cell logs the model.",
     before=[LOGGER_CELL], q6=(Q6_LOGGED, POOL_LOOPS, "tensor"),
     after=[C('model = CNN()\nlogger.info("model: %s", model)\n', None, [r30.err_stream("INFO model: CNN(...)\n")])])

TIMED_SHARED = Q6_WRAPS + d('''


    @timed
    def forward_once(model, x):
        with torch.no_grad():
            return model(x)
    ''')
case("r41_nb_q6_timed_decorator_also_times_model_forward", "The timing decorator of conv2d also wraps a model forward.",
     q6=(TIMED_SHARED, "", "tensor"),
     after=["print(forward_once(CNN(), torch.rand(2, 1, 100, 100)).shape)\nprint({k: len(v) for k, v in TIMINGS.items()})\n"])

Q6_PLAIN_RESULT = d('''
    class PoolResult:
        def __init__(self, pooled, kernel_size):
            self.pooled = pooled
            self.kernel_size = kernel_size


    def max_pool2d(image, kernel_size=2):
        oh, ow = image.shape[0] // kernel_size, image.shape[1] // kernel_size
        vals = torch.zeros(oh, ow, dtype=image.dtype)
        for i in range(oh):
            for j in range(ow):
                vals[i, j] = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size].max()
        return PoolResult(vals, kernel_size).pooled
    ''')
case("r41_nb_q6_pool_plain_class_result_pooled", "A plain class result with a `pooled` attribute.",
     q6=(CONV_LOOPS, Q6_PLAIN_RESULT, "tensor"))


def main() -> None:
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = Path(sys.argv[sys.argv.index("--out") + 1])
        out_dir.mkdir(parents=True, exist_ok=True)
    for name, cells in CASES.items():
        has_error = any(isinstance(c, tuple) and c[0] == "code" and any(o[0] == "error" for o in c[3]) for c in cells)
        (r30.write if has_error else r38.write)(out_dir, name, cells)
    print(len(CASES), "files")


if __name__ == "__main__":
    main()
