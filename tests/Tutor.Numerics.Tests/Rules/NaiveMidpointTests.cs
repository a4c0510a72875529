namespace Tutor.Numerics.Tests.Rules;

public class NaiveMidpointTests
{
    [Fact]
    public Task Divide() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b) => {|NUM0028:(a + b) / 2|}; }
        """);

    [Fact]
    public Task Half_commuted() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b) => {|NUM0028:0.5 * (a + b)|}; }
        """);

    [Fact]
    public Task Integers_are_clean() => Verify.CleanAsync("""
        class C { int F(int a, int b) => (a + b) / 2; }
        """);

    [Fact]
    public Task Rewritten_is_clean() => Verify.CleanAsync("""
        class C { double F(double a, double b) => a + (b - a) / 2; }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double a, double b) => {|NUM0028:(a + b) / 2|}; }
        """, """
        class C { double F(double a, double b) => a + (b - a) / 2; }
        """);
}
