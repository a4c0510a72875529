namespace Tutor.Numerics.Tests.Rules;

public class LogOfSoftmaxTests
{
    [Fact]
    public Task Log_of_ratio() => Verify.AnalyzerAsync("""
        class C { double F(double[] x, int k) { double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]); return {|NUM0005:Math.Log(Math.Exp(x[k]) / s)|}; } }
        """);

    [Fact]
    public Task Cross_entropy_through_local() => Verify.AnalyzerAsync("""
        class C { double F(double[] x, int label) { double s = 0; foreach (var v in x) s += Math.Exp(v); var p = {|NUM0004:Math.Exp(x[label]) / s|}; return -{|NUM0005:Math.Log(p)|}; } }
        """);

    [Fact]
    public Task Array_softmax_then_log() => Verify.AnalyzerAsync("""
        class C { double F(double[] x, double[] e, int k) { double sum = 0; for (int i = 0; i < x.Length; i++) { e[i] = Math.Exp(x[i]); sum += e[i]; } for (int i = 0; i < x.Length; i++) {|NUM0004:e[i] /= sum|}; return {|NUM0005:Math.Log(e[k])|}; } }
        """);

    [Fact]
    public Task Shifted_is_clean() => Verify.CleanAsync("""
        class C { double F(double[] x, int k) { double m = x.Max(); double s = 0; foreach (var v in x) s += Math.Exp(v - m); return Math.Log(Math.Exp(x[k] - m) / s); } }
        """);

    [Fact]
    public Task Log_softmax_helper_is_clean() => Verify.CleanAsync("""
        class C { double F(double[] x, int k) => x[k] - StableMath.LogSumExp(x); }
        """);

    [Fact]
    public Task Fix() => Verify.FixAsync("""
        class C { double F(double[] x, int k) { double s = 0; foreach (var v in x) s += Math.Exp(v); return -{|NUM0005:Math.Log(Math.Exp(x[k]) / s)|}; } }
        """, """
        class C { double F(double[] x, int k) { double s = 0; foreach (var v in x) s += Math.Exp(v); return -(x[k] - StableMath.LogSumExp(x)); } }
        """);
}
