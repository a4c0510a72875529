namespace Tutor.Numerics.Tests.Rules;

public class KinkGradientTests
{
    [Fact]
    public Task Abs_of_difference() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x, double y) => {|NUM0036:Math.Abs(x - y)|}; }
        """);

    [Fact]
    public Task Relu_max() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x) => {|NUM0036:Math.Max(x, 0)|}; }
        """);

    [Fact]
    public Task Abs_of_sum_with_constant_is_clean() => Verify.CleanAsync("""
        partial class C { [Differentiable] public static double F(double x) => Math.Abs(x + 1); }
        """);

    [Fact]
    public Task Outside_differentiable_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => Math.Abs(x - y); }
        """);
}
