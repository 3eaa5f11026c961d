# -*- coding: utf-8 -*-
# Vorlesung 6 – Faltungsnetze.  Ich benutze die Formelzeichen aus dem Skript als Variablennamen.
import torch
from torch import nn

q1_answer = "C"   # 3×3-Filter auf 4×4 → 2×2


def conv_output_size(size, kernel_size, stride=1, padding=0):
    n, k, s, p = size, kernel_size, stride, padding
    Δ = n + 2 * p - k            # wie weit das Fenster wandern kann
    if Δ < 0:
        raise ValueError("Kern passt nicht ins (gepolsterte) Bild")
    return Δ // s + 1


größe = 100
q3_shapes = []
for kanäle in (3, 2):
    größe = conv_output_size(größe, 3, padding=1)
    q3_shapes.append((kanäle, größe, größe))
    größe //= 2
    q3_shapes.append((kanäle, größe, größe))
q3_flatten_features = 2 * größe * größe


def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    kₕ, kᵥ = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    return out_channels * in_channels * kₕ * kᵥ + (out_channels if bias else 0)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + (out_features if bias else 0)


q4_conv_params = conv2d_params(3, 3, 3)
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
Σ = 0
for ein, aus in [(128 * 128, 256), (256, 128), (128, 64), (64, 32), (32, 16), (16, 1)]:
    Σ += linear_params(ein, aus)
q4_fcnn_params = Σ

q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kₕ, kᵥ = kernel.shape
    bild = torch.zeros(image.shape[0] + 2 * padding, image.shape[1] + 2 * padding, dtype=image.dtype)
    bild[padding:padding + image.shape[0], padding:padding + image.shape[1]] = image
    höhe = (bild.shape[0] - kₕ) // stride + 1
    breite = (bild.shape[1] - kᵥ) // stride + 1
    ergebnis = torch.zeros(höhe, breite, dtype=image.dtype)
    for i in range(höhe):
        for j in range(breite):
            fenster = bild[i * stride:i * stride + kₕ, j * stride:j * stride + kᵥ]
            ergebnis[i, j] = (fenster * kernel).sum()
    return ergebnis


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    ergebnis = torch.zeros(image.shape[0] // k, image.shape[1] // k, dtype=image.dtype)
    for i in range(ergebnis.shape[0]):
        for j in range(ergebnis.shape[1]):
            ergebnis[i, j] = image[i * k:(i + 1) * k, j * k:(j + 1) * k].max()
    return ergebnis


class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.faltung1 = nn.Conv2d(1, 3, (3, 3), padding=1)
        self.faltung2 = nn.Conv2d(3, 2, (3, 3), padding=1)
        self.bündeln = nn.MaxPool2d((2, 2))
        self.ausgabe = nn.Linear(1250, 1)

    def forward(self, x):
        x = self.bündeln(torch.relu(self.faltung1(x)))
        x = self.bündeln(torch.relu(self.faltung2(x)))
        return self.ausgabe(x.flatten(1))


def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, (3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blöcke = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.ausgabe = nn.Linear(49152, 1)

    def forward(self, x):
        return self.ausgabe(self.blöcke(x).flatten(1))


q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
