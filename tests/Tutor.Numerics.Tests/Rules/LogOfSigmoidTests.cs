namespace Tutor.Numerics.Tests.Rules;

public class LogOfSigmoidTests
{
    [Fact]
    public Task Reciprocal_form() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0008:Math.Log(1 / (1 + Math.Exp(-x)))|}; }
        """);

    [Fact]
    public Task Ratio_form_float() => Verify.AnalyzerAsync("""
        class C { float F(float x) => {|NUM0008:MathF.Log(MathF.Exp(x) / (1 + MathF.Exp(x)))|}; }
        """);

    [Fact]
    public Task Of_stable_sigmoid() => Verify.AnalyzerAsync("""
        class C { double F(double x) { var p = StableMath.Sigmoid(x); return {|NUM0008:Math.Log(p)|}; } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.LogSigmoid(x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0008:Math.Log(1 / (1 + Math.Exp(-x)))|}; }
        """, """
        class C { double F(double x) => StableMath.LogSigmoid(x); }
        """);

    [Fact]
    public Task Fix_positive_exponent() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0008:Math.Log(1 / (1 + Math.Exp(x)))|}; }
        """, """
        class C { double F(double x) => StableMath.LogSigmoid(-x); }
        """);
}
