namespace Tutor.Numerics.Tests.Rules;

public class SoftmaxWithoutShiftTests
{
    [Fact]
    public Task Division_in_second_loop() => Verify.AnalyzerAsync("""
        class C { void F(double[] x, double[] p) { double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]); for (int i = 0; i < x.Length; i++) p[i] = {|NUM0004:Math.Exp(x[i]) / s|}; } }
        """);

    [Fact]
    public Task Array_of_exponentials() => Verify.AnalyzerAsync("""
        class C { void F(double[] x, double[] e) { double sum = 0; for (int i = 0; i < x.Length; i++) { e[i] = Math.Exp(x[i]); sum += e[i]; } for (int i = 0; i < x.Length; i++) {|NUM0004:e[i] /= sum|}; } }
        """);

    [Fact]
    public Task Linq() => Verify.AnalyzerAsync("""
        class C { double[] F(double[] x) { var s = x.Sum(Math.Exp); return x.Select(v => {|NUM0004:Math.Exp(v) / s|}).ToArray(); } }
        """);

    [Fact]
    public Task TensorPrimitives() => Verify.AnalyzerAsync("""
        namespace System.Numerics.Tensors { static class TensorPrimitives { public static void SoftMax(ReadOnlySpan<float> x, Span<float> d) { } } }
        class C { void F(float[] x, float[] d) => {|NUM0004:System.Numerics.Tensors.TensorPrimitives.SoftMax(x, d)|}; }
        """);

    [Fact]
    public Task Max_shifted_is_clean() => Verify.CleanAsync("""
        class C { void F(double[] x, double[] p) { double m = x.Max(); double s = 0; for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i] - m); for (int i = 0; i < x.Length; i++) p[i] = Math.Exp(x[i] - m) / s; } }
        """);

    [Fact]
    public Task Helper_is_clean() => Verify.CleanAsync("""
        class C { void F(double[] x, double[] p) => StableMath.Softmax(x, p); }
        """);

    [Fact]
    public Task Fix_division() => Verify.FixAsync("""
        class C { double F(double[] xs, int k) { double s = 0; foreach (var v in xs) s += Math.Exp(v); return {|NUM0004:Math.Exp(xs[k]) / s|}; } }
        """, """
        class C { double F(double[] xs, int k) { double s = 0; foreach (var v in xs) s += Math.Exp(v); return Math.Exp(xs[k] - StableMath.LogSumExp(xs)); } }
        """);

    [Fact]
    public Task Fix_in_a_loop_computes_the_LogSumExp_once_before_it() => Verify.FixAsync("""
        class C
        {
            void F(double[] x, double[] p)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]);
                for (int i = 0; i < x.Length; i++)
                    p[i] = {|NUM0004:Math.Exp(x[i]) / s|};
            }
        }
        """, """
        class C
        {
            void F(double[] x, double[] p)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]);
                var logSumExp = StableMath.LogSumExp(x);
                for (int i = 0; i < x.Length; i++)
                    p[i] = Math.Exp(x[i] - logSumExp);
            }
        }
        """);

    [Fact]
    public Task Fix_all_shares_one_hoisted_local_and_avoids_a_taken_name() => Verify.FixAsync("""
        class C
        {
            double logSumExp;
            void F(float[] x, float[] p, float[] q)
            {
                float s = 0;
                foreach (var v in x) s += MathF.Exp(v);
                for (int i = 0; i < x.Length; i++)
                {
                    p[i] = {|NUM0004:MathF.Exp(x[i]) / s|};
                    q[i] = 2 * ({|NUM0004:MathF.Exp(x[i]) / s|});
                }
            }
        }
        """, """
        class C
        {
            double logSumExp;
            void F(float[] x, float[] p, float[] q)
            {
                float s = 0;
                foreach (var v in x) s += MathF.Exp(v);
                var logSumExp2 = StableMath.LogSumExp(x);
                for (int i = 0; i < x.Length; i++)
                {
                    p[i] = MathF.Exp(x[i] - logSumExp2);
                    q[i] = 2 * (MathF.Exp(x[i] - logSumExp2));
                }
            }
        }
        """);

    [Fact]
    public Task Fix_stays_inline_when_the_loop_writes_the_collection() => Verify.FixAsync("""
        class C
        {
            void F(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]);
                for (int i = 0; i < x.Length; i++)
                    x[i] = {|NUM0004:Math.Exp(x[i]) / s|};
            }
        }
        """, """
        class C
        {
            void F(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Exp(x[i]);
                for (int i = 0; i < x.Length; i++)
                    x[i] = Math.Exp(x[i] - StableMath.LogSumExp(x));
            }
        }
        """);

    [Fact]
    public Task Fix_tensor_primitives() => Verify.FixAsync("""
        namespace System.Numerics.Tensors { static class TensorPrimitives { public static void SoftMax(ReadOnlySpan<float> x, Span<float> d) { } } }
        class C { void F(float[] x, float[] d) => {|NUM0004:System.Numerics.Tensors.TensorPrimitives.SoftMax(x, d)|}; }
        """, """
        namespace System.Numerics.Tensors { static class TensorPrimitives { public static void SoftMax(ReadOnlySpan<float> x, Span<float> d) { } } }
        class C { void F(float[] x, float[] d) => StableMath.Softmax(x, d); }
        """);

    [Fact]
    public Task Compound_division_has_no_fix() => Verify.NoFixAsync("""
        class C { void F(double[] x, double[] e) { double sum = 0; for (int i = 0; i < x.Length; i++) { e[i] = Math.Exp(x[i]); sum += e[i]; } for (int i = 0; i < x.Length; i++) {|NUM0004:e[i] /= sum|}; } }
        """);
}
