"""Does the worker's ATen recorder (a TorchDispatchMode, as grader.checkapi.handler._KernelRecorder) see
torch's convolution when it runs (1) inside a torch.library custom op's Python kernel, (2) inside a tensor
subclass's __torch_dispatch__, (3) at encode time (wire.encode after the call returned)?"""
import torch, torch.nn.functional as F
from torch.utils._python_dispatch import TorchDispatchMode
import sys; sys.path.insert(0, "/work/wt-attack37")
from grader.checkapi import wire

class Rec(TorchDispatchMode):
    def __init__(self): super().__init__(); self.ops = set()
    @classmethod
    def _should_skip_dynamo(cls): return False
    def __torch_dispatch__(self, func, types, args=(), kwargs=None):
        self.ops.add(f"aten.{func.overloadpacket.__name__}"); return func(*args, **(kwargs or {}))

img, ker = torch.rand(7, 6), torch.rand(3, 2)
want = F.conv2d(img[None, None], ker[None, None])[0, 0]

# (1) custom op
@torch.library.custom_op("r37::window_sum", mutates_args=())
def window_sum(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return F.conv2d(a[None, None], b[None, None])[0, 0]
@window_sum.register_fake
def _(a, b): return a.new_empty(a.shape[0] - b.shape[0] + 1, a.shape[1] - b.shape[1] + 1)
r = Rec()
with r: got = window_sum(img, ker)
print("custom op:", sorted(r.ops), torch.allclose(got, want))

# (2) subclass whose aten.mul runs a convolution
class Lazy(torch.Tensor):
    @staticmethod
    def __new__(cls, a, b):
        t = torch.Tensor._make_wrapper_subclass(cls, (a.shape[0] - b.shape[0] + 1, a.shape[1] - b.shape[1] + 1), dtype=a.dtype)
        t.a, t.b = a, b; return t
    @classmethod
    def __torch_dispatch__(cls, func, types, args=(), kwargs=None):
        self = next(x for x in args if isinstance(x, Lazy))
        real = F.conv2d(self.a[None, None], self.b[None, None])[0, 0]
        args = tuple(real if x is self else x for x in args)
        return func(*args, **(kwargs or {}))
r = Rec()
with r: lazy = Lazy(img, ker)
print("subclass built in the call:", sorted(r.ops))
enc = wire.encode(lazy)          # outside the recorder, as the worker encodes the answer
got = wire.decode(enc) if hasattr(wire, "decode") else enc
print("encoded at answer time:", type(got).__name__, torch.allclose(got.to_tensor(), want) if hasattr(got, "to_tensor") else got)
