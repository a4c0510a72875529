namespace Tutor.Numerics.Tests.Rules;

public class ExpMinusOneOverXTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0014:(Math.Exp(x) - 1) / x|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Expm1(x) / x; }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0014:(Math.Exp(x) - 1) / x|}; }
        """, """
        class C { double F(double x) => StableMath.Expm1(x) / x; }
        """);
}
