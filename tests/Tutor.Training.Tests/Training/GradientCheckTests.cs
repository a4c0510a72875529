using CsCheck;

namespace Tutor.Training.Tests.Training;

public class GradientCheckTests
{
    // f(x) = Σ sin(xᵢ)·xᵢ₊₁ + exp(x₀/3): ∂f/∂xᵢ = cos(xᵢ)xᵢ₊₁ + sin(xᵢ₋₁) (+ exp(x₀/3)/3 for i = 0).
    static double F(double[] x)
    {
        double sum = Math.Exp(x[0] / 3);
        for (int i = 0; i + 1 < x.Length; i++) sum += Math.Sin(x[i]) * x[i + 1];
        return sum;
    }

    static double[] Grad(double[] x)
    {
        var g = new double[x.Length];
        g[0] = Math.Exp(x[0] / 3) / 3;
        for (int i = 0; i + 1 < x.Length; i++)
        {
            g[i] += Math.Cos(x[i]) * x[i + 1];
            g[i + 1] += Math.Sin(x[i]);
        }
        return g;
    }

    static readonly double[] Point = [0.3, -1.2, 2.5, 0.7, -0.4];

    [Fact]
    public void A_correct_gradient_passes_in_float64()
    {
        var result = GradientCheck.Check(F, Point, Grad(Point));
        Assert.True(result.Passed, result.ToString());
        Assert.Null(result.Warning);
        Assert.True(result.WorstRelativeError < 1e-8, result.ToString());
        Assert.Equal(new[] { 0.3, -1.2, 2.5, 0.7, -0.4 }, Point); // x is not modified
    }

    [Fact]
    public void A_wrong_gradient_fails_and_the_worst_coordinate_is_reported()
    {
        double[] wrong = Grad(Point);
        wrong[2] *= 1.001; // a 0.1% error in one coordinate
        var result = GradientCheck.Check(F, Point, wrong);
        Assert.False(result.Passed);
        Assert.Equal(2, result.WorstIndex);
        Assert.Equal(wrong[2], result.WorstAnalytic);
        Assert.Equal(Grad(Point)[2], result.WorstNumeric, 8);
        Assert.Contains("FAILED: worst coordinate 2", result.ToString());
    }

    [Fact]
    public void A_float32_check_carries_the_warning_to_check_in_float64()
    {
        float[] x = [.. Point.Select(v => (float)v)];
        float[] g = [.. Grad(Point).Select(v => (float)v)];
        var result = GradientCheck.Check(v => (float)F([.. v.Select(f => (double)f)]), x, g);
        Assert.True(result.Passed, result.ToString());
        Assert.Equal("finite differences in float32 lose about half the digits; check in float64", result.Warning);
        Assert.Equal("float32", result.Precision);
        Assert.Contains("warning: finite differences in float32", result.ToString());
    }

    [Fact]
    public void Random_quadratics_pass_and_a_transposed_matrix_gradient_fails()
    {
        // f = ½xᵀAx + bᵀx has ∇f = ½(A + Aᵀ)x + b; Ax + b is wrong whenever A is not symmetric.
        Gen.Int[2, 6].SelectMany(n => Gen.Double[-2, 2].Array[n * n + 2 * n].Select(v => (n, v))).Sample(t =>
        {
            var (n, v) = t;
            double[] a = v[..(n * n)], b = v[(n * n)..(n * n + n)], x = v[(n * n + n)..];
            double F(double[] z)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                {
                    s += b[i] * z[i];
                    for (int j = 0; j < n; j++) s += 0.5 * z[i] * a[i * n + j] * z[j];
                }
                return s;
            }
            double[] Gradient(bool symmetrise) => [.. Enumerable.Range(0, n).Select(i =>
                b[i] + Enumerable.Range(0, n).Sum(j => (symmetrise ? 0.5 * (a[i * n + j] + a[j * n + i]) : a[i * n + j]) * x[j]))];
            Assert.True(GradientCheck.Check(F, x, Gradient(true)).Passed);
            double asymmetry = Enumerable.Range(0, n).Max(i => Math.Abs(Gradient(true)[i] - Gradient(false)[i]));
            if (asymmetry > 1e-3) Assert.False(GradientCheck.Check(F, x, Gradient(false)).Passed);
        }, iter: 200);
    }
}
