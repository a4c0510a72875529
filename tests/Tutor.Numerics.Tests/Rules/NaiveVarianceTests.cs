namespace Tutor.Numerics.Tests.Rules;

public class NaiveVarianceTests
{
    [Fact]
    public Task Loops() => Verify.AnalyzerAsync("""
        class C { double F(double[] xs) { double s = 0, sq = 0; foreach (var v in xs) s += v; foreach (var v in xs) sq += v * v; double mean = s / xs.Length; return {|NUM0027:sq / xs.Length - mean * mean|}; } }
        """);

    [Fact]
    public Task Linq() => Verify.AnalyzerAsync("""
        class C { double F(double[] xs) { var m = xs.Average(); return {|NUM0027:xs.Average(v => v * v) - m * m|}; } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double[] xs) => StableMath.Variance(xs); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double[] xs) { var m = xs.Average(); return {|NUM0027:xs.Average(v => v * v) - m * m|}; } }
        """, """
        class C { double F(double[] xs) { var m = xs.Average(); return StableMath.Variance(xs); } }
        """);
}
