using Tutor.Symbolic;

namespace Tutor.Runtime.Tests;

public class DerivationTests
{
    static readonly Expr X = Expr.Var("x"), Y = Expr.Var("y");
    static Expr N(double v) => Expr.Num(v);
    static Expr C(string op, params Expr[] args) => Expr.Call(op, args);

    /// <summary>f(x, y) = (x + e^y) / (ln x + (x − y)³), the lesson's running example.</summary>
    static Derivation Example() => new("f", new[] { "x", "y" }, new[] { "x", "y" },
        C("Div", C("Add", X, C("Exp", Y)), C("Add", C("Log", X), C("Pow", C("Sub", X, Y), N(3)))));

    static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Example_values_at_3_4()
    {
        var d = Example();
        AssertRelative(584.086940999788, d.Evaluate(3, 4), 1e-12);
        AssertRelative(-19733.407431082, d.EvaluatePartial("x", 3, 4), 1e-12);
        AssertRelative(18322.858108625, d.EvaluatePartial("y", 3, 4), 1e-12);
    }

    [Fact]
    public void Example_latex_is_clean()
    {
        var d = Example();
        foreach (var s in new[] { d.Latex, d.PartialLatex("x"), d.PartialLatex("y") })
        {
            Assert.DoesNotContain("0 \\cdot", s);
            Assert.DoesNotContain("1 \\cdot", s);
            Assert.DoesNotContain("^{1}", s);
            Assert.DoesNotContain("--", s);
            Assert.DoesNotContain("+ -", s);
        }
        Assert.StartsWith("\\begin{aligned}", d.Latex);
        Assert.Contains("f(x, y) &= \\frac{x + e^{y}}{\\ln x + \\left(x - y\\right)^{3}}", d.Latex);
        Assert.Contains("\\frac{\\partial f}{\\partial y} &= ", d.Latex);
        Assert.Contains("∂f/∂x = ", d.Text);
        Assert.Equal(d.Text, d.ToString());
        Assert.Equal("(x + exp(y)) / (ln(x) + (x - y)^3)", d.Expression.ToText());
    }

    [Fact]
    public void Partials_are_cached()
    {
        var d = Example();
        Assert.Same(d.Partial("x"), d.Partial("x"));
        Assert.Throws<ArgumentException>(() => d.Partial("z"));
    }

    [Fact]
    public void Apply_uses_the_callees_partials_by_the_chain_rule()
    {
        // g(u) = u², f(x) = g(sin x) → f' = 2 sin x cos x
        var g = new Derivation("g", new[] { "u" }, new[] { "u" }, C("Pow", Expr.Var("u"), N(2)));
        var f = new Derivation("f", new[] { "x" }, new[] { "x" }, Expr.Apply("g", g, C("Sin", X)));
        Assert.Equal(Math.Pow(Math.Sin(0.7), 2), f.Evaluate(0.7), 15);
        Assert.Equal(2 * Math.Sin(0.7) * Math.Cos(0.7), f.EvaluatePartial("x", 0.7), 14);
        Assert.Equal("g(\\sin x)", f.Expression.ToLatex());
        Assert.Throws<ArgumentException>(() => Expr.Apply("g", g, X, Y));
    }

    [Fact]
    public void Apply_does_not_pass_derivatives_through_nodiff_parameters()
    {
        var g = new Derivation("g", new[] { "u", "k" }, new[] { "u" }, C("Mul", Expr.Var("u"), Expr.Var("k")));
        var f = new Derivation("f", new[] { "x" }, new[] { "x" }, Expr.Apply("g", g, X, X));
        Assert.Equal(2.0, f.EvaluatePartial("x", 2.0)); // only ∂g/∂u · 1 = k = x
    }

