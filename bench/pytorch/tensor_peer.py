#!/usr/bin/python3
"""PyTorch peer for bench/Tutor.Benchmarks.Tensors: torch.mm on n×n float32 and float64, 2 threads.

Same sizes and the same measure as the C# benchmark (GFLOP/s = 2n³ / time of one product written into a
preallocated output, best of several rounds so that a busy shared machine hurts both sides alike).

Run with the Debian interpreter: /usr/bin/python3 bench/pytorch/tensor_peer.py [--json out.json] [--sizes 64 128 256 1024]
"""
import argparse
import json
import platform
import time

import torch

torch.set_num_threads(2)


def gemm_gflops(n, dtype, rounds=7, budget=0.25):
    g = torch.Generator().manual_seed(42)
    a = torch.rand(n, n, dtype=dtype, generator=g) * 2 - 1
    b = torch.rand(n, n, dtype=dtype, generator=g) * 2 - 1
    c = torch.empty(n, n, dtype=dtype)
    for _ in range(3):
        torch.mm(a, b, out=c)
    reps = max(3, int(budget * 60e9 / (2 * n ** 3)))  # about `budget` seconds per round at 60 GFLOP/s
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b, out=c)
        best = min(best, (time.perf_counter() - t0) / reps)
    return 2 * n ** 3 / best / 1e9, best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--sizes", type=int, nargs="*", default=[64, 128, 256, 1024])
    args = parser.parse_args()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {platform.processor() or platform.machine()}")
    print(torch.__config__.show().splitlines()[0] if hasattr(torch, "__config__") else "")
    rows = []
    for name, dtype in (("float32", torch.float32), ("float64", torch.float64)):
        for n in args.sizes:
            gflops, seconds = gemm_gflops(n, dtype)
            rows.append({"type": name, "n": n, "gflops": gflops, "seconds": seconds})
            print(f"{name} {n:5}: {gflops:7.1f} GFLOP/s ({seconds * 1e6:.1f} µs)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
