namespace Tutor.Numerics.Tests.Rules;

public class LogOfSoftmaxRatioTests
{
    [Fact]
    public Task Math_double() => Verify.AnalyzerAsync("""
        class C { double F(double x, double y) => {|NUM0001:Math.Log(Math.Exp(x) / (Math.Exp(x) + Math.Exp(y)))|}; }
        """);

    [Fact]
    public Task MathF_float_commuted_using_static() => Verify.AnalyzerAsync("""
        using static System.MathF;
        class C { float F(float x, float y) => {|NUM0001:Log(Exp(x) / (Exp(y) + (Exp(x))))|}; }
        """);

    [Fact]
    public Task Through_locals() => Verify.AnalyzerAsync("""
        class C
        {
            double F(double x, double y)
            {
                var e = Math.Exp(x);
                double d = e + Math.Exp(y);
                return {|NUM0001:Math.Log(e / d)|};
            }
        }
        """);

    [Fact]
    public Task Stable_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double x, double y) => -StableMath.Softplus(y - x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x, double y) => {|NUM0001:Math.Log(Math.Exp(x) / (Math.Exp(x) + Math.Exp(y)))|}; }
        """, """
        class C { double F(double x, double y) => -StableMath.Softplus(y - x); }
        """);

    [Fact]
    public Task Fix_adds_using() => Verify.FixAsync("""
        class C { double F(double x, double y) => {|NUM0001:Math.Log(Math.Exp(x) / (Math.Exp(x) + Math.Exp(y)))|}; }
        """, """
        class C { double F(double x, double y) => -StableMath.Softplus(y - x); }
        """, usings: "using System;\n", fixedUsings: "using System;\nusing Tutor;\n");
}
