#!/usr/bin/python3
"""True values for the accuracy table of the numerics catalogue (docs/numerics.md), written to tools/accuracy/data/.

    apt-get install -y python3-mpmath      # Debian's mpmath (1.2.1 was used)
    /usr/bin/python3 tools/accuracy/make_catalogue_reference.py
    dotnet run --project tools/accuracy/Tutor.Accuracy -c Release

For each measured catalogue row (the numbering of NUMERICS.md; 19, 20 and 21 have two parts; the exp-based rows
have a second file, row<id>-all, over all finite doubles), 512 points (Herbie's default sample is 256): every
input drawn independently and uniformly over binary64 ordinals in the row's range (refcommon.py), a point kept only where the true result exists (a real number or a signed infinity;
e.g. the quadratic formula needs b^2 >= 4ac). True values: the real formula at 3000 bits (mpmath), written in a form
without cancellation, rounded once to binary64. Output: row<id>.csv.gz, whose first line is "# range: ..." (read by
Tutor.Accuracy for the table), then a header (the input names, then truth), then the points as shortest round-trip
decimals. The fixed seeds make the files reproducible byte for byte.
"""
import os
import sys
import zlib
from fractions import Fraction

sys.dont_write_bytecode = True  # no __pycache__ in the repository
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from refcommon import DMAX, Sampler, fmt, mp, mpf, round_double  # noqa: E402

import gzip  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "data")
N = 512
ALL = (-DMAX, DMAX)
TINY = 5e-324


def softplus(x):
    return x + mp.log1p(mp.exp(-x)) if x > 0 else mp.log1p(mp.exp(x))


def lse(xs):
    m = max(xs)
    return m + mp.log(mp.fsum(mp.exp(x - m) for x in xs))


def quad_plus_root(a, b, c):
    d = mp.sqrt(b * b - 4 * a * c)
    if b >= 0 and b + d != 0:
        return 2 * c / (-b - d)  # = (-b + d) / (2a), without cancellation
    return (-b + d) / (2 * a)


def variance(xs):
    fs = [Fraction(float(x)) for x in xs]
    mean = sum(fs) / len(fs)
    v = sum((f - mean) ** 2 for f in fs) / len(fs)
    return mpf(v.numerator) / v.denominator  # exact to 3000 bits


