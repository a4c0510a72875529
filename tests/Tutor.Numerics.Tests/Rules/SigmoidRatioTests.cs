namespace Tutor.Numerics.Tests.Rules;

public class SigmoidRatioTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0007:Math.Exp(x) / (1 + Math.Exp(x))|}; }
        """);

    [Fact]
    public Task MathF_commuted_local() => Verify.AnalyzerAsync("""
        class C { float F(float x) { var e = MathF.Exp(x); return {|NUM0007:e / (e + 1)|}; } }
        """);

    [Fact]
    public Task Branched_stable_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x)); }
        """);

    [Fact]
    public Task Textbook_reciprocal_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => 1 / (1 + Math.Exp(-x)); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0007:Math.Exp(x) / (1 + Math.Exp(x))|}; }
        """, """
        class C { double F(double x) => StableMath.Sigmoid(x); }
        """);
}
