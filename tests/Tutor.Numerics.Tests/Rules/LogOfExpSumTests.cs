namespace Tutor.Numerics.Tests.Rules;

public class LogOfExpSumTests
{
    [Fact]
    public Task Foreach_loop() => Verify.AnalyzerAsync("""
        class C { double F(double[] xs) { double s = 0; foreach (var v in xs) s += Math.Exp(v); return {|NUM0003:Math.Log(s)|}; } }
        """);

    [Fact]
    public Task For_loop_float() => Verify.AnalyzerAsync("""
        class C { float F(float[] x) { float s = 0; for (int i = 0; i < x.Length; i++) { s += MathF.Exp(x[i]); } return {|NUM0003:MathF.Log(s)|}; } }
        """);

    [Fact]
    public Task Linq_method_group() => Verify.AnalyzerAsync("""
        class C { double F(double[] xs) => {|NUM0003:Math.Log(xs.Sum(Math.Exp))|}; }
        """);

    [Fact]
    public Task Linq_select_sum() => Verify.AnalyzerAsync("""
        class C { double F(System.Collections.Generic.List<double> xs) => {|NUM0003:Math.Log(xs.Select(v => Math.Exp(v)).Sum())|}; }
        """);

    [Fact]
    public Task Max_shifted_is_clean() => Verify.CleanAsync("""
        class C { double F(double[] x) { double m = x.Max(); double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i] - m); return m + Math.Log(s); } }
        """);

    [Fact]
    public Task Plain_sum_is_clean() => Verify.CleanAsync("""
        class C { double F(double[] x) { double s = 0; foreach (var v in x) s += v; return Math.Log(s); } }
        """);

    [Fact]
    public Task Fix_loop() => Verify.FixAsync("""
        class C { double F(double[] xs) { double s = 0; foreach (var v in xs) s += Math.Exp(v); return {|NUM0003:Math.Log(s)|}; } }
        """, """
        class C { double F(double[] xs) { double s = 0; foreach (var v in xs) s += Math.Exp(v); return StableMath.LogSumExp(xs); } }
        """);

    [Fact]
    public Task Fix_linq() => Verify.FixAsync("""
        class C { double F(double[] xs) => {|NUM0003:Math.Log(xs.Sum(v => Math.Exp(v)))|}; }
        """, """
        class C { double F(double[] xs) => StableMath.LogSumExp(xs); }
        """);

    [Fact]
    public Task List_has_no_fix() => Verify.NoFixAsync("""
        class C { double F(System.Collections.Generic.List<double> xs) => {|NUM0003:Math.Log(xs.Sum(Math.Exp))|}; }
        """);
}
