namespace Tutor.Numerics.Tests.Rules;

public class BinaryCrossEntropyTests
{
    [Fact]
    public Task Negated_sum() => Verify.AnalyzerAsync("""
        class C { double F(double z, double y) { var p = 1 / (1 + Math.Exp(-z)); return {|NUM0010:-(y * Math.Log(p) + (1 - y) * Math.Log(1 - p))|}; } }
        """);

    [Fact]
    public Task Commuted_stable_sigmoid() => Verify.AnalyzerAsync("""
        class C { double F(double z, double y) { var p = StableMath.Sigmoid(z); return {|NUM0010:-(Math.Log(1 - p) * (1 - y) + y * Math.Log(p))|}; } }
        """);

    [Fact]
    public Task Difference_form() => Verify.AnalyzerAsync("""
        class C { double F(double z, double y) { var p = 1 / (1 + Math.Exp(-z)); return {|NUM0010:-y * Math.Log(p) - (1 - y) * Math.Log(1 - p)|}; } }
        """);

    [Fact]
    public Task Plain_probability_gets_only_the_accuracy_notes() => Verify.AnalyzerAsync("""
        class C { double F(double p, double y) => -({|NUM0029:y * Math.Log(p)|} + {|NUM0029:(1 - y) * {|NUM0013:Math.Log(1 - p)|}|}); }
        """);

    [Fact]
    public Task Stable_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double z, double y) => Math.Max(z, 0) - z * y + StableMath.Log1p(Math.Exp(-Math.Abs(z))); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double z, double y) { var p = 1 / (1 + Math.Exp(-z)); return {|NUM0010:-(y * Math.Log(p) + (1 - y) * Math.Log(1 - p))|}; } }
        """, """
        class C { double F(double z, double y) { var p = 1 / (1 + Math.Exp(-z)); return Math.Max(z, 0) - z * y + StableMath.Log1p(Math.Exp(-Math.Abs(z))); } }
        """);
}
