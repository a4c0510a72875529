namespace Tutor.Runtime.Tests;

public class TraceTests
{
    /// <summary>f(x) = x·x, traced by hand as generated code would: x is used twice, so x̄ receives two contributions.</summary>
    static Trace Square(double x)
    {
        var b = new TraceBuilder("Square", "float64");
        b.Input("x", x, differentiable: true);
        b.Forward("t0", "Mul", "x * x", new[] { "x", "x" }, x * x);
        b.Seed("t0");
        b.Backward("x", "t0", 1, x, x, "Mul");
        b.Backward("x", "t0", 1, x, 2 * x, "Mul");
        return b.Build(x * x);
    }

    [Fact]
    public void A_variable_used_twice_receives_two_contributions()
    {
        var t = Square(3);
        Assert.Equal(9, t.Value);
        Assert.Equal(2, t.Backward.Count(s => s.Target == "x"));
        Assert.All(t.Backward, s => Assert.Equal(3, s.Contribution));
        Assert.Equal(6, t.Inputs.Single().Gradient);
        var step = t.Forward.Single();
        Assert.Equal(new double?[] { 3, 3 }, step.LocalDerivatives);
        Assert.Equal(1, step.Adjoint);
    }

    [Fact]
    public void ToText_shows_both_contributions()
    {
        string text = Square(3).ToText();
        var lines = text.Split('\n').Where(l => l.Contains("x̄ += t̄₀ · ∂t₀/∂x")).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("x̄ = 3", lines[0]);
        Assert.Contains("x̄ = 6", lines[1]);
        Assert.Contains("∂t₀/∂x = 3, ∂t₀/∂x = 3", text);
        Assert.Equal(text, Square(3).ToString());
    }

    [Fact]
    public void Constants_and_non_differentiable_inputs_get_no_derivative()
    {
        var b = new TraceBuilder("Scale", "float32");
        b.Input("x", 0.1f, true);
        b.Input("n", 3, false);
        b.Forward("t0", "Mul", "x * n", new[] { "x", "n" }, 0.3f);
        b.Branch("n > 0", true);
        b.Forward("t1", "Add", "t0 + 1", new[] { "t0", "1" }, 1.3f);
        b.Seed("t1");
        b.Backward("t0", "t1", 1, 1, 1, "Add");
        b.Backward("x", "t0", 1, 3, 3, "Mul");
        var t = b.Build(1.3f);
        Assert.Equal(new double?[] { 3, null }, t.Forward[0].LocalDerivatives);
        Assert.Equal(new double?[] { 1, null }, t.Forward[1].LocalDerivatives);
        Assert.Null(t.Inputs[1].Gradient);
        Assert.Equal(3, t.Inputs[0].Gradient);
        Assert.Equal(new TraceBranch(1, "n > 0", true), t.Branches.Single());
        string text = t.ToText();
        Assert.Contains("0.1 ", text); // float32 values print as floats, not 0.10000000149011612
        Assert.Contains("n > 0", text);
        Assert.Contains("(not differentiable)", text);
    }

    [Theory]
    [InlineData("t12", "t₁₂")]
    [InlineData("xBar", "x̄")]
    [InlineData("t3Bar", "t̄₃")]
    [InlineData("y_2", "y₂")]
    [InlineData("xDot", "ẋ")]
    [InlineData("x", "x")]
    [InlineData("3", "3")]
    public void Pretty_names(string code, string math) => Assert.Equal(math, TraceNames.Pretty(code));
}
