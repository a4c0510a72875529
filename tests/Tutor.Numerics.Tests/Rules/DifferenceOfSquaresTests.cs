namespace Tutor.Numerics.Tests.Rules;

public class DifferenceOfSquaresTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x, double y) => {|NUM0026:x * x - y * y|}; }
        """);

    [Fact]
    public Task Pow_float() => Verify.AnalyzerAsync("""
        class C { float F(float x, float y) => {|NUM0026:MathF.Pow(x, 2) - y * y|}; }
        """);

    [Fact]
    public Task Factored_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => (x + y) * (x - y); }
        """);

    [Fact]
    public Task Integers_are_clean() => Verify.CleanAsync("""
        class C { int F(int x, int y) => x * x - y * y; }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x, double y) => {|NUM0026:x * x - y * y|}; }
        """, """
        class C { double F(double x, double y) => (x + y) * (x - y); }
        """);
}
