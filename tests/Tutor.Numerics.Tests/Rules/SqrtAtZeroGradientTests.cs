namespace Tutor.Numerics.Tests.Rules;

public class SqrtAtZeroGradientTests
{
    [Fact]
    public Task Sum_of_squares() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x, double y) => {|NUM0017:{|NUM0034:Math.Sqrt(x * x + y * y)|}|}; }
        """);

    [Fact]
    public Task Parameter() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x) => {|NUM0034:Math.Sqrt(x)|}; }
        """);

    [Fact]
    public Task Difference() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x, double y) => {|NUM0034:Math.Sqrt(x - y)|}; }
        """);

    [Fact]
    public Task Epsilon_is_clean() => Verify.CleanAsync("""
        partial class C { [Differentiable] public static double F(double x, double y) => Math.Sqrt(x * x + y * y + 1e-12); }
        """);

    [Fact]
    public Task Outside_differentiable_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => Math.Sqrt(x); }
        """);
}
