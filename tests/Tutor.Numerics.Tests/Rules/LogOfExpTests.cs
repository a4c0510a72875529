namespace Tutor.Numerics.Tests.Rules;

public class LogOfExpTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0021:Math.Log(Math.Exp(x))|}; }
        """);

    [Fact]
    public Task Plain_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => x; }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x, double y) => 2 * {|NUM0021:Math.Log(Math.Exp(x + y))|}; }
        """, """
        class C { double F(double x, double y) => 2 * (x + y); }
        """);
}
