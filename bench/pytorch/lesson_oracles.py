#!/usr/bin/env python3
"""PyTorch 1.13 as an independent oracle for two lessons whose LESSONS.md targets sit near what their protocol reaches
on the 10k MNIST sample: depth-and-initialisation (Xavier, target >= 80% test accuracy) and mnist-sgd-momentum
(target >= 80%). Each protocol is the seed's own PyTorch code, on the lessons' data split, for many seeds, so a
lesson report can say where its own number falls in PyTorch's spread. Made offline, never by the build or the tests:

    /usr/bin/python3 bench/pytorch/lesson_oracles.py --seeds 20 --out Lessons/data/reference/pytorch-lesson-oracles.json
"""
import argparse, datetime, gzip, json, os, platform, time
import numpy as np, torch, torch.nn as nn

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)

def load():
    folder = os.path.join(ROOT, "Lessons", "data")
    x = torch.tensor(idx(os.path.join(folder, "mnist10k-images-idx3-ubyte.gz")).reshape(-1, 784) / 255.0, dtype=torch.float32)  # ToTensor()
    y = torch.tensor(idx(os.path.join(folder, "mnist10k-labels-idx1-ubyte.gz")).astype(np.int64))
    return x, y

def depth(x, y, seed):
    """Seed 001 P4 d): My_nn_4a(8), Xavier U(-d, d) with d = sqrt(6/(fan_in + fan_out)), biases 0, SGD lr 0.01, batch 128,
    DataLoader without shuffle and with drop_last, 5 epochs; the lesson's split: first 8000 train, last 2000 test."""
    torch.manual_seed(seed)
    layers = [nn.Linear(784, 50)] + [nn.Linear(50, 50) for _ in range(7)] + [nn.Linear(50, 10)]
    for m in layers:
        d = np.sqrt(6 / (m.in_features + m.out_features))
        nn.init.uniform_(m.weight, -d, d)
        nn.init.zeros_(m.bias)
    def forward(v):
        for m in layers[:-1]:
            v = torch.tanh(m(v))
        return layers[-1](v)
    opt = torch.optim.SGD([p for m in layers for p in m.parameters()], lr=0.01)
    xtr, ytr = x[:8000], y[:8000]
    for _ in range(5):
        for b in range(8000 // 128):
            opt.zero_grad()
            nn.functional.cross_entropy(forward(xtr[b * 128:(b + 1) * 128]), ytr[b * 128:(b + 1) * 128]).backward()
            opt.step()
    with torch.no_grad():
        return (forward(x[-2000:]).argmax(1) == y[-2000:]).float().mean().item()

def momentum(x, y, seed):
    """Seed 004 part 2: Flatten, Linear(784, 10), ReLU, Linear(10, 10) (PyTorch's default init), cross-entropy, SGD lr 1e-3
    momentum 0.9, batch 64, shuffled every epoch, 5 epochs; the lesson's split: 20% of the first 8000 held out for
    validation, the rest trained on, last 2000 test."""
    torch.manual_seed(seed)
    train = torch.randperm(8000)[1600:]
    model = nn.Sequential(nn.Linear(784, 10), nn.ReLU(), nn.Linear(10, 10))
    opt = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
    for _ in range(5):
        order = train[torch.randperm(len(train))]
        for b in range(0, len(order), 64):
            i = order[b:b + 64]
            opt.zero_grad()
            nn.functional.cross_entropy(model(x[i]), y[i]).backward()
            opt.step()
    with torch.no_grad():
        return (model(x[-2000:]).argmax(1) == y[-2000:]).float().mean().item()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--out", default=os.path.join(ROOT, "Lessons", "data", "reference", "pytorch-lesson-oracles.json"))
    args = parser.parse_args()
    torch.set_num_threads(1)
    x, y = load()
    result = {
        "made": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
        "torch": torch.__version__, "python": platform.python_version(), "machine": platform.processor() or platform.machine(),
        "command": "/usr/bin/python3 bench/pytorch/lesson_oracles.py --seeds %d" % args.seeds,
        "lessons": {},
    }
    for name, run, target in (("depth-and-initialisation", depth, 0.8), ("mnist-sgd-momentum", momentum, 0.8)):
        start = time.time()
        accuracies = [run(x, y, seed) for seed in range(args.seeds)]
        result["lessons"][name] = {"metric": "test accuracy", "target": target, "seeds": list(range(args.seeds)),
                                   "accuracy": [round(a, 6) for a in accuracies], "seconds": round(time.time() - start, 1),
                                   "protocol": run.__doc__.replace("\n    ", " ").strip()}
        print(f"{name}: mean {np.mean(accuracies):.4f}, min {min(accuracies):.4f}, max {max(accuracies):.4f}, "
              f"{sum(a >= target for a in accuracies)} of {args.seeds} seeds reach {target}")
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")

if __name__ == "__main__":
    main()
