namespace Tutor.Numerics.Tests.Rules;

public class HandWrittenInverseHyperbolicTests
{
    [Fact]
    public Task Asinh() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0020:Math.Log(x + Math.Sqrt(x * x + 1))|}; }
        """);

    [Fact]
    public Task Acosh_commuted() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0020:Math.Log(Math.Sqrt(x * x - 1) + x)|}; }
        """);

    [Fact]
    public Task Asinh_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => Math.Asinh(x); }
        """);

    [Fact]
    public Task Fix_asinh() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0020:Math.Log(x + Math.Sqrt(x * x + 1))|}; }
        """, """
        class C { double F(double x) => Math.Asinh(x); }
        """);

    [Fact]
    public Task Fix_acosh() => Verify.FixAsync("""
        class C { float F(float x) => {|NUM0020:MathF.Log(x + MathF.Sqrt(x * x - 1))|}; }
        """, """
        class C { float F(float x) => MathF.Acosh(x); }
        """);
}
