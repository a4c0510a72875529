namespace Tutor.Numerics.Tests.Rules;

public class LogCoshTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0018:Math.Log(Math.Cosh(x))|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.LogSumExp(x, -x) - Math.Log(2); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0018:Math.Log(Math.Cosh(x))|}; }
        """, """
        class C { double F(double x) => StableMath.LogSumExp(x, -x) - Math.Log(2); }
        """);
}
