namespace Tutor.Numerics.Tests.Rules;

public class FloatingEqualityTests
{
    [Fact]
    public Task Computed() => Verify.AnalyzerAsync("""
        class C { bool F(double a, double b) => {|NUM0032:a + b == 0.3|}; }
        """);

    [Fact]
    public Task Zero_and_nan_checks_are_clean() => Verify.CleanAsync("""
        class C { bool F(double a) => a == 0 || a != a || a == double.PositiveInfinity; }
        """);
}
