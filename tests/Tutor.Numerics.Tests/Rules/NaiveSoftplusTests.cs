namespace Tutor.Numerics.Tests.Rules;

public class NaiveSoftplusTests
{
    [Fact]
    public Task Math() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0006:Math.Log(1 + Math.Exp(x))|}; }
        """);

    [Fact]
    public Task MathF_commuted() => Verify.AnalyzerAsync("""
        class C { float F(float x) => {|NUM0006:MathF.Log(MathF.Exp(x) + 1f)|}; }
        """);

    [Fact]
    public Task Using_static_local() => Verify.AnalyzerAsync("""
        using static System.Math;
        class C { double F(double x) { var e = Exp(x); return {|NUM0006:Log(1.0 + e)|}; } }
        """);

    [Fact]
    public Task Cast() => Verify.AnalyzerAsync("""
        class C { double F(float x) => {|NUM0006:Math.Log(1 + (double)MathF.Exp(x))|}; }
        """);

    [Fact]
    public Task Log1p_of_exp() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0006:StableMath.Log1p(Math.Exp(x))|}; }
        """);

    [Fact]
    public Task Stable_form_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => Math.Max(x, 0) + StableMath.Log1p(Math.Exp(-Math.Abs(x))); }
        """);

    [Theory]
    [InlineData("StableMath.Log1p(Math.Exp(-2 * Math.Abs(x)))")]
    [InlineData("StableMath.Log1p(Math.Exp(-Math.Abs(x) / 3))")]
    [InlineData("StableMath.Log1p(Math.Exp(Math.Min(x, 0)))")]
    [InlineData("StableMath.Log1p(Math.Exp(-x * x - Math.Abs(x)))")]
    public Task Exponent_nonpositive_by_form_is_clean(string expression) => Verify.CleanAsync(
        "class C { double F(double x) => " + expression + "; }");

    [Theory]
    [InlineData("StableMath.Log1p(Math.Exp(2 * x))")]
    [InlineData("StableMath.Log1p(Math.Exp(x + Math.Abs(x)))")]
    [InlineData("StableMath.Log1p(Math.Exp(-2 * x))")]
    public Task Exponent_of_unknown_sign_is_reported(string expression) => Verify.AnalyzerAsync(
        "class C { double F(double x) => {|NUM0006:" + expression + "|}; }");

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Softplus(x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0006:Math.Log(1 + Math.Exp(x))|}; }
        """, """
        class C { double F(double x) => StableMath.Softplus(x); }
        """);

    [Fact]
    public Task Fix_negated_argument() => Verify.FixAsync("""
        class C { double F(double x) => -{|NUM0006:Math.Log(1 + Math.Exp(-x))|}; }
        """, """
        class C { double F(double x) => -StableMath.Softplus(-x); }
        """);

    [Fact]
    public Task Fix_keeps_trivia() => Verify.FixAsync("""
        class C
        {
            double F(double x)
            {
                return /* before */ {|NUM0006:Math.Log(1 + Math.Exp(x))|} /* after */;
            }
        }
        """, """
        class C
        {
            double F(double x)
            {
                return /* before */ StableMath.Softplus(x) /* after */;
            }
        }
        """);

    [Fact]
    public Task Fix_all_in_document() => Verify.FixAsync("""
        class C
        {
            double F(double x) => {|NUM0006:Math.Log(1 + Math.Exp(x))|};
            float G(float y) => {|NUM0006:MathF.Log(1 + MathF.Exp(y))|};
        }
        """, """
        class C
        {
            double F(double x) => StableMath.Softplus(x);
            float G(float y) => StableMath.Softplus(y);
        }
        """);
}
