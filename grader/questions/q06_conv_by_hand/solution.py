import torch

q6_output = torch.tensor([{% for row in a.output %}{{ "" if loop.first else ",\n                          " }}[{{ row|join(", ") }}]{% endfor %}])


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
            out[i, j] = (window * kernel).sum()
    return out


def max_pool2d(image, kernel_size=2):
    h, w = image.shape
    out = torch.zeros(h // kernel_size, w // kernel_size, dtype=image.dtype)
    for i in range(h // kernel_size):
        for j in range(w // kernel_size):
            block = image[i * kernel_size:(i + 1) * kernel_size, j * kernel_size:(j + 1) * kernel_size]
            out[i, j] = block.max()
    return out
