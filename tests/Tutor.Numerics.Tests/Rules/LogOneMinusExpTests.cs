namespace Tutor.Numerics.Tests.Rules;

public class LogOneMinusExpTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double a) => {|NUM0015:Math.Log(1 - Math.Exp(-a))|}; }
        """);

    [Fact]
    public Task MathF_local() => Verify.AnalyzerAsync("""
        class C { float F(float a) { var e = MathF.Exp(-a); return {|NUM0015:MathF.Log(1 - e)|}; } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double a) => StableMath.Log1mExp(a); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double a) => {|NUM0015:Math.Log(1 - Math.Exp(-a))|}; }
        """, """
        class C { double F(double a) => StableMath.Log1mExp(a); }
        """);
}
