namespace Tutor.Numerics.Tests.Rules;

public class HandWrittenHyperbolicTests
{
    [Fact]
    public Task Tanh() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0019:(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(x) + Math.Exp(-x))|}; }
        """);

    [Fact]
    public Task Sinh_float() => Verify.AnalyzerAsync("""
        class C { float F(float x) => {|NUM0019:(MathF.Exp(x) - MathF.Exp(-x)) / 2|}; }
        """);

    [Fact]
    public Task Cosh_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => (Math.Exp(x) + Math.Exp(-x)) / 2; }
        """);

    [Fact]
    public Task Fix_tanh() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0019:(Math.Exp(x) - Math.Exp(-x)) / (Math.Exp(-x) + Math.Exp(x))|}; }
        """, """
        class C { double F(double x) => Math.Tanh(x); }
        """);

    [Fact]
    public Task Fix_sinh() => Verify.FixAsync("""
        class C { float F(float x) => {|NUM0019:(MathF.Exp(x) - MathF.Exp(-x)) / 2|}; }
        """, """
        class C { float F(float x) => MathF.Sinh(x); }
        """);
}
