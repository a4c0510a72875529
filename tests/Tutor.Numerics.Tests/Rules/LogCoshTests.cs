namespace Tutor.Numerics.Tests.Rules;

public class LogCoshTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0018:Math.Log(Math.Cosh(x))|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.LogCosh(x); }
        """);

    [Fact]
    public Task LogSumExp_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.LogSumExp(x, -x) - Math.Log(2); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0018:Math.Log(Math.Cosh(x))|}; }
        """, """
        class C { double F(double x) => StableMath.LogCosh(x); }
        """);

    [Fact]
    public Task Fix_float() => Verify.FixAsync("""
        class C { float F(float x) => {|NUM0018:MathF.Log(MathF.Cosh(x))|}; }
        """, """
        class C { float F(float x) => StableMath.LogCosh(x); }
        """);
}
