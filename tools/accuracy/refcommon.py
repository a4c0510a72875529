"""Shared helpers for the offline reference-value generators (make_reference.py, make_catalogue_reference.py).

Sampling follows Herbie (Panchekha et al., "Automatically Improving Accuracy for Floating Point Expressions",
PLDI 2015): inputs are drawn uniformly over floating-point *ordinals* (the integers that order the floats), not
over the reals, so every binade is sampled alike. True values are computed with mpmath at 3000 bits and rounded
once, correctly (round to nearest, ties to even, with subnormals and overflow), to binary64 or binary32.

Values are written as Python's shortest round-trip decimal (repr), which .NET's double.Parse reads back exactly;
infinities as "Infinity" / "-Infinity".
"""
import gzip
import math
import random
import struct

from mpmath import mp, mpf

mp.prec = 3000

DMAX = 1.7976931348623157e308
FMAX = 3.4028234663852886e38  # largest finite binary32, exactly


# ---------------------------------------------------------------- ordinals


def d_ord(d):
    """Ordinal of a binary64: b >= 0 ? b : -(b & long.MaxValue) (NUMERICS.md); +0 and -0 both map to 0."""
    b = struct.unpack("<q", struct.pack("<d", d))[0]
    return b if b >= 0 else -(b & 0x7FFFFFFFFFFFFFFF)


def d_from_ord(o):
    b = o if o >= 0 else (-o) | (1 << 63)
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def f_ord(f):
    b = struct.unpack("<i", struct.pack("<f", f))[0]
    return b if b >= 0 else -(b & 0x7FFFFFFF)


def f_from_ord(o):
    b = o if o >= 0 else (-o) | (1 << 31)
    return struct.unpack("<f", struct.pack("<I", b))[0]


def to_f32(x):
    """The binary32 nearest to a binary64 that is already a binary32 value (exact)."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


class Sampler:
    """Uniform over ordinals in [lo, hi] for binary64 (single=False) or binary32 (single=True)."""

    def __init__(self, seed, single=False):
        self.rng = random.Random(seed)
        self.single = single

    def draw(self, lo, hi):
        if self.single:
            return f_from_ord(self.rng.randint(f_ord(to_f32(lo)), f_ord(to_f32(hi))))
        return d_from_ord(self.rng.randint(d_ord(lo), d_ord(hi)))


# ---------------------------------------------------------------- correct rounding


def _round_binary(v, p, emin, emax):
    """Round an mpf to the nearest value of a binary format with p significand bits, min normal exponent emin,
    max exponent emax; returns a Python float (exact: every binary32/binary64 value is a Python float)."""
    if mp.isnan(v):
        return math.nan
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    if v == 0:
        return 0.0  # mpf has no signed zero; the tests treat +0 and -0 as equal
    sign = -1 if v < 0 else 1
    m, e = abs(v).man_exp  # |v| = m * 2**e exactly, m odd
    E = e + m.bit_length() - 1  # 2**E <= |v| < 2**(E+1)
    if E > emax:
        return sign * math.inf
    if E < emin - p - 1:  # below half the smallest subnormal
        return sign * 0.0
    q = max(E - (p - 1), emin - (p - 1))  # exponent of the unit in the last place
    if e >= q:
        mm = m << (e - q)
    else:
        s = q - e
        mm = m >> s
        rem = m & ((1 << s) - 1)
        half = 1 << (s - 1)
        if rem > half or (rem == half and (mm & 1)):
            mm += 1
    if mm.bit_length() + q > emax + 1:
        return sign * math.inf
    return sign * math.ldexp(mm, q)


def round_double(v):
    return _round_binary(v, 53, -1022, 1023)


def round_single(v):
    return _round_binary(v, 24, -126, 127)


def fmt(x):
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if math.isnan(x):
        return "NaN"
    return repr(float(x))


def write_csv(path, header, rows):
    """Writes a CSV; a path ending in .gz is gzip-compressed deterministically (no name, mtime 0)."""
    text = ",".join(header) + "\n" + "".join(",".join(fmt(v) for v in r) + "\n" for r in rows)
    data = text.encode("ascii")
    if path.endswith(".gz"):
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as f:
            f.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)
