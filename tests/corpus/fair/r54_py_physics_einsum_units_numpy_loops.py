# Lecture 6 -- worked like a lab report.  Lengths in pixels (px), counts are dimensionless.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

q1_answer = "C"   # L_out = L_in - L_k + 1 = 4 px - 3 px + 1 = 2 px


def conv_output_size(size, kernel_size, stride=1, padding=0):
    L_in_px, L_k_px, s_px, p_px = size, kernel_size, stride, padding
    L_padded_px = L_in_px + 2 * p_px
    if L_k_px > L_padded_px:
        raise ValueError(f"kernel {L_k_px} px > padded input {L_padded_px} px")
    return (L_padded_px - L_k_px) // s_px + 1


L_px = np.array([100])
shapes = []
for C_out, k_px, s_px, p_px in [(3, 3, 1, 1), (3, 2, 2, 0), (2, 3, 1, 1), (2, 2, 2, 0)]:
    L_px = (L_px + 2 * p_px - k_px) // s_px + 1
    shapes.append((C_out, L_px[0], L_px[0]))      # numpy int64 lengths
q3_shapes = shapes
q3_flatten_features = np.prod(q3_shapes[-1])

q4_conv_params = np.int64(3) * 3 * 3 * 3 + 3
N_conv1 = 1 * 3 * 3**2 + 3
N_conv2 = 3 * 2 * 3**2 + 2
N_fc = q3_flatten_features * 1 + 1
q4_cnn_params = N_conv1 + N_conv2 + N_fc
dims = np.array([128 * 128, 256, 128, 64, 32, 16, 1], dtype=np.int64)
q4_fcnn_params = np.dot(dims[:-1], dims[1:]) + dims[1:].sum()


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kH, kW = np.broadcast_to(kernel_size, 2)
    return out_channels * in_channels * kH * kW + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + bias * out_features


def conv2d(image, kernel, stride=1, padding=0):
    """Correlation (no kernel flip), as in torch: y[i,j] = sum_ab x[s i + a, s j + b] w[a, b]."""
    x = F.pad(image, (padding, padding, padding, padding), mode="constant", value=0)
    kH, kW = kernel.shape
    H_out = (x.shape[0] - kH) // stride + 1
    W_out = (x.shape[1] - kW) // stride + 1
    patches = torch.stack([torch.stack([x[i * stride:i * stride + kH, j * stride:j * stride + kW]
                                        for j in range(W_out)]) for i in range(H_out)])
    return torch.einsum("ijab,ab->ij", patches, kernel)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    H_out, W_out = image.shape[0] // k, image.shape[1] // k
    out = torch.empty(H_out, W_out, dtype=image.dtype)
    for i in range(H_out):
        for j in range(W_out):
            out[i, j] = torch.max(image[k * i:k * (i + 1), k * j:k * (j + 1)])
    return out


x_lecture = torch.tensor(np.array([[3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3],
                                   [2, 0, 0, 2, 2], [2, 0, 0, 0, 1]], dtype=np.float64))
w_lecture = torch.tensor(np.array([[0, 1, 2], [2, 2, 0], [0, 1, 2]], dtype=np.float64))
q6_output = conv2d(x_lecture, w_lecture).numpy()      # a float64 ndarray: 12, 12, 17 / 10, 17, 19 / 9, 6, 14


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 3, 3, padding=1)
        self.conv2 = nn.Conv2d(3, 2, 3, padding=1)
        self.fc = nn.Linear(int(q3_flatten_features), 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        return self.fc(torch.flatten(x, 1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=3, padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.b1 = conv_block(input_channels, 3)
        self.b2 = conv_block(3, 3)
        self.b3 = conv_block(3, 3)
        self.b4 = conv_block(3, 3)
        self.b5 = conv_block(3, 3)
        self.fc = nn.Linear(3 * 128 * 128, 1)

    def forward(self, x):
        for b in (self.b1, self.b2, self.b3, self.b4, self.b5):
            x = b(x)
        return self.fc(x.flatten(start_dim=1))


q9_true = set("C")
q10_answers = dict(zip(range(1, 9), np.array([1, 0, 1, 1, 0, 0, 1, 0], dtype=bool)))   # numpy bools

if __name__ == "__main__":
    print("q3:", q3_shapes, q3_flatten_features)
    print("q4:", q4_conv_params, q4_cnn_params, q4_fcnn_params)
    print(q6_output)
