namespace Tutor.Numerics.Tests.Rules;

public class QuadraticFormulaTests
{
    [Fact]
    public Task Plus_root() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b, double c) => {|NUM0024:(-b + Math.Sqrt(b * b - 4 * a * c)) / (2 * a)|}; }
        """);

    [Fact]
    public Task Minus_root() => Verify.AnalyzerAsync("""
        class C { double F(double a, double b, double c) => {|NUM0024:(-b - Math.Sqrt(b * b - 4 * a * c)) / (2 * a)|}; }
        """);

    [Fact]
    public Task Stable_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double a, double b, double c) { double q = -0.5 * (b + Math.CopySign(Math.Sqrt(b * b - 4 * a * c), b)); return c / q; } }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double a, double b, double c) => {|NUM0024:(-b + Math.Sqrt(b * b - 4 * a * c)) / (2 * a)|}; }
        """, """
        class C { double F(double a, double b, double c) => b >= 0 ? 2 * c / (-b - Math.Sqrt(b * b - 4 * a * c)) : (-b + Math.Sqrt(b * b - 4 * a * c)) / (2 * a); }
        """);
}
