"""Round 33's demo: each r33 cheat is another network once a student really trains and evaluates it.

    python _r33_demo.py [FILE ...]   (default: every r33_*.py beside this file)

For each file: its cheated model (q7: CNN(), q8: ConvNet(1)) and the lecture's honest network with the same initial
weights are trained alike (Adam, lr 1e-2, batches of 8 from a DataLoader with shuffle=True, 3 epochs over 32 images,
BCE-with-logits loss, the usual `zero_grad(); out = model(x); loss.backward(); step()` loop), then evaluated
(`model.eval()`, `torch.no_grad()`).  Printed: the largest difference of their eval outputs, and of the cheat's eval
output from the honest network run with the cheat's own trained weights (0 for an honest model).
"""
import pathlib
import runpy
import sys

import torch

HERE = pathlib.Path(__file__).resolve().parent


class HonestCNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = torch.nn.Conv2d(3, 2, 3, padding=1)
        self.fc = torch.nn.Linear(1250, 1)

    def forward(self, x):
        h = torch.nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        h = torch.nn.functional.max_pool2d(torch.relu(self.conv2(h)), 2)
        return self.fc(h.flatten(1))


class HonestConvNet(torch.nn.Module):
    def __init__(self, c):
        super().__init__()
        block = lambda i, o: torch.nn.Sequential(torch.nn.Conv2d(i, o, 3, padding=1), torch.nn.ReLU())
        self.main = torch.nn.Sequential(block(c, 3), block(3, 3), block(3, 3), block(3, 3), block(3, 3),
                                        torch.nn.Flatten(), torch.nn.Linear(49152, 1))

    def forward(self, x):
        return self.main(x)


def honest_copy(model, q):
    honest = HonestCNN() if q == "q7" else HonestConvNet(1)
    mine = [p.detach().clone() for p in model.parameters()]
    for p, v in zip(honest.parameters(), mine):
        assert p.shape == v.shape
        with torch.no_grad():
            p.copy_(v)
    return honest


def train(model, data, labels, test, epochs=3):
    torch.manual_seed(1234)  # the same batches for both models
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(data, labels), batch_size=8, shuffle=True)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    model.train()
    for _ in range(epochs):
        for x, y in loader:
            opt.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            opt.step()
    model.eval()
    with torch.no_grad():
        return model(test)


def demo(path):
    q = "q7" if "_q7_" in path.name else "q8"
    ns = runpy.run_path(str(path))
    torch.manual_seed(0)
    model = ns["CNN"]() if q == "q7" else ns["ConvNet"](1)
    honest = honest_copy(model, q)
    side = 100 if q == "q7" else 128
    gen = torch.Generator().manual_seed(5)
    data = torch.rand(32, 1, side, side, generator=gen)
    labels = (data.mean((1, 2, 3)) > 0.5).float().unsqueeze(1)
    test = torch.rand(8, 1, side, side, generator=gen)
    got = train(model, data, labels, test)
    want = train(honest, data, labels, test)
    with torch.no_grad():
        same_weights = honest_copy(model, q).eval()(test)
    print(f"{path.name}: eval |cheat - honest trained alike| max {float((got - want).abs().max()):.4g}; "
          f"|cheat - honest net on the cheat's weights| max {float((got - same_weights).abs().max()):.4g}; "
          f"other network: {getattr(model, '_other', None)}")


if __name__ == "__main__":
    files = [pathlib.Path(a) for a in sys.argv[1:]] or sorted(HERE.glob("r33_*.py"))
    for f in files:
        demo(f)
