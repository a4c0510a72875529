namespace Tutor.Numerics.Tests.Rules;

public class LogOnePlusTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0011:Math.Log(1 + x)|}; }
        """);

    [Fact]
    public Task MathF_commuted() => Verify.AnalyzerAsync("""
        class C { float F(float x) => {|NUM0011:MathF.Log(x + 1)|}; }
        """);

    [Fact]
    public Task Using_static_local() => Verify.AnalyzerAsync("""
        using static System.Math;
        class C { double F(double x) { double u = 1 + x * x; return {|NUM0011:Log(u)|}; } }
        """);

    [Fact]
    public Task Accuracy_of_softplus_tail() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0011:Math.Log(1 + Math.Exp(-Math.Abs(x)))|}; }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Log1p(x); }
        """);

    [Fact]
    public Task Constant_is_clean() => Verify.CleanAsync("""
        class C { double F() => Math.Log(1 + 2.0); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0011:Math.Log(1 + x)|}; }
        """, """
        class C { double F(double x) => StableMath.Log1p(x); }
        """);

    [Fact]
    public Task Fix_float_argument_keeps_double() => Verify.FixAsync("""
        class C { double F(float x) => {|NUM0011:Math.Log(1.0 + x)|}; }
        """, """
        class C { double F(float x) => StableMath.Log1p((double)x); }
        """);
}
