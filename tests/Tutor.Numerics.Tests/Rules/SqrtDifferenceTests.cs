namespace Tutor.Numerics.Tests.Rules;

public class SqrtDifferenceTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0023:Math.Sqrt(x + 1) - Math.Sqrt(x)|}; }
        """);

    [Fact]
    public Task Reversed() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0023:Math.Sqrt(x) - Math.Sqrt(1 + x)|}; }
        """);

    [Fact]
    public Task Unrelated_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => Math.Sqrt(x) - Math.Sqrt(y); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0023:Math.Sqrt(x + 1) - Math.Sqrt(x)|}; }
        """, """
        class C { double F(double x) => 1 / (Math.Sqrt(x + 1) + Math.Sqrt(x)); }
        """);
}
