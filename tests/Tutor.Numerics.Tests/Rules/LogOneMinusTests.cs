namespace Tutor.Numerics.Tests.Rules;

public class LogOneMinusTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0013:Math.Log(1 - x)|}; }
        """);

    [Fact]
    public Task MathF() => Verify.AnalyzerAsync("""
        class C { float F(float p) => {|NUM0013:MathF.Log(1f - p)|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Log1p(-x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0013:Math.Log(1 - x)|}; }
        """, """
        class C { double F(double x) => StableMath.Log1p(-x); }
        """);

    [Fact]
    public Task Fix_compound_argument() => Verify.FixAsync("""
        class C { double F(double x, double y) => {|NUM0013:Math.Log(1 - x * y)|}; }
        """, """
        class C { double F(double x, double y) => StableMath.Log1p(-(x * y)); }
        """);
}