    [Fact]
    public void Constants_opaque_and_piecewise()
    {
        var pi = Expr.Constant("π", Math.PI);
        Assert.Equal("\\pi \\cdot x", C("Mul", pi, X).ToLatex());
        Assert.Equal("pi * x", C("Mul", pi, X).ToText());
        Assert.Equal(Math.PI, C("Mul", pi, X).Differentiate("x").Evaluate(new Dictionary<string, double>()));

        var opaque = Expr.Opaque("weights.Length");
        Assert.Equal(N(0), opaque.Differentiate("x"));
        var ex = Assert.Throws<InvalidOperationException>(() => C("Mul", opaque, X).Evaluate(new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Contains("weights.Length", ex.Message);

        var relu = Expr.Piecewise(Expr.Compare(">", X, N(0)), X, N(0));
        Assert.Equal(Expr.Piecewise(Expr.Compare(">", X, N(0)), N(1), N(0)), relu.Differentiate("x"));
        Assert.Contains("\\begin{cases}", relu.ToLatex());
        Assert.Equal("(x > 0 ? x : 0)", relu.ToText());
        Assert.Equal(0, relu.Evaluate(new Dictionary<string, double> { ["x"] = -2 }));
        var both = Expr.And(Expr.Compare(">=", X, N(0)), Expr.Not(Expr.Compare("==", X, N(1))));
        Assert.Equal(1, both.Evaluate(new Dictionary<string, double> { ["x"] = 0.5 }));
        Assert.Equal(0, Expr.Or(Expr.Compare("<", X, N(0)), Expr.Compare("!=", X, X)).Evaluate(new Dictionary<string, double> { ["x"] = 0.5 }));
    }

    [Fact]
    public void Call_validates_op_and_arity()
    {
        var unknown = Assert.Throws<ArgumentException>(() => Expr.Call("Frobnicate", X));
        Assert.Contains("Frobnicate", unknown.Message);
        var arity = Assert.Throws<ArgumentException>(() => Expr.Call("Exp", X, Y));
        Assert.Contains("Exp", arity.Message);
        Assert.Throws<ArgumentException>(() => Expr.Compare("=<", X, Y));
    }

    [Theory]
    [InlineData(1e-20, "10^{-20}", "1E-20")]
    [InlineData(2.5e-20, "2.5 \\times 10^{-20}", "2.5E-20")]
    [InlineData(3.0, "3", "3")]
    [InlineData(0.1, "0.1", "0.1")]
    public void Numbers_print_in_shortest_round_trip_form(double v, string latex, string text)
    {
        Assert.Equal(latex, N(v).ToLatex());
        Assert.Equal(text, N(v).ToText());
    }

    [Fact]
    public void Latex_uses_rule_templates_and_minimal_parentheses()
    {
        Assert.Equal("\\frac{x}{y}", C("Div", X, Y).ToLatex());
        Assert.Equal("\\sqrt{x + y}", C("Sqrt", C("Add", X, Y)).ToLatex());
        Assert.Equal("\\ln \\left(x + y\\right)", C("Log", C("Add", X, Y)).ToLatex());
        Assert.Equal("\\sin x", C("Sin", X).ToLatex());
        Assert.Equal("x - \\left(x - y\\right)", C("Sub", X, C("Sub", X, Y)).ToLatex());
        Assert.Equal("x - y - x", C("Sub", C("Sub", X, Y), X).ToLatex());
        Assert.Equal("\\left(x + y\\right) \\cdot x", C("Mul", C("Add", X, Y), X).ToLatex());
        Assert.Equal("x \\cdot \\left(-y\\right)", C("Mul", X, C("Neg", Y)).ToLatex());
        Assert.Equal("\\left(-x\\right)^{2}", C("Pow", C("Neg", X), N(2)).ToLatex());
        Assert.Equal("\\left(e^{x}\\right)^{2}", C("Pow", C("Exp", X), N(2)).ToLatex());
        Assert.Equal("x / (x * y)", C("Div", X, C("Mul", X, Y)).ToText());
        Assert.Equal("(x + y) * ln(y)", C("XLogY", C("Add", X, Y), Y).ToText());
        Assert.Equal("x_{1} + \\alpha", C("Add", Expr.Var("x1"), Expr.Var("alpha")).ToLatex());
    }
}
