# -*- coding: latin-1 -*-
# Übung 6 - Faltungsnetze (CNN), gespeichert in Latin-1 / ISO-8859-1.
# Größen: Höhe = Breite, alle Maße in Pixel; 90° gedreht ist egal.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

ANTWORT = "Lösung"  # é, ß, µ, ° - nur Kommentare und Zeichenketten

# Aufgabe 1
q1_answer = "C"


# Aufgabe 2: Ausgabegröße
def conv_output_size(size, kernel_size, stride=1, padding=0):
    größe = size + 2 * padding  # gepaddete Größe
    if kernel_size > größe:
        raise ValueError(f"Kern {kernel_size} passt nicht in {größe}×{größe}")
    return math.floor((größe - kernel_size) / stride) + 1


# Aufgabe 3
q3_shapes = []
h = 100
for (kanäle, pool) in [(3, False), (3, True), (2, False), (2, True)]:
    h = h // 2 if pool else conv_output_size(h, 3, padding=1)
    q3_shapes.append((kanäle, h, h))
q3_flatten_features = q3_shapes[-1][0] * q3_shapes[-1][1] * q3_shapes[-1][2]


# Aufgabe 5 (vor 4, weil 4 sie benutzt)
def conv2d_params(in_channels, out_channels, kernel_size, bias=True):
    if isinstance(kernel_size, int):
        kernel_size = (kernel_size, kernel_size)
    return out_channels * in_channels * kernel_size[0] * kernel_size[1] + out_channels * int(bias)


def linear_params(in_features, out_features, bias=True):
    return out_features * in_features + out_features * int(bias)


# Aufgabe 4
q4_conv_params = conv2d_params(3, 3, (3, 3))
q4_cnn_params = conv2d_params(1, 3, 3) + conv2d_params(3, 2, 3) + linear_params(q3_flatten_features, 1)
schichten = [128 * 128, 256, 128, 64, 32, 16, 1]
q4_fcnn_params = sum(linear_params(a, b) for a, b in zip(schichten, schichten[1:]))

# Aufgabe 6
q6_output = [[12, 12, 17], [10, 17, 19], [9, 6, 14]]


def conv2d(image, kernel, stride=1, padding=0):
    kh, kw = kernel.shape
    bild = image
    if padding:
        H, W = image.shape
        bild = torch.zeros((H + 2 * padding, W + 2 * padding), dtype=image.dtype)
        bild[padding:-padding, padding:-padding] = image
    zeilen = []
    for i in range(0, bild.shape[0] - kh + 1, stride):
        zeile = []
        for j in range(0, bild.shape[1] - kw + 1, stride):
            zeile.append(torch.sum(bild[i:i + kh, j:j + kw] * kernel))
        zeilen.append(torch.stack(zeile))
    return torch.stack(zeilen)


def max_pool2d(image, kernel_size=2):
    k = kernel_size
    zeilen = []
    for i in range(0, image.shape[0] - k + 1, k):
        zeilen.append(torch.stack([image[i:i + k, j:j + k].max() for j in range(0, image.shape[1] - k + 1, k)]))
    return torch.stack(zeilen)


# Aufgabe 7
class CNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.faltung1 = nn.Conv2d(1, 3, 3, padding=1)
        self.faltung2 = nn.Conv2d(3, 2, 3, padding=1)
        self.ausgabe = nn.Linear(1250, 1)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.faltung1(x)), 2)
        x = F.max_pool2d(F.relu(self.faltung2(x)), 2)
        return self.ausgabe(torch.flatten(x, 1))


# Aufgabe 8
def conv_block(input_channels, output_channels):
    return nn.Sequential(nn.Conv2d(input_channels, output_channels, kernel_size=(3, 3), padding=1), nn.ReLU())


class ConvNet(nn.Module):
    def __init__(self, input_channels):
        super().__init__()
        self.blöcke = nn.Sequential(conv_block(input_channels, 3), *[conv_block(3, 3) for _ in range(4)])
        self.flach = nn.Flatten()
        self.linear = nn.Linear(49152, 1)

    def forward(self, x):
        return self.linear(self.flach(self.blöcke(x)))


# Aufgabe 9 und 10
q9_true = {"C"}
q10_answers = {1: True, 2: False, 3: True, 4: True, 5: False, 6: False, 7: True, 8: False}
