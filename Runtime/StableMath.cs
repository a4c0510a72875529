using Tutor.Numerics;

namespace Tutor;

/// <summary>
/// Accurate replacements for formulas that are exact in real arithmetic and wrong in floating point
/// (see docs NUMERICS.md). Double versions are within 1 ulp of the correctly rounded value (checked against
/// mpmath reference values in the accuracy tests): where composing <see cref="Math.Exp(double)"/> and
/// <see cref="Math.Log(double)"/> would lose more, they compute in double-double (an exponential and a logarithm
/// accurate to about 2⁻⁸⁰, see <c>Numerics/DoubleDouble.cs</c>) and round once. The float versions compute in double
/// and round once, which is accurate to about half an ulp of float.
/// </summary>
/// <remarks>
/// Do not replace these with .NET's <c>double.LogP1</c> / <c>double.ExpM1</c>: on .NET 10 those are plain
/// <c>Log(x + 1)</c> and <c>Exp(x) - 1</c> and lose every digit for tiny x.
/// </remarks>
public static partial class StableMath
{
    const double Ln2 = 0.6931471805599453;

    /// <summary>
    /// ln(1 + x), accurate for tiny x and within 1 ulp everywhere: a Taylor series for |x| &lt; 2⁻¹⁰, else the log of
    /// 1 + x formed exactly as a double-double (the rounding of 1 + x that Goldberg's trick cancels is kept instead).
    /// −∞ at −1, NaN below −1 and for NaN, +∞ at +∞; −0 gives −0.
    /// </summary>
    public static double Log1p(double x)
    {
        if (!(x > -1.0)) return x == -1.0 ? double.NegativeInfinity : double.NaN;
        if (x == 0 || double.IsPositiveInfinity(x)) return x;
        double hi = DoubleDouble.Log1p(x, 0.0, out double lo);
        return hi + lo;
    }

    /// <inheritdoc cref="Log1p(double)"/>
    public static float Log1p(float x) => (float)Log1p((double)x);

    /// <summary>
    /// eˣ − 1, accurate for tiny x and within 1 ulp everywhere: a Taylor series for |x| &lt; 2⁻¹⁰, else a double-double
    /// eˣ minus 1 (exact by Sterbenz near 0) rounded once. −1 at −∞, +∞ at +∞ and above ln(max double), NaN for NaN;
    /// −0 gives −0.
    /// </summary>
    public static double Expm1(double x)
    {
        if (double.IsNaN(x) || x == 0) return x;
        if (Math.Abs(x) < 0.0009765625)
        {
            // eˣ − 1 = x + x²/2 + … + x⁸/8! (truncation below 2⁻⁷⁰ relative): x + x²/2 in double-double, the rest
            // (below 2⁻²¹ relative) in double, rounded once.
            double sq = DoubleDouble.TwoProd(x, x, out double sqe);
            double c = sq * x * (1.0 / 6 + x * (1.0 / 24 + x * (1.0 / 120 + x * (1.0 / 720 + x * (1.0 / 5040 + x * (1.0 / 40320))))));
            double t = DoubleDouble.TwoSum(x, 0.5 * sq, out double tl);
            return t + (tl + (0.5 * sqe + c));
        }
        if (x < -38) return -1.0;                       // eˣ < 2⁻⁵⁴: −1 + eˣ rounds to −1
        if (x > 710) return double.PositiveInfinity;   // e^709.79 is already above the largest double
        double h = DoubleDouble.Exp(x, out double l, out int k);
        if (k > 1000) return DoubleDouble.Scale(h, l, k); // the − 1 is far below half an ulp
        double p = DoubleDouble.Pow2(k), eh = h * p, el = l * p; // exact: −55 ≤ k ≤ 1000
        double s = DoubleDouble.TwoSum(eh, -1.0, out double err);
        return s + (err + el);
    }

    /// <inheritdoc cref="Expm1(double)"/>
    public static float Expm1(float x) => (float)Expm1((double)x);

