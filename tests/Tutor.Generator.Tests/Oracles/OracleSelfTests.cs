using Tutor.Generator.Tests.Oracles;
using static Tutor.Generator.Tests.Oracles.Expr;

namespace Tutor.Generator.Tests.OracleChecks;

/// <summary>The oracles are checked against derivatives worked out by hand, so a generator failure is the generator's.</summary>
public class OracleSelfTests
{
    static readonly string[] Vars = ["x", "y"];

    public static TheoryData<string, double, double> Unary => new()
    {
        { "Exp", 0.7, Math.Exp(0.7) },
        { "Log", 0.7, 1 / 0.7 },
        { "Log10", 0.7, 1 / (0.7 * Math.Log(10)) },
        { "Sqrt", 0.7, 0.5 / Math.Sqrt(0.7) },
        { "Cbrt", -0.7, 1 / (3 * Math.Cbrt(0.49)) },
        { "Sin", 0.7, Math.Cos(0.7) },
        { "Cos", 0.7, -Math.Sin(0.7) },
        { "Tan", 0.7, 1 / (Math.Cos(0.7) * Math.Cos(0.7)) },
        { "Asin", -0.3, 1 / Math.Sqrt(1 - 0.09) },
        { "Acos", 0.3, -1 / Math.Sqrt(1 - 0.09) },
        { "Atan", -1.7, 1 / (1 + 1.7 * 1.7) },
        { "Sinh", 0.7, Math.Cosh(0.7) },
        { "Cosh", 0.7, Math.Sinh(0.7) },
        { "Tanh", 0.7, 1 - Math.Tanh(0.7) * Math.Tanh(0.7) },
        { "Log1p", 0.7, 1 / 1.7 },
        { "Expm1", 0.7, Math.Exp(0.7) },
        { "Softplus", 0.7, 1 / (1 + Math.Exp(-0.7)) },
        { "Sigmoid", 0.7, Math.Exp(-0.7) / ((1 + Math.Exp(-0.7)) * (1 + Math.Exp(-0.7))) },
        { "LogSigmoid", 0.7, 1 / (1 + Math.Exp(0.7)) },
    };

    static Fn Find(string name) =>
        (Fn)typeof(Fn).GetField(name)!.GetValue(null)!;

    [Theory]
    [MemberData(nameof(Unary))]
    public void Complex_step_matches_the_derivative_by_hand(string fn, double x, double expected)
    {
        var g = Derivatives.ComplexStepGradient(Of(Find(fn), X), Vars, [x, 0]);
        Assert.True(Derivatives.Close(g[0], expected, 1e-14), $"{fn}'({x}) = {g[0]:R}, by hand {expected:R}");
    }

    [Fact]
    public void Complex_step_of_binary_functions_matches_the_derivative_by_hand()
    {
        double x = -1.3, y = 0.6;
        AssertGradient(Of(Fn.Atan2, Y, X), x, y, -y / (x * x + y * y), x / (x * x + y * y));
        AssertGradient(Of(Fn.Hypot, X, Y), x, y, x / Math.Sqrt(x * x + y * y), y / Math.Sqrt(x * x + y * y));
        double lse = Math.Log(Math.Exp(x) + Math.Exp(y));
        AssertGradient(Of(Fn.LogSumExp, X, Y), x, y, Math.Exp(x - lse), Math.Exp(y - lse));
        AssertGradient(Of(Fn.Pow, X, 3), x, y, 3 * x * x, 0);
        AssertGradient(Of(Fn.Pow, Y, X), x, y, Math.Pow(y, x) * Math.Log(y), x * Math.Pow(y, x - 1));
        AssertGradient(Of(Fn.LogBase, Y, 2.0 + X * X), x, y,
            -Math.Log(y) * 2 * x / ((2 + x * x) * Math.Pow(Math.Log(2 + x * x), 2)), 1 / (y * Math.Log(2 + x * x)));
    }

    [Fact]
    public void The_formula_of_the_brief_matches_its_published_gradient()
    {
        var f = (X + Of(Fn.Exp, Y)) / (Of(Fn.Log, X) + Of(Fn.Pow, X - Y, 3));
        Assert.True(Derivatives.Close(Derivatives.Value(f, Vars, [3, 4]), 584.086940999788, 1e-12));
        var g = Derivatives.ComplexStepGradient(f, Vars, [3, 4]);
        Assert.True(Math.Abs(g[0] / -19733.407431082 - 1) < 1e-12, g[0].ToString("R"));
        Assert.True(Math.Abs(g[1] / 18322.858108625 - 1) < 1e-12, g[1].ToString("R"));
    }

    [Fact]
    public void Central_differences_agree_with_complex_step_on_smooth_functions()
    {
        var f = Of(Fn.Sin, X * Y) + Of(Fn.Exp, X) / (1.0 + Y * Y);
        double[] p = [0.4, -1.1];
        var g = Derivatives.ComplexStepGradient(f, Vars, p);
        for (int i = 0; i < 2; i++)
        {
            double cd = Derivatives.CentralDifference(q => Derivatives.Value(f, Vars, q), p, i);
            Assert.True(Derivatives.Close(cd, g[i], 1e-9), $"{cd:R} vs {g[i]:R}");
        }
    }

    static void AssertGradient(Expr f, double x, double y, double dx, double dy)
    {
        var g = Derivatives.ComplexStepGradient(f, Vars, [x, y]);
        Assert.True(Derivatives.Close(g[0], dx, 1e-14), $"{f}: ∂x {g[0]:R}, by hand {dx:R}");
        Assert.True(Derivatives.Close(g[1], dy, 1e-14), $"{f}: ∂y {g[1]:R}, by hand {dy:R}");
    }
}
