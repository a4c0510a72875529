#!/usr/bin/env python3
"""PyTorch CUDA peer for `tutor gpu-bench` (docs/gpu.md): the same two workloads, on the same card, in the same run.

  1. MatMul 4096^3 float32: C = A B with A, B ~ U[0, 1), timed after warm-up; GFLOP/s = 2 n^3 / time (cuBLAS).
  2. MLP 784-1024-1024-10, tanh, softmax cross-entropy (mean over the batch), plain SGD (lr 0.1), float32, batch 1024:
     one epoch = 60 000 samples = the 10 000-image MNIST sample six times in file order, in 58 full batches of 1024
     (the last 608 samples are dropped, as on the C# side). Epoch time = wall time of the 58 steps, synchronised.

Run it next to the published `tutor` (it reads data/mnist10k-*.gz there, or --data DIR):
  python3 gpu_peer.py [--json out.json] [--data data] [--repeats 5]
Torch's TF32 is switched OFF for matmul (torch.backends.cuda.matmul.allow_tf32 = False), so both sides do float32 FMA;
pass --tf32 to see what TF32 tensor cores give (not comparable: our kernels do not use them).
"""
import argparse
import gzip
import json
import os
import statistics
import struct
import time

import torch

N_MATMUL = 4096
SIZES = (784, 1024, 1024, 10)
BATCH = 1024
EPOCH_SAMPLES = 60_000
LR = 0.1


def sync():
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def cuda_time(fn, repeats):
    """Median wall time of fn() in seconds, each call synchronised, after two warm-up calls."""
    for _ in range(2):
        fn()
    sync()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        sync()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8).reshape(shape)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "data"))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--tf32", action="store_true")
    parser.add_argument("--dry-run", action="store_true",
                        help="check the script on the CPU at tiny sizes (matmul 256^3, 2 steps); its times mean nothing")
    args = parser.parse_args()

    global N_MATMUL, EPOCH_SAMPLES
    if args.dry_run:
        N_MATMUL, EPOCH_SAMPLES = 256, 2 * BATCH
        dev = torch.device("cpu")
        result = {"device": "cpu (dry run)", "torch": torch.__version__, "cuda": None, "tf32": False}
    else:
        if not torch.cuda.is_available():
            raise SystemExit("gpu_peer.py: torch.cuda.is_available() is False: no CUDA device for PyTorch on this machine "
                             "(use --dry-run to check the script on the CPU)")
        torch.backends.cuda.matmul.allow_tf32 = args.tf32
        torch.backends.cudnn.allow_tf32 = args.tf32
        dev = torch.device("cuda")
        result = {"device": torch.cuda.get_device_name(0), "torch": torch.__version__, "cuda": torch.version.cuda,
                  "tf32": args.tf32}

    gen = torch.Generator(device=dev).manual_seed(1)
    a = torch.rand(N_MATMUL, N_MATMUL, device=dev, generator=gen)
    b = torch.rand(N_MATMUL, N_MATMUL, device=dev, generator=gen)
    c = torch.empty(N_MATMUL, N_MATMUL, device=dev)
    seconds = cuda_time(lambda: torch.matmul(a, b, out=c), args.repeats)
    result["matmul"] = {"n": N_MATMUL, "seconds": seconds, "gflops": 2 * N_MATMUL ** 3 / seconds / 1e9}

    images = read_idx(os.path.join(args.data, "mnist10k-images-idx3-ubyte.gz")).reshape(-1, 784).float().div_(255).to(dev)
    labels = read_idx(os.path.join(args.data, "mnist10k-labels-idx1-ubyte.gz")).long().to(dev)
    steps = EPOCH_SAMPLES // BATCH
    weights = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        bound = 1 / fan_in ** 0.5
        w = ((torch.rand(fan_in, fan_out, device=dev, generator=gen) * 2 - 1) * bound).requires_grad_()
        bias = torch.zeros(fan_out, device=dev, requires_grad=True)
        weights += [w, bias]
    count = images.shape[0]
    index = torch.arange(steps * BATCH, device=dev) % count  # the 10k sample, repeated, in file order
    batches = [(images[index[s * BATCH:(s + 1) * BATCH]], labels[index[s * BATCH:(s + 1) * BATCH]]) for s in range(steps)]
    last_loss = [float("nan")]

    def epoch():
        for x, y in batches:
            h = x
            for layer in range(len(SIZES) - 1):
                h = h @ weights[2 * layer] + weights[2 * layer + 1]
                if layer < len(SIZES) - 2:
                    h = torch.tanh(h)
            loss = torch.nn.functional.cross_entropy(h, y)
            grads = torch.autograd.grad(loss, weights)
            with torch.no_grad():
                for p, g in zip(weights, grads):
                    p.sub_(LR * g)
        last_loss[0] = loss.item()

    seconds = cuda_time(epoch, max(3, args.repeats // 2))
    result["mlp"] = {"sizes": SIZES, "batch": BATCH, "steps": steps, "samples": steps * BATCH,
                     "epoch_seconds": seconds, "last_loss": last_loss[0]}

    print(f"PyTorch {torch.__version__} (CUDA {torch.version.cuda}) on {result['device']}, TF32 {'on' if args.tf32 else 'off'}")
    print(f"  matmul {N_MATMUL}^3 float32: {result['matmul']['seconds'] * 1e3:.2f} ms, {result['matmul']['gflops']:.0f} GFLOP/s")
    print(f"  MLP {'-'.join(map(str, SIZES))} tanh, batch {BATCH}, {steps} steps: epoch {seconds * 1e3:.1f} ms, last loss {last_loss[0]:.4f}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
