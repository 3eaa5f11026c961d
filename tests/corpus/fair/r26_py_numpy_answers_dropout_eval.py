import torch
import torch.nn as nn
import torch.nn.functional as F
import numpy as np


q1_answer = "C"


def conv_output_size(size, kernel_size, stride=1, padding=0):
    """Output height/width of a Conv2d (same formula as the PyTorch docs)."""
    if kernel_size > size + 2 * padding:
        raise ValueError("kernel is bigger than the padded input")
    return (size + 2 * padding - kernel_size) // stride + 1


x = torch.rand(1, 1, 100, 100)
conv1 = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1)
pool = torch.nn.MaxPool2d(2)
conv2 = torch.nn.Conv2d(3, 2, kernel_size=3, padding=1)
a = conv1(x); b = pool(torch.relu(a)); c = conv2(b); e = pool(torch.relu(c))
q3_shapes = [a.shape[1:], b.shape[1:], c.shape[1:], e.shape[1:]]   # torch.Size objects
q3_flatten_features = e.shape[1] * e.shape[2] * e.shape[3]
q3_shapes


sizes = np.array([128 * 128, 256, 128, 64, 32, 16, 1])
q4_fcnn_params = np.sum(sizes[:-1] * sizes[1:] + sizes[1:])   # weights + biases of each Linear
q4_conv_params = np.prod([3, 3, 3, 3]) + 3
q4_cnn_params = (np.prod([1, 3, 3, 3]) + 3) + (np.prod([3, 2, 3, 3]) + 2) + (1250 + 1)
q4_conv_params, q4_cnn_params, q4_fcnn_params


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kh, kw = kernel_size if isinstance(kernel_size, tuple) else (kernel_size, kernel_size)
    return in_channels * out_channels * kh * kw + int(bias) * out_channels

def linear_params(in_features, out_features, bias=True):
    return in_features * out_features + int(bias) * out_features


q6_output = torch.from_numpy(np.array([[12, 12, 17],
                                       [10, 17, 19],
                                       [9, 6, 14]]))


def conv2d(image, kernel, stride=1, padding=0):
    H, W = image.shape
    kH, kW = kernel.shape
    if padding > 0:
        padded = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        padded[padding:-padding, padding:-padding] = image
        image = padded
    out_h = (image.shape[0] - kH) // stride + 1
    out_w = (image.shape[1] - kW) // stride + 1
    output = torch.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            patch = image[i * stride:i * stride + kH, j * stride:j * stride + kW]
            output[i, j] = (patch * kernel).sum()
    return output


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    h, w = image.shape[0] // k, image.shape[1] // k
    blocks = image[:h * k, :w * k].reshape(h, k, w, k)
    return blocks.amax(dim=(1, 3))


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_layers = nn.Sequential(
            nn.Conv2d(1, 3, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(3, 2, (3, 3), padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.fc = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.conv_layers(x)
        x = x.reshape(x.shape[0], -1)
        x = F.dropout(x, p=0.0, training=self.training)   # no dropout for now
        return self.fc(x)


def conv_block(input_channels, output_channels):
    return torch.nn.Sequential(
        torch.nn.Conv2d(input_channels, output_channels, (3, 3), padding=1),
        torch.nn.ReLU()
    )

class ConvNet(torch.nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.main = torch.nn.Sequential(
            conv_block(input_channels, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            conv_block(3, 3),
            torch.nn.Flatten(),
            torch.nn.Linear(49152, 1)
        )

    def forward(self, x):
        out = self.main(x)
        return out


q9_true = set(['C'])


answers = np.array([True, False, True, True, False, False, True, False])
q10_answers = {i + 1: answers[i] for i in range(8)}   # numpy bools
q10_answers


torch.manual_seed(0)
model = CNN()
X = torch.rand(16, 1, 100, 100)
y = torch.randint(0, 2, (16, 1)).float()
criterion = torch.nn.BCEWithLogitsLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
for epoch in range(3):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")


model.eval()
with torch.no_grad():
    preds = torch.sigmoid(model(torch.rand(3, 1, 100, 100)))
print(preds.squeeze())
