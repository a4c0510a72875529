namespace Tutor.Numerics.Tests.Rules;

public class ExpMinusOneTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0012:Math.Exp(x) - 1|}; }
        """);

    [Fact]
    public Task MathF_local() => Verify.AnalyzerAsync("""
        class C { float F(float x) { var e = MathF.Exp(x); return {|NUM0012:e - 1f|}; } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Expm1(x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0012:Math.Exp(x) - 1|}; }
        """, """
        class C { double F(double x) => StableMath.Expm1(x); }
        """);

    [Fact]
    public Task Fix_inside_product() => Verify.FixAsync("""
        class C { double F(double x) => 2 * ({|NUM0012:Math.Exp(x) - 1|}); }
        """, """
        class C { double F(double x) => 2 * (StableMath.Expm1(x)); }
        """);
}
