"""PyTorch peer for ADBench's GMM objective (gmm_1k_d10_K5), vectorised as ADBench's PyTorch port does.

Times the objective and objective+gradient (torch.autograd) in float64 with 2 threads, and prints the objective
so it can be compared with Tutor's. Usage: /usr/bin/python3 bench/pytorch/gmm_peer.py [path/to/gmm_1k_d10_K5.txt]
"""
import math
import sys
import timeit

import torch

torch.set_num_threads(2)
torch.set_default_dtype(torch.float64)


def load(path):
    tokens = open(path).read().split()
    it = iter(tokens)
    d, k, n = int(next(it)), int(next(it)), int(next(it))
    take = lambda count: torch.tensor([float(next(it)) for _ in range(count)])
    alphas = take(k)
    means = take(k * d).reshape(k, d)
    icf = take(k * d * (d + 1) // 2).reshape(k, d * (d + 1) // 2)
    x = take(n * d).reshape(n, d)
    gamma, m = float(next(it)), int(float(next(it)))
    return d, k, n, alphas, means, icf, x, gamma, m


def logsumexp(t, dim):
    mx = t.max(dim=dim, keepdim=True).values
    return (t - mx).exp().sum(dim).log() + mx.squeeze(dim)


def objective(alphas, means, icf, x, gamma, m):
    n, d = x.shape
    k = alphas.shape[0]
    q = icf[:, :d]
    l = icf[:, d:]
    qdiags = q.exp()
    sum_qs = q.sum(1)
    # Lower-triangular Q with diagonal exp(q) and the l part column by column, as ADBench fills it.
    rows, cols = [], []
    for i in range(d):
        for j in range(i + 1, d):
            rows.append(j)
            cols.append(i)
    Q = torch.zeros(k, d, d)
    Q[:, range(d), range(d)] = qdiags
    Q[:, rows, cols] = l
    xc = x.unsqueeze(1) - means.unsqueeze(0)                 # n × k × d
    qxc = torch.einsum('kij,nkj->nki', Q, xc)                 # n × k × d
    main = alphas + sum_qs - 0.5 * (qxc * qxc).sum(2)        # n × k
    slse = logsumexp(main, 1).sum()
    const = -n * d * 0.5 * math.log(2 * math.pi)
    wn = d + m + 1
    lgd = 0.25 * d * (d - 1) * math.log(math.pi) + sum(math.lgamma(0.5 * wn + 0.5 * (1 - j)) for j in range(1, d + 1))
    c = wn * d * (math.log(gamma) - 0.5 * math.log(2)) - lgd
    frob = (qdiags * qdiags).sum(1) + (l * l).sum(1)
    prior = (0.5 * gamma * gamma * frob - m * sum_qs).sum() - k * c
    return const + slse - n * logsumexp(alphas, 0) + prior


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else 'bench/AdBench/data/gmm_1k_d10_K5.txt'
    d, k, n, alphas, means, icf, x, gamma, m = load(path)

    def value():
        return objective(alphas, means, icf, x, gamma, m)

    def gradient():
        a, mu, ic = (t.clone().requires_grad_(True) for t in (alphas, means, icf))
        f = objective(a, mu, ic, x, gamma, m)
        return torch.autograd.grad(f, (a, mu, ic))

    f = value().item()
    t_value = min(timeit.repeat(value, number=20, repeat=15)) / 20
    t_grad = min(timeit.repeat(gradient, number=20, repeat=15)) / 20
    print(f'objective {f!r}')
    print(f'pytorch {torch.__version__}: objective {t_value * 1e3:.3f} ms, gradient {t_grad * 1e3:.3f} ms, ratio {t_grad / t_value:.2f}')


if __name__ == '__main__':
    main()
