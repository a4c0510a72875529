#!/usr/bin/python3
"""PyTorch peer for `bench/Tutor.Benchmarks.Tensors -- --mlp`: one epoch of the seed-001 P4 MLP.

784 -> 50 (tanh) x8 -> 10, cross-entropy on the logits, SGD lr 0.01, batch 128, no shuffle, drop_last, float32,
over the 10k MNIST sample (pixels / 255), Xavier-uniform weights and zero biases, 2 threads. Each epoch is timed
whole (batch slicing, forward, backward, step); prints every epoch, then best and median after the warm-up.

Run with the Debian interpreter: /usr/bin/python3 bench/pytorch/mlp_epoch.py [--warmup 2] [--epochs 10] [--threads 2]
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "Lessons", "data")


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (BENCHMARKS.md: 2)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    images = read_idx(os.path.join(DATA, "mnist10k-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(DATA, "mnist10k-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.reshape(len(images), 784).astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))

    torch.manual_seed(1)
    sizes = [784] + [50] * 8 + [10]
    layers = []
    for i in range(len(sizes) - 1):
        linear = torch.nn.Linear(sizes[i], sizes[i + 1])
        torch.nn.init.xavier_uniform_(linear.weight)
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < len(sizes) - 2:
            layers.append(torch.nn.Tanh())
    model = torch.nn.Sequential(*layers)
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    batch = 128
    steps = len(x) // batch

    times = []
    for e in range(args.warmup + args.epochs):
        t0 = time.perf_counter()
        total = 0.0
        for s in range(steps):
            xb, yb = x[s * batch:(s + 1) * batch], y[s * batch:(s + 1) * batch]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            total += loss.item()
        ms = (time.perf_counter() - t0) * 1000
        if e >= args.warmup:
            times.append(ms)
        print(f"epoch {e + 1}{' (warm-up)' if e < args.warmup else ''}: {ms:.1f} ms, {steps} steps, mean loss {total / steps:.4f}")
    print(f"PyTorch {torch.__version__} MLP epoch (784-50x8-10 tanh, batch 128, SGD, float32, {len(x)} images): "
          f"{args.threads} threads: best {min(times):.1f} ms, median {statistics.median(times):.1f} ms over {len(times)} epochs")


if __name__ == "__main__":
    main()
