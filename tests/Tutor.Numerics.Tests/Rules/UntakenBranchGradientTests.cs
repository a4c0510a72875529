namespace Tutor.Numerics.Tests.Rules;

public class UntakenBranchGradientTests
{
    [Fact]
    public Task Log_behind_guard() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x) => x > 0 ? {|NUM0035:Math.Log(x)|} : 0; }
        """);

    [Fact]
    public Task Division_in_else() => Verify.AnalyzerAsync("""
        partial class C { [Differentiable] public static double F(double x) => x == 0 ? 1 : {|NUM0035:Math.Sin(x) / x|}; }
        """);

    [Fact]
    public Task Guarded_argument_is_clean() => Verify.CleanAsync("""
        partial class C { [Differentiable] public static double F(double x) => x > 0 ? Math.Log(x > 0 ? x : 1) : 0; }
        """);

    [Fact]
    public Task Outside_differentiable_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => x > 0 ? Math.Log(x) : 0; }
        """);
}
