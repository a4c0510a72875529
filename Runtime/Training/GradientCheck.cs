using System.Globalization;

namespace Tutor.Training;

/// <summary>
/// Checks a gradient against central differences, ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ, coordinate by coordinate.
/// </summary>
/// <remarks>
/// The central difference has truncation error ~h²·f‴/6 and rounding error ~ε·|f|/h; the step
/// hᵢ = ∛ε·max(1, |xᵢ|) balances them, leaving about two thirds of the digits: ~1e−10 relative in float64, but only
/// ~1e−3 in float32 (ε = 1.2e−7). That is why checks belong in float64, and why the float32 overload says so.
/// A coordinate passes when |analytic − numeric| ≤ atol + rtol·max(|analytic|, |numeric|) (numpy's isclose, symmetric).
/// </remarks>
public static class GradientCheck
{
    /// <summary>The warning attached to every float32 check.</summary>
    public const string Float32Warning = "finite differences in float32 lose about half the digits; check in float64";

    /// <summary>The central-difference gradient of <paramref name="f"/> at <paramref name="x"/> (x itself is not modified).</summary>
    /// <param name="f">The function; it must not keep the array it is given.</param>
    /// <param name="x">The point.</param>
    /// <param name="relativeStep">h relative to max(1, |xᵢ|); default ∛ε ≈ 6.1e−6.</param>
    public static double[] Numeric(Func<double[], double> f, double[] x, double? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        double scale = relativeStep ?? Math.Cbrt(2.220446049250313e-16);
        var probe = (double[])x.Clone();
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i];
            double h = (xi + scale * Math.Max(1.0, Math.Abs(xi))) - xi; // exactly representable step
            probe[i] = xi + h;
            double up = f(probe);
            probe[i] = xi - h;
            double down = f(probe);
            probe[i] = xi;
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    /// <summary>The float32 central-difference gradient (step ∛ε₃₂ ≈ 4.9e−3 relative). Prefer the float64 overload.</summary>
    public static float[] Numeric(Func<float[], float> f, float[] x, float? relativeStep = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        float scale = relativeStep ?? MathF.Cbrt(1.1920929e-7f);
        var probe = (float[])x.Clone();
        var gradient = new float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            float xi = x[i];
            float h = (xi + scale * MathF.Max(1f, MathF.Abs(xi))) - xi;
            probe[i] = xi + h;
            float up = f(probe);
            probe[i] = xi - h;
            float down = f(probe);
            probe[i] = xi;
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    /// <summary>Compares <paramref name="gradient"/> with the float64 central differences of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="gradient">The gradient to check (generated, or derived by hand).</param>
    /// <param name="relativeTolerance">rtol.</param>
    /// <param name="absoluteTolerance">atol, for coordinates whose gradient is near zero.</param>
    public static GradientCheckResult Check(Func<double[], double> f, double[] x, double[] gradient, double relativeTolerance = 1e-6, double absoluteTolerance = 1e-8)
    {
        CheckLengths(x.Length, gradient.Length);
        return Compare(gradient, Numeric(f, x), relativeTolerance, absoluteTolerance, "float64", null);
    }

    /// <summary>
    /// Compares a float32 gradient with float32 central differences, with tolerances loose enough for float32
    /// (rtol 1e−2, atol 1e−3), and flags the result with <see cref="Float32Warning"/>. Check in float64 where you can.
    /// </summary>
    public static GradientCheckResult Check(Func<float[], float> f, float[] x, float[] gradient, double relativeTolerance = 1e-2, double absoluteTolerance = 1e-3)
    {
        CheckLengths(x.Length, gradient.Length);
        double[] analytic = [.. gradient.Select(g => (double)g)];
        double[] numeric = [.. Numeric(f, x).Select(g => (double)g)];
        return Compare(analytic, numeric, relativeTolerance, absoluteTolerance, "float32", Float32Warning);
    }

    static GradientCheckResult Compare(double[] analytic, double[] numeric, double rtol, double atol, string precision, string? warning)
    {
        int worst = -1;
        double worstRatio = -1;
        for (int i = 0; i < analytic.Length; i++)
        {
            double allowed = atol + rtol * Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric[i]));
            double error = Math.Abs(analytic[i] - numeric[i]);
            double ratio = double.IsNaN(error) ? double.PositiveInfinity : allowed > 0 ? error / allowed : error > 0 ? double.PositiveInfinity : 0;
            if (ratio > worstRatio) (worst, worstRatio) = (i, ratio);
        }
        return new GradientCheckResult(worstRatio <= 1, numeric, worst, rtol, atol, precision, warning, analytic);
    }

    static void CheckLengths(int x, int gradient)
    {
        if (x != gradient) throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the gradient has {gradient} entries but x has {x}"));
    }
}
