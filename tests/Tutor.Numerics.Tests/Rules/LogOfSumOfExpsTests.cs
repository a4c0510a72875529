namespace Tutor.Numerics.Tests.Rules;

public class LogOfSumOfExpsTests
{
    [Fact]
    public Task Math_two_terms() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b) => {|NUM0002:Math.Log(Math.Exp(a) + Math.Exp(b))|}; }
        """);

    [Fact]
    public Task MathF_using_static_three_terms() => Verify.AnalyzerAsync("""
        using static System.MathF;
        class C { float F(float a, float b, float c) => {|NUM0002:Log(Exp(a) + Exp(b) + Exp(c))|}; }
        """);

    [Fact]
    public Task Through_local() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b) { var s = Math.Exp(b) + Math.Exp(a); return {|NUM0002:Math.Log(s)|}; } }
        """);

    [Fact]
    public Task Shifted_is_clean() => Verify.CleanAsync("""
        class C { double F(double a, double b) { var m = Math.Max(a, b); return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m)); } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double a, double b) => StableMath.LogSumExp(a, b); }
        """);

    [Fact]
    public Task Fix_two() => Verify.FixAsync("""
        class C { double F(double a, double b) => {|NUM0002:Math.Log(Math.Exp(a) + Math.Exp(b))|}; }
        """, """
        class C { double F(double a, double b) => StableMath.LogSumExp(a, b); }
        """);

    [Fact]
    public Task Fix_three() => Verify.FixAsync("""
        class C { double F(double a, double b, double c) => {|NUM0002:Math.Log(Math.Exp(a) + Math.Exp(b) + Math.Exp(c))|}; }
        """, """
        class C { double F(double a, double b, double c) => StableMath.LogSumExp(new double[] { a, b, c }); }
        """);
}
