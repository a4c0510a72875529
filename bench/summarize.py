#!/usr/bin/python3
"""Joins BenchmarkDotNet's JSON report and formula_grad.py's JSON into one Markdown table per workload."""
import glob
import json
import os
import sys


def load_dotnet(out):
    reports = glob.glob(os.path.join(out, "dotnet", "results", "*.json"))
    if not reports:
        sys.exit(f"no BenchmarkDotNet JSON report under {out}/dotnet/results")
    medians = {}
    for path in reports:
        with open(path) as f:
            for b in json.load(f)["Benchmarks"]:
                stats = b.get("Statistics")
                if stats:
                    medians[b["Method"]] = stats["Median"]  # ns
    return medians


def fmt(v, digits=3):
    return "" if v is None else f"{v:.{digits}f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main():
    out = sys.argv[1]
    ours = load_dotnet(out)
    with open(os.path.join(out, "pytorch.json")) as f:
        peer = json.load(f)
    print(f"Median time per call: Tutor in ns, the peer in µs. Peer: PyTorch {peer['torch']} ({peer['threads']} threads), Python {peer['python']}.")
    for name, p in peer["workloads"].items():
        value, grad, jvp = ours.get(f"{name}Value"), ours.get(f"{name}Gradient"), ours.get(f"{name}Jvp")
        print()
        print(f"### {name} at (3, 4), float64")
        print()
        print("| measure | Tutor, ns | × Tutor value | peer | peer, µs | peer / Tutor |")
        print("|---|---:|---:|---|---:|---:|")
        print(f"| value | {fmt(value, 2)} | 1.00 | plain Python | {fmt(p['value_python_us'], 3)} | {fmt(ratio(p['value_python_us'] * 1000, value), 1)} |")
        print(f"| value + gradient (reverse) | {fmt(grad, 2)} | {fmt(ratio(grad, value), 2)} | PyTorch autograd | {fmt(p['value_grad_torch_us'], 2)} | {fmt(ratio(p['value_grad_torch_us'] * 1000, grad), 0)} |")
        print(f"| value + JVP (forward, one direction) | {fmt(jvp, 2)} | {fmt(ratio(jvp, value), 2)} | | | |")


if __name__ == "__main__":
    main()
