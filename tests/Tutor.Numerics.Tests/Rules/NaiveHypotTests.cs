namespace Tutor.Numerics.Tests.Rules;

public class NaiveHypotTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x, double y) => {|NUM0017:Math.Sqrt(x * x + y * y)|}; }
        """);

    [Fact]
    public Task MathF_pow() => Verify.AnalyzerAsync("""
        class C { float F(float x, float y) => {|NUM0017:MathF.Sqrt(MathF.Pow(x, 2) + y * y)|}; }
        """);

    [Fact]
    public Task Hypot_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => double.Hypot(x, y); }
        """);

    [Fact]
    public Task Three_terms_are_not_reported() => Verify.CleanAsync("""
        class C { double F(double x, double y, double z) => Math.Sqrt(x * x + y * y + z * z); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x, double y) => {|NUM0017:Math.Sqrt(x * x + y * y)|}; }
        """, """
        class C { double F(double x, double y) => double.Hypot(x, y); }
        """);

    [Fact]
    public Task Fix_float() => Verify.FixAsync("""
        class C { float F(float x, float y) => {|NUM0017:MathF.Sqrt(x * x + y * y)|}; }
        """, """
        class C { float F(float x, float y) => float.Hypot(x, y); }
        """);
}
