#!/usr/bin/python3
"""Reference values for Tutor.StableMath, written to tests/Tutor.Runtime.Tests/Accuracy/data/.

    apt-get install -y python3-mpmath      # Debian's mpmath (1.2.1 was used)
    /usr/bin/python3 tools/accuracy/make_reference.py

For each helper (Log1p, Expm1, Softplus, Sigmoid, LogSigmoid, LogSumExp(a,b), Log1mExp, Hypot), in binary64 and
binary32, inputs are drawn uniformly over float ordinals (see refcommon.py) in several segments of the function's
domain: one over the whole domain (as Herbie samples) plus segments that put enough points where the helper's
tricks matter (|x| <= 1/2 for Log1p/Expm1, the branch points of Log1mExp, a close to b for LogSumExp, ...).
True values: mpmath at 3000 bits, rounded once to the target format. The seed is fixed, so the output is
reproducible byte for byte. Output: <Function>.double.csv.gz (2000 points) and <Function>.float.csv.gz
(1000 points), gzip-compressed CSV (deterministic: no name, mtime 0) with columns x,truth or a,b,truth as shortest
round-trip decimals; `zcat` shows them.
"""
import os
import sys
import zlib

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refcommon import DMAX, FMAX, Sampler, mp, mpf, round_double, round_single, to_f32, write_csv  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "tests", "Tutor.Runtime.Tests", "Accuracy", "data"))

LN2 = 0.6931471805599453
TINY = 5e-324


# True values (exact real formulas evaluated at 3000 bits; forms chosen so that mpmath never cancels).
def t_log1p(x):
    return mp.log1p(x)


def t_expm1(x):
    return mp.expm1(x)


def t_softplus(x):
    return x + mp.log1p(mp.exp(-x)) if x > 0 else mp.log1p(mp.exp(x))


def t_sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def t_logsigmoid(x):
    return -t_softplus(-x)


def t_logsumexp(a, b):
    m = max(a, b)
    return m + mp.log1p(mp.exp(-abs(a - b)))


def t_log1mexp(a):
    return mp.log(-mp.expm1(-a))


def t_hypot(a, b):
    return mp.sqrt(a * a + b * b)


# Segments: (lo, hi, share of the points). One input: (lo, hi); two inputs: see the pair samplers below.

def unary_segments(name, M):
    """Segments for the one-argument functions; M is the largest finite value of the format."""
    s = {
        "Log1p": [(-1.0, M, 0.3), (-0.5, -2.0 ** -70, 0.2), (2.0 ** -70, 0.5, 0.2), (-1.0, -0.5, 0.15), (0.5, 1e3, 0.15)],
        "Expm1": [(-M, M, 0.3), (-0.5, -2.0 ** -70, 0.2), (2.0 ** -70, 0.5, 0.2), (-50.0, -0.5, 0.15), (0.5, 89.0 if M == FMAX else 710.0, 0.15)],
        "Softplus": [(-M, M, 0.3), (-1.0, 1.0, 0.2), (-750.0, -1.0, 0.25), (1.0, 750.0, 0.25)],
        "Sigmoid": [(-M, M, 0.3), (-1.0, 1.0, 0.2), (-750.0, -1.0, 0.25), (1.0, 750.0, 0.25)],
        "LogSigmoid": [(-M, M, 0.3), (-1.0, 1.0, 0.2), (-750.0, -1.0, 0.25), (1.0, 750.0, 0.25)],
        "Log1mExp": [(TINY, M, 0.3), (2.0 ** -70, LN2, 0.25), (LN2, 40.0, 0.25), (40.0, 750.0, 0.2)],
    }
    return s[name]


TRUTH1 = {
    "Log1p": t_log1p,
    "Expm1": t_expm1,
    "Softplus": t_softplus,
    "Sigmoid": t_sigmoid,
    "LogSigmoid": t_logsigmoid,
    "Log1mExp": t_log1mexp,
}


def gen_unary(name, n, single):
    M = FMAX if single else DMAX
    smp = Sampler(zlib.crc32(f"{name}/{single}".encode()), single)
    rnd = round_single if single else round_double
    rows = []
    for lo, hi, share in unary_segments(name, M):
        k = round(n * share)
        for _ in range(k):
            x = smp.draw(lo, hi)
            rows.append((x, rnd(TRUTH1[name](mpf(x)))))
    return rows


def gen_logsumexp(n, single):
    M = FMAX if single else DMAX
    smp = Sampler(zlib.crc32(f"LogSumExp/{single}".encode()), single)
    rnd = round_single if single else round_double
    rows = []
    for i in range(n):
        seg = i * 4 // n
        if seg == 0:  # whole range
            a, b = smp.draw(-M, M), smp.draw(-M, M)
        elif seg == 1:  # moderate values
            a, b = smp.draw(-1e3, 1e3), smp.draw(-1e3, 1e3)
        elif seg == 2:  # close together: b = a + d, |d| <= 40 (both terms matter)
            a = smp.draw(-1e3, 1e3)
            b = a + smp.draw(-40.0, 40.0)
            if single:
                b = to_f32(b)
        else:  # results near zero are ill-conditioned for every method: keep |a|, |b| around 1 to see them
            a, b = smp.draw(-4.0, 4.0), smp.draw(-4.0, 4.0)
        rows.append((a, b, rnd(t_logsumexp(mpf(a), mpf(b)))))
    return rows


def gen_hypot(n, single):
    M = FMAX if single else DMAX
    smp = Sampler(zlib.crc32(f"Hypot/{single}".encode()), single)
    rnd = round_single if single else round_double
    rows = []
    for i in range(n):
        seg = i * 3 // n
        if seg == 0:
            a, b = smp.draw(-M, M), smp.draw(-M, M)
        elif seg == 1:  # comparable magnitudes, where both squares matter
            a, b = smp.draw(0.5, 2.0), smp.draw(0.5, 2.0)
        else:
            a, b = smp.draw(-1e3, 1e3), smp.draw(-1e3, 1e3)
        rows.append((a, b, rnd(t_hypot(mpf(a), mpf(b)))))
    return rows


def main():
    os.makedirs(OUT, exist_ok=True)
    n_double, n_float = 2000, 1000
    for single, n, tag in ((False, n_double, "double"), (True, n_float, "float")):
        for name in TRUTH1:
            write_csv(os.path.join(OUT, f"{name}.{tag}.csv.gz"), ["x", "truth"], gen_unary(name, n, single))
        write_csv(os.path.join(OUT, f"LogSumExp.{tag}.csv.gz"), ["a", "b", "truth"], gen_logsumexp(n, single))
        write_csv(os.path.join(OUT, f"Hypot.{tag}.csv.gz"), ["a", "b", "truth"], gen_hypot(n, single))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
