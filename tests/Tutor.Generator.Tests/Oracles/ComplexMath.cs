using System.Numerics;

namespace Tutor.Generator.Tests.Oracles;

/// <summary>
/// Complex versions of the functions the generator differentiates, written so that a tiny imaginary part
/// (the complex step, 1e-30) survives every operation. <see cref="Complex"/>'s own Atan, Pow and Tanh lose it
/// (they add it to 1, or go through polar form), so each function here is built from identities whose pieces
/// keep it: Exp, Log (for Re z &gt; 0), Sin, Cos, Sinh, Cosh, +, −, ·, / of <see cref="Complex"/> do.
/// None of these use a derivative formula; that is what keeps the oracle independent of the generator.
/// </summary>
public static class ComplexMath
{
    public static Complex Exp(Complex z) => Complex.Exp(z);

    /// <summary>Principal log; for Re z &lt; 0 the real-axis branch cut is avoided by log(−z) + iπ.</summary>
    public static Complex Log(Complex z) =>
        z.Real >= 0 ? Complex.Log(z) : Complex.Log(-z) + new Complex(0, Math.PI * Math.Sign(z.Imaginary == 0 ? 1 : z.Imaginary));

    public static Complex Log10(Complex z) => Log(z) / Math.Log(10);

    public static Complex LogBase(Complex a, Complex b) => Log(a) / Log(b);

    public static Complex Sqrt(Complex z) => z.Real > 0 ? Exp(0.5 * Complex.Log(z)) : Complex.Sqrt(z);

    public static Complex Cbrt(Complex z) => z.Real >= 0 ? Exp(Complex.Log(z) / 3) : -Exp(Complex.Log(-z) / 3);

    /// <summary>Integer powers by repeated multiplication: polar form would lose the step for negative bases.</summary>
    public static Complex PowInt(Complex z, int n)
    {
        Complex result = Complex.One;
        for (int i = 0; i < Math.Abs(n); i++) result *= z;
        return n < 0 ? Complex.One / result : result;
    }

    public static Complex Pow(Complex a, Complex b)
    {
        if (b.Imaginary == 0 && b.Real == Math.Round(b.Real) && Math.Abs(b.Real) <= 16) return PowInt(a, (int)b.Real);
        return Exp(b * Log(a));
    }

    public static Complex Sin(Complex z) => Complex.Sin(z);
    public static Complex Cos(Complex z) => Complex.Cos(z);
    public static Complex Tan(Complex z) => Complex.Sin(z) / Complex.Cos(z);
    public static Complex Sinh(Complex z) => Complex.Sinh(z);
    public static Complex Cosh(Complex z) => Complex.Cosh(z);

    /// <summary>tanh(a + ib) = (tanh a + i tan b) / (1 + i tanh a tan b).</summary>
    public static Complex Tanh(Complex z)
    {
        double t = Math.Tanh(z.Real), u = Math.Tan(z.Imaginary);
        return new Complex(t, u) / new Complex(1, t * u);
    }

    /// <summary>atan(a + ib) = ½ atan2(2a, 1 − a² − b²) + ¼ i log1p(4b / (a² + (1 − b)²)).</summary>
    public static Complex Atan(Complex z)
    {
        double a = z.Real, b = z.Imaginary;
        return new Complex(0.5 * Math.Atan2(2 * a, (1 - a) * (1 + a) - b * b), 0.25 * Log1p(4 * b / (a * a + (1 - b) * (1 - b))));
    }

    /// <summary>log(1 + u) accurate for tiny u (Goldberg's trick); Math has no log1p.</summary>
    public static double Log1p(double u)
    {
        double w = 1 + u;
        return w == 1 ? u : Math.Log(w) * u / (w - 1);
    }

    /// <summary>asin z = atan(z / √(1 − z²)) for |Re z| &lt; 1.</summary>
    public static Complex Asin(Complex z) => Atan(z / Sqrt(Complex.One - z * z));

    public static Complex Acos(Complex z) => Math.PI / 2 - Asin(z);

    /// <summary>atan2(y, x) = 2 atan(y / (√(x² + y²) + x)), valid off the negative real axis.</summary>
    public static Complex Atan2(Complex y, Complex x) => 2 * Atan(y / (Sqrt(x * x + y * y) + x));

    public static Complex Log1p(Complex z) => Log(Complex.One + z);
    public static Complex Expm1(Complex z) => Exp(z) - Complex.One;
    public static Complex Softplus(Complex z) => z.Real > 30 ? z + Log(Complex.One + Exp(-z)) : Log(Complex.One + Exp(z));
    public static Complex Sigmoid(Complex z) => Complex.One / (Complex.One + Exp(-z));
    public static Complex LogSigmoid(Complex z) => -Softplus(-z);

    public static Complex LogSumExp(Complex a, Complex b)
    {
        Complex m = a.Real >= b.Real ? a : b;
        return m + Log(Exp(a - m) + Exp(b - m));
    }

    public static Complex Hypot(Complex a, Complex b) => Sqrt(a * a + b * b);
}
