namespace Tutor.Numerics.Tests.Rules;

public class PowOnePlusTests
{
    [Fact]
    public Task Variable_exponent() => Verify.AnalyzerAsync("""
        class C { double F(double r, double n) => {|NUM0016:Math.Pow(1 + r, n)|}; }
        """);

    [Fact]
    public Task Large_constant() => Verify.AnalyzerAsync("""
        class C { double F(double r) => {|NUM0016:Math.Pow(r + 1, 1e12)|}; }
        """);

    [Fact]
    public Task Small_power_is_clean() => Verify.CleanAsync("""
        class C { double F(double r) => Math.Pow(1 + r, 2); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double r, double n) => {|NUM0016:Math.Pow(1 + r, n)|}; }
        """, """
        class C { double F(double r, double n) => Math.Exp(n * StableMath.Log1p(r)); }
        """);
}
