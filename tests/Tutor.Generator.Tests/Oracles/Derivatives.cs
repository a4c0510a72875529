using System.Numerics;

namespace Tutor.Generator.Tests.Oracles;

/// <summary>Reference derivatives that know nothing of the generator.</summary>
public static class Derivatives
{
    /// <summary>The complex step. Small enough that h² terms vanish; large enough to stay clear of subnormals.</summary>
    public const double Step = 1e-30;

    /// <summary>f(point), evaluated as a complex number with zero imaginary part.</summary>
    public static double Value(Expr e, string[] vars, double[] point) => e.Eval(Env(vars, point, null)).Real;

    /// <summary>∂f/∂vars[i] = Im f(point + ih·eᵢ) / h, exact to rounding for analytic f.</summary>
    public static double[] ComplexStepGradient(Expr e, string[] vars, double[] point)
    {
        var g = new double[vars.Length];
        for (int i = 0; i < vars.Length; i++)
        {
            var dir = new double[vars.Length];
            dir[i] = 1;
            g[i] = ComplexStepDirectional(e, vars, point, dir);
        }
        return g;
    }

    /// <summary>The directional derivative ∇f · v by one complex step along v.</summary>
    public static double ComplexStepDirectional(Expr e, string[] vars, double[] point, double[] v) =>
        e.Eval(Env(vars, point, v)).Imaginary / Step;

    static Dictionary<string, Complex> Env(string[] vars, double[] point, double[]? v)
    {
        var env = new Dictionary<string, Complex>(StringComparer.Ordinal);
        for (int i = 0; i < vars.Length; i++) env[vars[i]] = new Complex(point[i], v is null ? 0 : v[i] * Step);
        return env;
    }

    /// <summary>
    /// ∂f/∂xᵢ by the fourth-order central difference (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / 12h,
    /// h = 1e-3·max(1, |xᵢ|): truncation ~h⁴, rounding ~ε/h, both near 1e-12 for tame f. For non-analytic f,
    /// evaluated away from the kinks.
    /// </summary>
    public static double CentralDifference(Func<double[], double> f, double[] point, int i)
    {
        double h = 1e-3 * Math.Max(1, Math.Abs(point[i]));
        double At(double k)
        {
            var p = (double[])point.Clone();
            p[i] += k * h;
            return f(p);
        }
        return (-At(2) + 8 * At(1) - 8 * At(-1) + At(-2)) / (12 * h);
    }

    /// <summary>|a − b| ≤ tol · max(1, |a|, |b|); non-finite values must agree exactly (same infinity or both NaN).</summary>
    public static bool Close(double a, double b, double tol)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b)) return a.Equals(b);
        return Math.Abs(a - b) <= tol * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
    }
}
