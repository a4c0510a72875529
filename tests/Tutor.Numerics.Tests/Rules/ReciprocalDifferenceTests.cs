namespace Tutor.Numerics.Tests.Rules;

public class ReciprocalDifferenceTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0025:1 / x - 1 / (x + 1)|}; }
        """);

    [Fact]
    public Task Rewritten_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => 1 / (x * (x + 1)); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0025:1 / x - 1 / (x + 1)|}; }
        """, """
        class C { double F(double x) => 1 / (x * (x + 1)); }
        """);
}