# id: (inputs [(name, lo, hi)], truth, keep(inputs) or None, range text)
M1000 = (-1000.0, 1000.0)
ROWS = {
    "01": ([("x", *M1000), ("y", *M1000)], lambda x, y: -softplus(y - x), None, "x, y ∈ [−1000, 1000]"),
    "02": ([("a", *M1000), ("b", *M1000)], lambda a, b: lse([a, b]), None, "a, b ∈ [−1000, 1000]"),
    "03": ([("x0", *M1000), ("x1", *M1000), ("x2", *M1000)], lambda *xs: lse(list(xs)), None, "3 elements ∈ [−1000, 1000]"),
    "04": ([("x0", *M1000), ("x1", *M1000), ("x2", *M1000)], lambda *xs: mp.exp(xs[0] - lse(list(xs))), None,
           "3 elements ∈ [−1000, 1000], component 0"),
    "05": ([("x0", *M1000), ("x1", *M1000), ("x2", *M1000)], lambda *xs: xs[0] - lse(list(xs)), None,
           "3 elements ∈ [−1000, 1000], component 0"),
    "06": ([("x", *M1000)], softplus, None, "x ∈ [−1000, 1000]"),
    "07": ([("x", *M1000)], lambda x: 1 / (1 + mp.exp(-x)), None, "x ∈ [−1000, 1000]"),
    "08": ([("x", *M1000)], lambda x: -softplus(-x), None, "x ∈ [−1000, 1000]"),
    "09": ([("x", *M1000)], lambda x: 1 / (1 + mp.exp(x)), None, "x ∈ [−1000, 1000]"),
    "10": ([("z", *M1000), ("y", 0.0, 1.0)], lambda z, y: softplus(z) - z * y, None, "z ∈ [−1000, 1000], y ∈ [0, 1]"),
    "11": ([("x", -1.0, DMAX)], lambda x: mp.log1p(x), None, "x ∈ [−1, max]"),
    "12": ([("x", -745.0, 709.0)], lambda x: mp.expm1(x), None, "x ∈ [−745, 709]"),
    "13": ([("x", -DMAX, 1.0)], lambda x: mp.log1p(-x), None, "x ∈ [−max, 1]"),
    "14": ([("x", -745.0, 709.0)], lambda x: mp.expm1(x) / x, lambda x: x != 0, "x ∈ [−745, 709], x ≠ 0"),
    "15": ([("a", TINY, 1000.0)], lambda a: mp.log(-mp.expm1(-a)), None, "a ∈ (0, 1000]"),
    "16": ([("r", 1e-15, 1e-3), ("n", 1.0, 1e6)], lambda r, n: mp.exp(n * mp.log1p(r)), None,
           "r ∈ [1e−15, 1e−3], n ∈ [1, 1e6]"),
    "17": ([("x", *ALL), ("y", *ALL)], lambda x, y: mp.sqrt(x * x + y * y), None, "x, y all finite doubles"),
    "18": ([("x", *M1000)], lambda x: mp.log1p(2 * mp.sinh(x / 2) ** 2), None, "x ∈ [−1000, 1000]"),
    "19a": ([("x", *M1000)], lambda x: mp.tanh(x), None, "x ∈ [−1000, 1000]"),
    "19b": ([("x", *M1000)], lambda x: mp.sinh(x), None, "x ∈ [−1000, 1000]"),
    "20a": ([("x", *ALL)], lambda x: mp.asinh(x), None, "x all finite doubles"),
    "20b": ([("x", 1.0, DMAX)], lambda x: mp.acosh(x), None, "x ∈ [1, max]"),
    "21a": ([("x", *M1000)], lambda x: x, None, "x ∈ [−1000, 1000]"),
    "21b": ([("x", TINY, DMAX)], lambda x: x, None, "x ∈ (0, max]"),
    "22": ([("x", -3.141592653589793, 3.141592653589793)], lambda x: 2 * mp.sin(x / 2) ** 2, None, "x ∈ [−π, π]"),
    "23": ([("x", 0.0, DMAX)], lambda x: 1 / (mp.sqrt(x + 1) + mp.sqrt(x)), None, "x ∈ [0, max]"),
    "24": ([("a", -1e10, 1e10), ("b", -1e10, 1e10), ("c", -1e10, 1e10)], quad_plus_root,
           lambda a, b, c: a != 0 and mpf(b) ** 2 >= 4 * mpf(a) * mpf(c), "a, b, c ∈ [−1e10, 1e10], a ≠ 0, b² ≥ 4ac"),
    "25": ([("x", TINY, DMAX)], lambda x: 1 / (x * (x + 1)), None, "x ∈ (0, max]"),
    "26": ([("x", *ALL), ("y", *ALL)], lambda x, y: (x + y) * (x - y), None, "x, y all finite doubles"),
    "27": ([(f"x{i}", 1e9, 1e9 + 100) for i in range(4)], lambda *xs: variance(xs), None,
           "4 elements ∈ [1e9, 1e9 + 100]"),
    "28": ([("a", *ALL), ("b", *ALL)], lambda a, b: (a + b) / 2, None, "a, b all finite doubles"),
}

# The exp-based rows again over all finite doubles, Herbie's default when a formula has no precondition
# (ordinal sampling over [−1000, 1000] puts most points at |x| < 1, where the naive forms are fine).
for _rid in ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "18", "19a", "19b", "21a"]:
    _inputs, _truth, _keep, _text = ROWS[_rid]
    ROWS[_rid + "-all"] = ([(n, *ALL) if (lo, hi) == M1000 else (n, lo, hi) for n, lo, hi in _inputs], _truth, _keep,
                           _text.replace("∈ [−1000, 1000]", "all finite doubles"))


def generate(row_id):
    inputs, truth, keep, text = ROWS[row_id]
    smp = Sampler(zlib.crc32(f"catalogue/{row_id}".encode()))
    lines = [f"# range: {text}", ",".join([name for name, _, _ in inputs] + ["truth"])]
    count = 0
    while count < N:
        xs = [smp.draw(lo, hi) for _, lo, hi in inputs]
        if keep is not None and not keep(*xs):
            continue
        t = round_double(truth(*[mpf(x) for x in xs]))
        if t != t:  # NaN: no true result here
            continue
        lines.append(",".join(fmt(v) for v in xs + [t]))
        count += 1
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(OUT, f"row{row_id}.csv.gz"), "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    for row_id in ROWS:
        generate(row_id)
    print("wrote", len(ROWS), "files to", OUT)


if __name__ == "__main__":
    main()
