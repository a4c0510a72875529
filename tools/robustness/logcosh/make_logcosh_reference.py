#!/usr/bin/python3
"""True values of ln(cosh x) to check StableMath.LogCosh (issue 4, catalogue row 18), written to logcosh.csv.gz.

    apt-get install -y python3-mpmath
    /usr/bin/python3 tools/robustness/logcosh/make_logcosh_reference.py
    dotnet run -c Release --project tools/robustness/logcosh/LogCoshCheck -- tools/robustness/logcosh/logcosh.csv.gz

Points uniform over binary64 ordinals (tools/accuracy/refcommon.py) in several segments: all finite doubles and
[-1000, 1000] (Herbie's sampling), and the neighbourhoods of LogCosh's branch points (2^-30, 2^-10, 20). True values
at 3000 bits as log1p(2 sinh^2(x/2)) (no cancellation), or |x| - ln 2 + log1p(exp(-2|x|)) for |x| > 40
(dropping the log1p term above 2000, where it is below 2^-5000), rounded once.
Fixed seed: the output is reproducible. Also float: the truth rounded to binary32 at binary32 inputs.
"""
import os
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "accuracy"))
from refcommon import DMAX, FMAX, Sampler, mp, mpf, round_double, round_single, write_csv  # noqa: E402


def logcosh(x):
    x = abs(mpf(x))
    if x > 2000:  # exp(-2x) < 2^-5000: far below the 3000-bit working precision
        return x - mp.log(2)
    if x > 40:
        return x - mp.log(2) + mp.log1p(mp.exp(-2 * x))
    return mp.log1p(2 * mp.sinh(x / 2) ** 2)


segments = [(-DMAX, DMAX, 1000), (-1000.0, 1000.0, 2000), (-1e-8, 1e-8, 500), (-4e-3, 4e-3, 1000),
            (-25.0, 25.0, 2000), (18.0, 22.0, 500), (0.5, 3.0, 500)]
rows = []
s = Sampler(20261125)
for lo, hi, n in segments:
    for _ in range(n):
        x = s.draw(lo, hi)
        rows.append((x, round_double(logcosh(x))))
fs = Sampler(20261126, single=True)
frows = []
for lo, hi, n in [(-FMAX, FMAX, 500), (-100.0, 100.0, 1000), (-1e-3, 1e-3, 500)]:
    for _ in range(n):
        x = fs.draw(lo, hi)
        frows.append((x, round_single(logcosh(x))))
write_csv(os.path.join(HERE, "logcosh.csv.gz"), ["x", "truth"], rows)
write_csv(os.path.join(HERE, "logcosh-float.csv.gz"), ["x", "truth"], frows)
print(len(rows), "double points,", len(frows), "float points")
