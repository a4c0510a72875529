namespace Tutor;

/// <summary>
/// Accurate replacements for formulas that are exact in real arithmetic and wrong in floating point
/// (see docs NUMERICS.md). Double versions are accurate to about 1 ulp; the float versions compute in double
/// and round once, which is accurate to about half an ulp of float.
/// </summary>
/// <remarks>
/// Do not replace these with .NET's <c>double.LogP1</c> / <c>double.ExpM1</c>: on .NET 10 those are plain
/// <c>Log(x + 1)</c> and <c>Exp(x) - 1</c> and lose every digit for tiny x.
/// </remarks>
public static partial class StableMath
{
    const double Ln2 = 0.6931471805599453;

    /// <summary>ln(1 + x), accurate for tiny x (Goldberg's trick for |x| ≤ ½: the rounding of 1 + x cancels out).</summary>
    public static double Log1p(double x)
    {
        if (Math.Abs(x) <= 0.5)
        {
            double u = 1.0 + x;
            // u - 1 is exact here, and Log(u)/(u - 1) varies slowly, so the ratio corrects the rounding of 1 + x.
            return u == 1.0 ? x : Math.Log(u) * (x / (u - 1.0));
        }
        return Math.Log(1.0 + x);
    }

    /// <inheritdoc cref="Log1p(double)"/>
    public static float Log1p(float x) => (float)Log1p((double)x);

    /// <summary>eˣ − 1, accurate for tiny x (Kahan's trick for |x| ≤ ½: divide by the log of the rounded exponential).</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) <= 0.5)
        {
            double u = Math.Exp(x);
            if (u == 1.0) return x;
            double um1 = u - 1.0;
            // Kahan's guard: when u − 1 rounds to −1 the correction ratio is meaningless (not reachable for |x| ≤ ½,
            // kept so the formula stays safe if the range is ever widened).
            if (um1 == -1.0) return -1.0;
            return um1 * (x / Math.Log(u));
        }
        return Math.Exp(x) - 1.0;
    }

    /// <inheritdoc cref="Expm1(double)"/>
    public static float Expm1(float x) => (float)Expm1((double)x);

    /// <summary>
    /// softplus(x) = ln(1 + eˣ), computed as max(x, 0) + ln(1 + e^−|x|): no overflow at 800 and full accuracy at −40
    /// (4.248354255291589e−18, where the naive form gives 0). No threshold shortcut (PyTorch's returns x above 20,
    /// which is about 20 bits off in double).
    /// </summary>
    public static double Softplus(double x) => Math.Max(x, 0.0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <inheritdoc cref="Softplus(double)"/>
    public static float Softplus(float x) => (float)Softplus((double)x);

    /// <summary>σ(x) = 1/(1 + e^−x), branched on the sign of x so that no exponential overflows: σ(800) = 1, σ(−800) = 0.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
        double e = Math.Exp(x); // also reached by NaN, which propagates
        return e / (1.0 + e);
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
    /// each where it is accurate. −46.051701859880914 at a = 1e−20 (the naive form gives −∞); −∞ at 0; NaN for a &lt; 0.
    /// </summary>
    public static double Log1mExp(double a) => a <= Ln2 ? Math.Log(-Expm1(-a)) : Log1p(-Math.Exp(-a));

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
