namespace Tutor.Numerics.Tests.Rules;

public class OneMinusSigmoidTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0009:1 - 1 / (1 + Math.Exp(-x))|}; }
        """);

    [Fact]
    public Task Stable_sigmoid_too() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0009:1 - StableMath.Sigmoid(x)|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Sigmoid(-x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0009:1 - 1 / (1 + Math.Exp(-x))|}; }
        """, """
        class C { double F(double x) => StableMath.Sigmoid(-x); }
        """);
}