    /// <summary>
    /// softplus(x) = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|): no overflow at 800 and full accuracy at −40
    /// (4.248354255291589e−18, where the naive form gives 0). No threshold shortcut (PyTorch's returns x above 20,
    /// which is about 20 bits off in double). The exponential, the log1p and the sum are carried in double-double and
    /// rounded once (within 1 ulp). NaN gives NaN, +∞ gives +∞, −∞ gives 0.
    /// </summary>
    public static double Softplus(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 746) return x;    // e^−x is below 2⁻¹⁰⁷⁶: nothing to add
        if (x < -746) return 0.0; // e^x rounds to 0
        double h = DoubleDouble.Exp(-Math.Abs(x), out double l, out int k);
        if (k < -960)
        {
            // ln(1 + e) = e − e²/2 + …, and e² is far below an ulp of e (or of x).
            return x > 0 ? x : DoubleDouble.Scale(h, l, k);
        }
        double lh = DoubleDouble.Log1p(h * DoubleDouble.Pow2(k), l * DoubleDouble.Pow2(k), out double ll);
        if (x <= 0) return lh + ll;
        double s = DoubleDouble.TwoSum(x, lh, out double err);
        return s + (err + ll);
    }

    /// <inheritdoc cref="Softplus(double)"/>
    public static float Softplus(float x) => (float)Softplus((double)x);

    /// <summary>
    /// σ(x) = 1/(1 + e^−x), branched on the sign of x so that no exponential overflows: σ(800) = 1, σ(−800) = 0.
    /// The exponential, the denominator and the division are carried in double-double and rounded once (within
    /// 1 ulp). NaN gives NaN.
    /// </summary>
    public static double Sigmoid(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x >= 0)
        {
            if (x > 38) return 1.0; // 1 − e^−x with e^−x < 2⁻⁵⁴ rounds to 1
            double h = DoubleDouble.Exp(-x, out double l, out int k);
            double p = DoubleDouble.Pow2(k), eh = h * p, el = l * p;
            double d = DoubleDouble.TwoSum(1.0, eh, out double dl);
            dl += el;
            double q = 1.0 / d;
            double rem = Math.FusedMultiplyAdd(-q, d, 1.0) - q * dl; // 1 − q·(d + dl)
            return q + rem / d;
        }
        else
        {
            if (x < -746) return 0.0;
            double h = DoubleDouble.Exp(x, out double l, out int k);
            if (k < -960) return DoubleDouble.Scale(h, l, k); // σ = e·(1 − e + …) and e is below 2⁻⁹⁶⁰
            double p = DoubleDouble.Pow2(k), eh = h * p, el = l * p;
            double d = DoubleDouble.TwoSum(1.0, eh, out double dl);
            dl += el;
            double q = eh / d;
            double rem = Math.FusedMultiplyAdd(-q, d, eh) + el - q * dl; // (eh + el) − q·(d + dl)
            return q + rem / d;
        }
    }

    /// <inheritdoc cref="Sigmoid(double)"/>
    public static float Sigmoid(float x) => (float)Sigmoid((double)x);

    /// <summary>ln σ(x) = −softplus(−x): −800 at x = −800 (the naive form gives −∞).</summary>
    public static double LogSigmoid(double x) => -Softplus(-x);

    /// <inheritdoc cref="LogSigmoid(double)"/>
    public static float LogSigmoid(float x) => (float)LogSigmoid((double)x);

    /// <summary>
    /// ln(eᵃ + eᵇ) = m + ln(1 + e^−|a−b|) with m = max(a, b): LogSumExp(1000, 1000) = 1000.6931471805599.
    /// Both ±∞ and equal give that infinity (∞ − ∞ would be NaN); a NaN operand gives NaN.
    /// </summary>
    public static double LogSumExp(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.NaN;
        if (double.IsInfinity(a) && a == b) return a;
        double m = Math.Max(a, b);
        return m + Log1p(Math.Exp(-Math.Abs(a - b)));
    }

    /// <inheritdoc cref="LogSumExp(double, double)"/>
    public static float LogSumExp(float a, float b) => (float)LogSumExp((double)a, (double)b);

    /// <summary>ln(eᵃ + eᵇ), the same as <see cref="LogSumExp(double, double)"/> (NumPy's name).</summary>
    public static double LogAddExp(double a, double b) => LogSumExp(a, b);

    /// <inheritdoc cref="LogAddExp(double, double)"/>
    public static float LogAddExp(float a, float b) => LogSumExp(a, b);

    /// <summary>
    /// ln Σ e^xᵢ, shifted by the maximum so that no exponential overflows: [1000, 1001, 1002] gives 1002.4076059644444.
    /// Empty input gives −∞ (the log of an empty sum); any NaN gives NaN; a +∞ element gives +∞.
    /// </summary>
    public static double LogSumExp(ReadOnlySpan<double> xs)
    {
        if (xs.IsEmpty) return double.NegativeInfinity;
        int argMax = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            if (double.IsNaN(xs[i])) return double.NaN;
            if (xs[i] > xs[argMax]) argMax = i;
        }
        double m = xs[argMax];
        if (double.IsInfinity(m)) return m;
        // The maximum's own term is exactly 1; summing only the rest and using Log1p keeps the small terms.
        double rest = 0;
        for (int i = 0; i < xs.Length; i++)
            if (i != argMax) rest += Math.Exp(xs[i] - m);
        return m + Log1p(rest);
    }

    /// <inheritdoc cref="LogSumExp(ReadOnlySpan{double})"/>
    public static float LogSumExp(ReadOnlySpan<float> xs)
    {
        var wide = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++) wide[i] = xs[i];
        return (float)LogSumExp(wide);
    }

    /// <summary>
    /// ln(1 − e^−a) for a ≥ 0 (Mächler's log1mexp): <c>Log(-Expm1(-a))</c> for a ≤ ln 2, <c>Log1p(-Exp(-a))</c> above,
    /// each where it is accurate. −46.051701859880914 at a = 1e−20 (the naive form gives −∞); −∞ at 0; NaN for a &lt; 0;
    /// −0 at +∞. Both branches are carried in double-double and rounded once (within 1 ulp).
    /// </summary>
    public static double Log1mExp(double a)
    {
        if (double.IsNaN(a)) return a;
        if (a < 0) return double.NaN;
        if (a == 0) return double.NegativeInfinity;
        if (a <= Ln2)
        {
            // m = −expm1(−a) in (0, ½], as a double-double.
            double mh, ml;
            if (a < 0.0009765625)
            {
                // −expm1(−a) = a − a²/2 + a³/6 − … (truncation after a⁸ is below 2⁻⁷⁰ relative): a − a²/2 in
                // double-double, the rest in double.
                double sq = DoubleDouble.TwoProd(a, a, out double sqe);
                double c = sq * a * (1.0 / 6 + a * (-1.0 / 24 + a * (1.0 / 120 + a * (-1.0 / 720 + a * (1.0 / 5040 + a * (-1.0 / 40320))))));
                mh = DoubleDouble.TwoSum(a, -0.5 * sq, out ml);
                ml += c - 0.5 * sqe;
                mh = DoubleDouble.FastTwoSum(mh, ml, out ml);
            }
            else
            {
                double h = DoubleDouble.Exp(-a, out double l, out int k);
                double p = DoubleDouble.Pow2(k), eh = h * p, el = l * p; // k ∈ {−1, 0}
                mh = DoubleDouble.FastTwoSum(1.0 - eh, -el, out ml);   // 1 − eh is exact (Sterbenz)
            }
            double r = DoubleDouble.Log(mh, ml, out double rl);
            return r + rl;
        }
        else
        {
            if (a > 746) return -0.0; // −e^−a rounds to −0
            double h = DoubleDouble.Exp(-a, out double l, out int k);
            if (k < -960) return -DoubleDouble.Scale(h, l, k); // ln(1 − e) = −e − e²/2 − …, e² far below an ulp
            double r = DoubleDouble.Log1p(-h * DoubleDouble.Pow2(k), -l * DoubleDouble.Pow2(k), out double rl);
            return r + rl;
        }
    }

    /// <inheritdoc cref="Log1mExp(double)"/>
    public static float Log1mExp(float a) => (float)Log1mExp((double)a);

    /// <summary>ReLU: x &gt; 0 ? x : 0 (NaN propagates: a NaN input gives NaN, not 0).</summary>
    public static double Relu(double x) => x > 0 ? x : double.IsNaN(x) ? x : 0.0;

    /// <inheritdoc cref="Relu(double)"/>
    public static float Relu(float x) => x > 0 ? x : float.IsNaN(x) ? x : 0f;

    /// <summary>√(a² + b²) without overflow or underflow (<see cref="double.Hypot(double, double)"/>, ≤ 1 ulp).</summary>
    public static double Hypot(double a, double b) => double.Hypot(a, b);

    /// <inheritdoc cref="Hypot(double, double)"/>
    public static float Hypot(float a, float b) => float.Hypot(a, b);
}
