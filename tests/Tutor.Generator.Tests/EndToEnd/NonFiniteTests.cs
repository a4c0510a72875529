using Tutor.Generator.Tests.Harness;
using Tutor.Training;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>
/// A generated gradient whose value is NaN or ∞ records the first step that made one (NonFinite.Last), and
/// TrainingMonitor names it. The expected step and line are read from the source here, not from the generator.
/// </summary>
public class NonFiniteTests
{
    const string Type = "Demo.Formulas";

    const string Members = """
            [Differentiable]
            public static double Loss(double x, double y)
            {
                double d = x - y;
                double l = Math.Log(d * d);
                double s = Math.Sqrt(x);
                return l + s * y;
            }

            [Differentiable]
            public static double Sum(double[] w, [NoDiff] double[] data)
            {
                double total = 0;
                for (int i = 0; i < w.Length; i++) total += w[i] * data[i];
                return total;
            }
        """;

    static readonly Lazy<LoadedAssembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(StudentSource.Class(Members)));

    static int LineOf(string text)
    {
        var lines = StudentSource.Class(Members).Split('\n');
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0);
        return index + 1;
    }

    [Fact]
    public void The_first_non_finite_step_is_recorded_with_the_students_line()
    {
        NonFinite.Clear();
        var g = Compiled.Value.CallTuple(Type, "LossGradient", 2.0, 2.0);   // d = 0: log(0) = −∞ before anything else
        Assert.Equal(double.NegativeInfinity, g[0]);
        var origin = NonFinite.Last;
        Assert.NotNull(origin);
        Assert.False(origin.IsInput);
        Assert.Equal("Loss", origin.Method);
        Assert.Equal(LineOf("Math.Log(d * d)"), origin.Line);
        Assert.StartsWith("l = ", origin.Step, StringComparison.Ordinal);
        Assert.Equal("−∞", origin.Value);
    }

    [Fact]
    public void A_finite_value_records_nothing_and_a_nan_later_in_the_code_is_found_there()
    {
        NonFinite.Clear();
        Compiled.Value.CallTuple(Type, "LossGradient", 3.0, 2.0);
        Assert.Null(NonFinite.Last);

        Compiled.Value.CallTuple(Type, "LossGradient", -1.0, 2.0);   // log(9) is fine, √−1 is NaN
        Assert.Equal(LineOf("Math.Sqrt(x)"), NonFinite.Last!.Line);
        Assert.Equal("NaN", NonFinite.Last.Value);
    }

    [Fact]
    public void An_input_that_is_already_nan_is_named_as_the_input()
    {
        NonFinite.Clear();
        Compiled.Value.Call(Type, "SumGradient", new[] { 1.0, double.NaN, 3.0 }, new[] { 1.0, 1.0, 1.0 });
        var origin = NonFinite.Last!;
        Assert.True(origin.IsInput);
        Assert.Equal("w", origin.Step);
        Assert.Equal("NaN at [1] of 3 values", origin.Value);

        NonFinite.Clear();
        Compiled.Value.Call(Type, "SumGradient", new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, double.PositiveInfinity, 1.0 });
        Assert.Equal("data", NonFinite.Last!.Step);   // the data, not the weights
    }

    [Fact]
    public void TrainingMonitor_names_the_step_of_the_students_code_that_made_the_nan()
    {
        var monitor = new TrainingMonitor();
        monitor.Check(0, Compiled.Value.CallTuple(Type, "LossGradient", 3.0, 2.0)[0]);
        var report = monitor.Check(1, Compiled.Value.CallTuple(Type, "LossGradient", 2.0, 2.0)[0]);
        Assert.NotNull(report);
        Assert.NotNull(report.Origin);
        Assert.Contains($"Student0.cs line {LineOf("Math.Log(d * d)")}", report.Message, StringComparison.Ordinal);
        Assert.Contains("at step 1", report.Message, StringComparison.Ordinal);

        // A record made before the monitor existed is not blamed for a later NaN that no generated gradient saw.
        var fresh = new TrainingMonitor();
        Assert.Null(fresh.Check(5, double.NaN)!.Origin);
    }
}
