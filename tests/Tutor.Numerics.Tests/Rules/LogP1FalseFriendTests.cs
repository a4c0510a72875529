namespace Tutor.Numerics.Tests.Rules;

public class LogP1FalseFriendTests
{
    [Fact]
    public Task LogP1() => Verify.AnalyzerAsync("""
        class C { double F(double x) => {|NUM0033:double.LogP1(x)|}; }
        """);

    [Fact]
    public Task ExpM1_float() => Verify.AnalyzerAsync("""
        class C { float F(float x) => {|NUM0033:float.ExpM1(x)|}; }
        """);

    [Fact]
    public Task StableMath_is_clean() => Verify.CleanAsync("""
        class C { double F(double x) => StableMath.Log1p(x) + StableMath.Expm1(x); }
        """);

    [Fact]
    public Task Fix_logp1() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0033:double.LogP1(x)|}; }
        """, """
        class C { double F(double x) => StableMath.Log1p(x); }
        """);

    [Fact]
    public Task Fix_exp2m1() => Verify.FixAsync("""
        class C { double F(double x) => {|NUM0033:double.Exp2M1(x)|}; }
        """, """
        class C { double F(double x) => StableMath.Expm1(x * Math.Log(2)); }
        """);
}
