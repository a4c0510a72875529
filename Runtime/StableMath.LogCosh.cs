using Tutor.Numerics;

namespace Tutor;

public static partial class StableMath
{
    /// <summary>
    /// ln(cosh x), without the overflow of <c>Math.Log(Math.Cosh(x))</c> (∞ at x = 800, where this gives
    /// 799.3068528194401) and without the cancellation of |x| + Log1p(e^−2|x|) − ln 2 for small |x|, where
    /// ln cosh x ≈ x²/2: LogCosh(1e−5) = 4.9999999999166676e−11, where that form gives 5.000000413701855e−11.
    /// Within 2 ulp of the correctly rounded value (correctly rounded at every point checked against mpmath, see
    /// <c>tools/robustness/logcosh/</c>).
    /// </summary>
    /// <remarks>
    /// With a = |x|: for a &lt; 2⁻³⁰, a·(a/2) (the next term, −a⁴/12, is below 2⁻⁶² relative); for a &lt; 2⁻¹⁰, the
    /// Taylor series a²/2 − a⁴/12 + a⁶/45 − 17a⁸/2520 + 31a¹⁰/14175 with a² as a double-double; up to 20,
    /// ln(1 + u) with u = cosh a − 1 = (eᵃ − 1)²/(2eᵃ) carried in double-double (eᵃ is accurate to about 2⁻⁸⁰ and
    /// eᵃ − 1 ≥ 2⁻¹⁰, so the subtraction keeps about 70 bits); above 20, (a − ln 2) + e^−2a (the log1p of e^−2a &lt; 2⁻⁵⁷ is that
    /// term itself). NaN gives NaN, ±∞ gives +∞, ±0 gives +0.
    /// </remarks>
    public static double LogCosh(double x)
    {
        double a = Math.Abs(x);
        if (double.IsNaN(a)) return x;
        if (a < 9.313225746154785E-10) return a * (0.5 * a);            // 2⁻³⁰
        if (a < 0.0009765625)                                            // 2⁻¹⁰
        {
            double sq = DoubleDouble.TwoProd(a, a, out double sqe);     // a² ≥ 2⁻⁶⁰: exact
            double tail = sq * sq * (-1.0 / 12 + sq * (1.0 / 45 + sq * (-17.0 / 2520 + sq * (31.0 / 14175))));
            return 0.5 * sq + (0.5 * sqe + tail);
        }
        if (a <= 20)
        {
            double h = DoubleDouble.Exp(a, out double l, out int k);   // eᵃ = 2ᵏ(h + l), 0 ≤ k ≤ 29
            double p = DoubleDouble.Pow2(k);
            double eh = h * p, el = l * p;                              // exact scaling
            double mh = DoubleDouble.TwoSum(eh, -1.0, out double ml);  // eᵃ − 1 ≥ 2⁻¹⁰
            ml += el;
            mh = DoubleDouble.FastTwoSum(mh, ml, out ml);
            double sh = DoubleDouble.TwoProd(mh, mh, out double sl);   // (eᵃ − 1)²
            sl += 2 * mh * ml;
            double dh = 2 * eh, dl = 2 * el;                           // 2eᵃ
            double q1 = sh / dh;                                       // u = (eᵃ − 1)² / (2eᵃ), double-double
            double t = DoubleDouble.TwoProd(q1, dh, out double te);
            double q2 = ((sh - t) - te + sl - q1 * dl) / dh;
            double uh = DoubleDouble.FastTwoSum(q1, q2, out double ul);
            double r = DoubleDouble.Log1p(uh, ul, out double rl);
            return r + rl;
        }
        if (double.IsPositiveInfinity(a)) return a;
        double s = DoubleDouble.TwoSum(a, -Ln2, out double se);
        return s + (se + (-2.3190468138462996e-17 + Math.Exp(-2 * a))); // ln 2 = Ln2 + 2.319e−17
    }

    /// <inheritdoc cref="LogCosh(double)"/>
    public static float LogCosh(float x) => (float)LogCosh((double)x);
}
