namespace Tutor.Numerics.Tests.Rules;

public class OneMinusCosTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0022:1 - Math.Cos(x)|}; }
        """);

    [Fact]
    public Task Rewritten_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => 2 * Math.Pow(Math.Sin(x / 2), 2); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0022:1 - Math.Cos(x)|}; }
        """, """
        class C { double F(double x) => 2 * Math.Pow(Math.Sin(x / 2), 2); }
        """);
}
