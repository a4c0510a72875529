using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>The formula of the lesson, f(x, y) = (x + eʸ) / (ln x + (x − y)³), in double and float, at (3, 4).</summary>
public class FormulaTests
{
    const string Type = "Demo.Formulas";

    static readonly Lazy<LoadedAssembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(StudentSource.Class("""
            [Differentiable]
            public static double F(double x, double y) => (x + Math.Exp(y)) / (Math.Log(x) + Math.Pow(x - y, 3));

            [Differentiable]
            public static float F32(float x, float y) => (x + MathF.Exp(y)) / (MathF.Log(x) + MathF.Pow(x - y, 3));
        """)));

    const double Value = 584.086940999788, Dx = -19733.407431082, Dy = 18322.858108625;

    static void AssertRelative(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"{what}: {actual:R}, expected {expected:R} (relative {tolerance:R})");

    [Fact]
    public void Gradient_of_F_at_3_4()
    {
        var g = Compiled.Value.CallTuple(Type, "FGradient", 3.0, 4.0);
        Assert.Equal(3, g.Length);
        AssertRelative(Value, g[0], 1e-12, "Value");
        AssertRelative(Dx, g[1], 1e-12, "∂f/∂x");
        AssertRelative(Dy, g[2], 1e-12, "∂f/∂y");
    }

    [Fact]
    public void Gradient_tuple_is_named_Value_dx_dy()
    {
        Assert.Equal(new string?[] { "Value", "dx", "dy" }, Compiled.Value.TupleNames(Type, "FGradient"));
        Assert.Equal(typeof((double, double, double)), Compiled.Value.Method(Type, "FGradient").ReturnType);
    }

    [Fact]
    public void Float_gradient_of_F32_at_3_4()
    {
        var method = Compiled.Value.Method(Type, "F32Gradient");
        Assert.Equal(typeof((float, float, float)), method.ReturnType);
        var g = Compiled.Value.CallTuple(Type, "F32Gradient", 3f, 4f);
        AssertRelative(Value, g[0], 1e-6, "Value");
        AssertRelative(-19733.3965, g[1], 1e-6, "∂f/∂x");
        AssertRelative(18322.8477, g[2], 1e-6, "∂f/∂y");
    }

    [Theory]
    [InlineData("FJvp", 1e-12)]
    [InlineData("F32Jvp", 1e-6)]
    public void Jvp_along_the_axes_gives_the_gradient_components(string method, double tolerance)
    {
        var alongX = Compiled.Value.CallTuple(Type, method, 3.0, 4.0, 1.0, 0.0);
        var alongY = Compiled.Value.CallTuple(Type, method, 3.0, 4.0, 0.0, 1.0);
        AssertRelative(Value, alongX[0], tolerance, "Value");
        AssertRelative(Dx, alongX[1], tolerance, "tangent along (1, 0)");
        AssertRelative(Dy, alongY[1], tolerance, "tangent along (0, 1)");
        Assert.Equal(new string?[] { "Value", "Tangent" }, Compiled.Value.TupleNames(Type, method));
    }

    [Fact]
    public void Derivation_evaluates_to_the_value_and_the_gradient()
    {
        object derivation = Compiled.Value.GetProperty(Type, "FDerivation")!;
        Assert.Equal("Tutor.Derivation", derivation.GetType().FullName);
        double[] args = [3.0, 4.0];
        var value = (double)LoadedAssembly.CallInstance(derivation, "Evaluate", args)!;
        var dx = (double)LoadedAssembly.CallInstance(derivation, "EvaluatePartial", "x", args)!;
        var dy = (double)LoadedAssembly.CallInstance(derivation, "EvaluatePartial", "y", args)!;
        var g = Compiled.Value.CallTuple(Type, "FGradient", 3.0, 4.0);
        AssertRelative(g[0], value, 1e-12, "Evaluate");
        AssertRelative(g[1], dx, 1e-10, "EvaluatePartial(x)");
        AssertRelative(g[2], dy, 1e-10, "EvaluatePartial(y)");
    }

    [Fact]
    public void Trace_records_the_steps()
    {
        object? trace = Compiled.Value.Call(Type, "FTrace", 3.0, 4.0);
        Assert.NotNull(trace);
        Assert.Equal("Tutor.Trace", trace.GetType().FullName);
    }
}
