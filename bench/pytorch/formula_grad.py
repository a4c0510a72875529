#!/usr/bin/python3
"""PyTorch peer for bench/Tutor.Benchmarks: value + gradient of the same scalar functions, float64, per call.

Each PyTorch call does what a caller of FGradient gets: fresh leaf tensors for (x, y), the forward pass,
torch.autograd.grad, and the three numbers back as Python floats. The value-only figures are plain Python
(math module), the cheapest way to evaluate the formula in Python.

Run with the Debian interpreter: /usr/bin/python3 bench/pytorch/formula_grad.py [--json out.json]
"""
import argparse
import json
import math
import platform
import statistics
import timeit

import torch

torch.set_num_threads(2)
F64 = torch.float64
X0, Y0 = 3.0, 4.0


# --- the functions, as in bench/Tutor.Benchmarks/Functions.cs -------------------------------------------

def formula_py(x, y):
    return (x + math.exp(y)) / (math.log(x) + (x - y) ** 3)


def formula_t(x, y):
    return (x + torch.exp(y)) / (torch.log(x) + (x - y) ** 3)


def neuron_py(x, y):
    h1 = math.tanh(0.5 * x - 0.3 * y + 0.1)
    h2 = math.tanh(-0.2 * x + 0.8 * y - 0.4)
    z = 1.2 * h1 - 0.7 * h2 + 0.05
    return 1.0 / (1.0 + math.exp(-z))


def neuron_t(x, y):
    h1 = torch.tanh(0.5 * x - 0.3 * y + 0.1)
    h2 = torch.tanh(-0.2 * x + 0.8 * y - 0.4)
    z = 1.2 * h1 - 0.7 * h2 + 0.05
    return 1.0 / (1.0 + torch.exp(-z))


def huber_py(x, y):
    r = x * y - math.sin(x)
    loss = 0.5 * r * r if abs(r) <= 1.0 else abs(r) - 0.5
    return loss + max(0.0, math.log(x) - y)


def huber_t(x, y):
    r = x * y - torch.sin(x)
    loss = 0.5 * r * r if torch.abs(r) <= 1.0 else torch.abs(r) - 0.5
    return loss + torch.clamp(torch.log(x) - y, min=0.0)


WORKLOADS = {"Formula": (formula_py, formula_t), "Neuron": (neuron_py, neuron_t), "Huber": (huber_py, huber_t)}


def value_and_grad(f):
    def call():
        x = torch.tensor(X0, dtype=F64, requires_grad=True)
        y = torch.tensor(Y0, dtype=F64, requires_grad=True)
        v = f(x, y)
        dx, dy = torch.autograd.grad(v, (x, y))
        return v.item(), dx.item(), dy.item()
    return call


def median_us(call, number, repeat):
    """Median over `repeat` runs of the mean time per call (µs) within a run of `number` calls."""
    call()  # warm up
    runs = timeit.repeat(call, number=number, repeat=repeat)
    return statistics.median(runs) / number * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    results = {"torch": torch.__version__, "python": platform.python_version(),
               "threads": torch.get_num_threads(), "workloads": {}}
    for name, (f_py, f_t) in WORKLOADS.items():
        grad_call = value_and_grad(f_t)
        v, dx, dy = grad_call()
        results["workloads"][name] = {
            "value_python_us": median_us(lambda: f_py(X0, Y0), 200_000, args.repeat),
            "value_grad_torch_us": median_us(grad_call, 2_000, args.repeat),
            "value": v, "dx": dx, "dy": dy,
        }

    print(f"PyTorch {results['torch']}, Python {results['python']}, {results['threads']} threads, float64, at (3, 4)")
    print(f"{'workload':10} {'value (Python) µs':>18} {'value+grad (PyTorch) µs':>24}   value, ∂f/∂x, ∂f/∂y")
    for name, r in results["workloads"].items():
        print(f"{name:10} {r['value_python_us']:18.3f} {r['value_grad_torch_us']:24.2f}   "
              f"{r['value']:.15g}, {r['dx']:.15g}, {r['dy']:.15g}")
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
