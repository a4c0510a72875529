using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>
/// At a kink there is no derivative, so the generator picks a convention; these are the ones the lessons teach
/// (and the ones PyTorch uses): |x|′(0) = 0, relu′(0) = 0, ties of max/min split ½–½, sgn′ = 0, √′(0) = +∞, ⌊x⌋′ = 0.
/// </summary>
public class KinkConventionTests
{
    const string Type = "Demo.Kinks";

    static readonly Lazy<LoadedAssembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(StudentSource.Class("""
            [Differentiable] public static double AbsK(double x) => Math.Abs(x);
            [Differentiable] public static double ReluK(double x) => StableMath.Relu(x);
            [Differentiable] public static double MaxK(double x, double y) => Math.Max(x, y);
            [Differentiable] public static double MinK(double x, double y) => Math.Min(x, y);
            [Differentiable] public static double SignK(double x) => Math.Sign(x) + x;
            [Differentiable] public static double SqrtK(double x) => Math.Sqrt(x);
            [Differentiable] public static double FloorK(double x) => Math.Floor(x);
            [Differentiable] public static double ClampK(double x) => Math.Clamp(x, -1.0, 1.0);
        """, "Kinks")));

    [Theory]
    [InlineData("AbsK", 0.0, 0.0)]
    [InlineData("AbsK", -2.0, -1.0)]
    [InlineData("ReluK", 0.0, 0.0)]
    [InlineData("ReluK", 1e-300, 1.0)]
    [InlineData("SignK", 0.0, 1.0)]
    [InlineData("SignK", -3.0, 1.0)]
    [InlineData("SqrtK", 0.0, double.PositiveInfinity)]
    [InlineData("FloorK", 1.5, 0.0)]
    [InlineData("FloorK", 2.0, 0.0)]
    [InlineData("ClampK", 0.5, 1.0)]
    [InlineData("ClampK", 2.0, 0.0)]
    public void One_variable_kinks(string method, double x, double expected)
    {
        var g = Compiled.Value.CallTuple(Type, method + "Gradient", x);
        Assert.Equal(expected, g[1]);
        var jvp = Compiled.Value.CallTuple(Type, method + "Jvp", x, 1.0);
        Assert.Equal(expected, jvp[1]);
    }

    [Theory]
    [InlineData("MaxK", 1.0, 1.0, 0.5, 0.5)]
    [InlineData("MaxK", 2.0, 1.0, 1.0, 0.0)]
    [InlineData("MinK", 1.0, 1.0, 0.5, 0.5)]
    [InlineData("MinK", 2.0, 1.0, 0.0, 1.0)]
    public void Ties_split_the_gradient(string method, double x, double y, double dx, double dy)
    {
        var g = Compiled.Value.CallTuple(Type, method + "Gradient", x, y);
        Assert.Equal(new[] { dx, dy }, g[1..]);
        Assert.Equal(dx, Compiled.Value.CallTuple(Type, method + "Jvp", x, y, 1.0, 0.0)[1]);
        Assert.Equal(dy, Compiled.Value.CallTuple(Type, method + "Jvp", x, y, 0.0, 1.0)[1]);
    }
}
