using System.Runtime.CompilerServices;
using Tutor.Generator.Tests.Harness;
using Tutor.Tensors;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>
/// [Differentiable] methods over Tutor.Tensors.Tensor: each generated gradient is checked element by element against
/// central differences of the compiled original method (float64, an oracle independent of the rule table), and each
/// generated JVP against the gradient: ∇f·v = Σ ⟨∂f/∂p, ṗ⟩.
/// </summary>
public class TensorTests
{
    const string Models = """
        using System;
        using Tutor;
        using Tutor.Tensors;

        namespace Demo;

        public static partial class Models
        {
            [Differentiable]
            public static double Linear(Tensor<double> w, Tensor<double> b, [NoDiff] Tensor<double> x, [NoDiff] Tensor<double> y) =>
                Ops.MseLoss(Ops.AddRowVector(Ops.MatMul(x, w), b), y).ToScalar();

            [Differentiable]
            public static double Mlp(Tensor<double> w1, Tensor<double> b1, Tensor<double> w2, Tensor<double> b2, [NoDiff] Tensor<double> x, int[] labels)
            {
                var h = Ops.Tanh(Ops.AddRowVector(Ops.MatMul(x, w1), b1));
                var logits = Ops.AddRowVector(Ops.MatMul(h, w2), b2);
                return Ops.CrossEntropyLoss(logits, labels).ToScalar();
            }

            [Differentiable]
            public static double Elementwise(Tensor<double> a, Tensor<double> b)
            {
                var c = a * b + Ops.Exp(-a) - b / (Ops.Square(a) + 1.0);
                return Ops.Sum(c * c).ToScalar();
            }

            [Differentiable]
            public static double Mixed(Tensor<double> w, double s, [NoDiff] Tensor<double> x, [NoDiff] double lambda)
            {
                var z = 2.0 * Ops.MatMul(x, w) - 0.5;
                double fit = Ops.Mean(Ops.Sigmoid(z)).ToScalar();
                double reg = lambda * Ops.Sum(Ops.Square(w)).ToScalar();
                return s * fit + reg + Math.Sin(s) * Ops.Max(w).ToScalar();
            }

            // Every other op of the table once, a constant operand (Sigmoid(t)), and a branch on a scalar after them.
            [Differentiable]
            public static double AllOps(Tensor<double> a, Tensor<double> v, [NoDiff] Tensor<double> t, int[] labels, double s)
            {
                var p = Ops.MatMulTransposeB(a, a);
                var q = Ops.MatMulTransposeA(a, a);
                var r = Ops.Transpose(Ops.AddColumnVector(a, v));
                var e = Ops.Log(Ops.Exp(a) + 1.0);
                var g = Ops.Relu(a) + Ops.Abs(a) * Ops.Sign(a) + Ops.Pow(Ops.Sqrt(Ops.Square(a) + 1.0), 3);
                double total = Ops.Sum(Ops.RowSums(p)).ToScalar() + Ops.Mean(Ops.RowMeans(q)).ToScalar()
                    + Ops.Sum(Ops.ColumnSums(r)).ToScalar() + Ops.Sum(Ops.ColumnMeans(e)).ToScalar()
                    + Ops.Sum(Ops.RowMaxes(g)).ToScalar() + Ops.Sum(Ops.RowLogSumExp(a)).ToScalar()
                    + Ops.Sum(Ops.Mul(Ops.RowSoftmax(a), t)).ToScalar() + Ops.Sum(Ops.GatherByLabel(Ops.RowLogSoftmax(a), labels)).ToScalar()
                    + Ops.Max(Ops.SliceRows(a, 1, 2)).ToScalar()
                    + Ops.MaeLoss(a, t).ToScalar() + Ops.HingeLoss(a, t).ToScalar() + Ops.BinaryCrossEntropyLoss(a, Ops.Sigmoid(t)).ToScalar();
                return s > 0 ? total * s : total - s;
            }

            [Differentiable]
            public static float Linear32(Tensor<float> w, [NoDiff] Tensor<float> x, [NoDiff] Tensor<float> y) =>
                Ops.MseLoss(Ops.MatMul(x, w), y).ToScalar();
        }
        """;

    static readonly Lazy<LoadedAssembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(Models));
    static LoadedAssembly Asm => Compiled.Value;
    const string Type = "Demo.Models";

    static Tensor<double> Random(Random random, int rows, int columns)
    {
        var values = new double[rows * columns];
        for (int i = 0; i < values.Length; i++) values[i] = random.NextDouble() * 2 - 1;
        return Tensor<double>.Matrix(rows, columns, values);
    }

    static Tensor<double> RandomVector(Random random, int length)
    {
        var values = new double[length];
        for (int i = 0; i < values.Length; i++) values[i] = random.NextDouble() * 2 - 1;
        return Tensor<double>.Vector(values);
    }

    /// <summary>
    /// Checks {name}Gradient against central differences of {name} itself, element by element, for the arguments at
    /// <paramref name="differentiable"/> (tensors or doubles); then {name}Jvp against the gradient along random tangents.
    /// </summary>
    static void CheckGradientAndJvp(string name, object[] args, int[] differentiable)
    {
        var gradient = (ITuple)Asm.Call(Type, name + "Gradient", args)!;
        double value = Asm.CallDouble(Type, name, args);
        Assert.Equal(value, Convert.ToDouble(gradient[0]), 12);
        Assert.Equal(differentiable.Length + 1, gradient.Length);

        const double h = 1e-6;
        for (int k = 0; k < differentiable.Length; k++)
        {
            int p = differentiable[k];
            if (args[p] is Tensor<double> tensor)
            {
                var grad = Assert.IsType<Tensor<double>>(gradient[k + 1]);
                Assert.Equal(tensor.Shape, grad.Shape);
                for (int i = 0; i < tensor.Length; i++)
                {
                    double saved = tensor[i];
                    tensor[i] = saved + h;
                    double plus = Asm.CallDouble(Type, name, args);
                    tensor[i] = saved - h;
                    double minus = Asm.CallDouble(Type, name, args);
                    tensor[i] = saved;
                    double expected = (plus - minus) / (2 * h);
                    Assert.True(Math.Abs(grad[i] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)),
                        $"{name}: ∂f/∂{p}[{i}] = {grad[i]:R}, central differences give {expected:R}\n\n{Asm.Run.DescribeSources()}");
                }
            }
            else
            {
                double saved = (double)args[p];
                args[p] = saved + h;
                double plus = Asm.CallDouble(Type, name, args);
                args[p] = saved - h;
                double minus = Asm.CallDouble(Type, name, args);
                args[p] = saved;
                double expected = (plus - minus) / (2 * h);
                double actual = Convert.ToDouble(gradient[k + 1]);
                Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{name}: ∂f/∂(argument {p}) = {actual:R}, central differences give {expected:R}");
            }
        }

        // Forward mode: the directional derivative along random tangents equals ∇f·v.
        var random = new Random(7);
        var tangents = new List<object>();
        double dot = 0;
        for (int k = 0; k < differentiable.Length; k++)
        {
            if (args[differentiable[k]] is Tensor<double> tensor)
            {
                var v = Random(random, 1, tensor.Length).Reshape(tensor.Shape);
                var grad = (Tensor<double>)gradient[k + 1]!;
                for (int i = 0; i < tensor.Length; i++) dot += grad[i] * v[i];
                tangents.Add(v);
            }
            else
            {
                double v = random.NextDouble() * 2 - 1;
                dot += Convert.ToDouble(gradient[k + 1]) * v;
                tangents.Add(v);
            }
        }
        var jvp = (ITuple)Asm.Call(Type, name + "Jvp", [.. args, .. tangents])!;
        Assert.Equal(value, Convert.ToDouble(jvp[0]), 12);
        Assert.True(Math.Abs(Convert.ToDouble(jvp[1]) - dot) <= 1e-10 * Math.Max(1, Math.Abs(dot)), $"{name}Jvp: {jvp[1]} ≠ ∇f·v = {dot:R}");
    }

    /// <summary>The 1-based line of <see cref="Models"/> (Student0.cs) that contains <paramref name="text"/>, found by reading the source.</summary>
    static int LineOf(string text)
    {
        var lines = Models.Split('\n');
        int index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0 && Array.FindLastIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) == index, $"'{text}' must occur once");
        return index + 1;
    }

    [Theory]
    [InlineData("MlpGradient")]
    [InlineData("MlpJvp")]
    [InlineData("MlpTrace")]
    public void A_shape_error_in_generated_code_names_the_op_both_shapes_and_the_students_line(string member)
    {
        var random = new Random(2);
        var x = Random(random, 6, 4);
        var w1 = Random(random, 4, 5);
        var b1 = RandomVector(random, 5);
        var w2 = Random(random, 3, 3);   // wrong: h is 6×5, so W₂ needs 5 rows
        var b2 = RandomVector(random, 3);
        int[] labels = [0, 2, 1, 1, 0, 2];
        object[] args = member == "MlpJvp"
            ? [w1, b1, w2, b2, x, labels, Tensor<double>.ZerosLike(w1), Tensor<double>.ZerosLike(b1), Tensor<double>.ZerosLike(w2), Tensor<double>.ZerosLike(b2)]
            : [w1, b1, w2, b2, x, labels];

        var error = Assert.Throws<ShapeMismatchException>(() => Asm.Call("Demo.Models", member, args));

        // Two MatMuls in Mlp: the second one (h · W₂) failed, and the message says which line of the student's file it is.
        Assert.Equal("MatMul", error.Operation);
        Assert.Equal("Student0.cs", error.SourceFile);
        Assert.Equal(LineOf("Ops.MatMul(h, w2)"), error.SourceLine);
        Assert.Contains("(6×5) by (3×3)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(in Mlp, Student0.cs line {LineOf("Ops.MatMul(h, w2)")})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_error_in_the_first_layer_names_its_own_line()
    {
        var random = new Random(2);
        var error = Assert.Throws<ShapeMismatchException>(() => Asm.Call("Demo.Models", "MlpGradient",
            Random(random, 4, 5), RandomVector(random, 5), Random(random, 5, 3), RandomVector(random, 3), Random(random, 6, 7), new[] { 0, 2, 1, 1, 0, 2 }));
        Assert.Equal(LineOf("Ops.MatMul(x, w1)"), error.SourceLine);
    }

    [Fact]
    public void Linear_model_with_mse_loss()
    {
        var random = new Random(1);
        var x = Random(random, 5, 3);
        var w = Random(random, 3, 2);
        var b = RandomVector(random, 2);
        var y = Random(random, 5, 2);
        CheckGradientAndJvp("Linear", [w, b, x, y], [0, 1]);
    }

    [Fact]
    public void Two_layer_mlp_with_tanh_and_cross_entropy_from_logits()
    {
        var random = new Random(2);
        var x = Random(random, 6, 4);
        var w1 = Random(random, 4, 5);
        var b1 = RandomVector(random, 5);
        var w2 = Random(random, 5, 3);
        var b2 = RandomVector(random, 3);
        int[] labels = [0, 2, 1, 1, 0, 2];
        CheckGradientAndJvp("Mlp", [w1, b1, w2, b2, x, labels], [0, 1, 2, 3]);
    }

    [Fact]
    public void Elementwise_expression_with_operators()
    {
        var random = new Random(3);
        CheckGradientAndJvp("Elementwise", [Random(random, 3, 4), Random(random, 3, 4)], [0, 1]);
    }

    [Fact]
    public void Scalar_and_tensor_mixed()
    {
        var random = new Random(4);
        var x = Random(random, 4, 3);
        var w = Random(random, 3, 2);
        CheckGradientAndJvp("Mixed", [w, 0.7, x, 0.1], [0, 1]);
    }

    [Fact]
    public void Every_other_op_of_the_table_and_a_branch()
    {
        var random = new Random(8);
        var a = Random(random, 4, 3);
        var v = RandomVector(random, 4);
        var t = Random(random, 4, 3);
        int[] labels = [2, 0, 1, 2];
        CheckGradientAndJvp("AllOps", [a, v, t, labels, 0.8], [0, 1, 4]);
        CheckGradientAndJvp("AllOps", [a, v, t, labels, -0.3], [0, 1, 4]);
    }

    [Fact]
    public void Float_tensors_give_float_gradients_close_to_double()
    {
        var random = new Random(5);
        var x = Random(random, 4, 3);
        var w = Random(random, 3, 2);
        var y = Random(random, 4, 2);
        static Tensor<float> F(Tensor<double> t) => Tensor<float>.Matrix(t.Rows, t.Columns, t.ToArray().Select(v => (float)v).ToArray());
        var g32 = (ITuple)Asm.Call(Type, "Linear32Gradient", F(w), F(x), F(y))!;
        var dw32 = Assert.IsType<Tensor<float>>(g32[1]);
        var b0 = Tensor<double>.Zeros(2);
        var g64 = (ITuple)Asm.Call(Type, "LinearGradient", w, b0, x, y)!;
        var dw64 = (Tensor<double>)g64[1]!;
        for (int i = 0; i < dw64.Length; i++) Assert.Equal(dw64[i], dw32[i], 5);
    }

    [Fact]
    public void Gradient_returns_one_tensor_per_differentiable_tensor_parameter()
    {
        Assert.Equal(["Value", "dw", "db"], Asm.TupleNames(Type, "LinearGradient"));
        Assert.Equal(["Value", "dw", "ds"], Asm.TupleNames(Type, "MixedGradient"));
        var gradient = Asm.Method(Type, "MlpGradient").ReturnType.GetGenericArguments();
        Assert.Equal([typeof(double), typeof(Tensor<double>), typeof(Tensor<double>), typeof(Tensor<double>), typeof(Tensor<double>)], gradient);
    }

    [Fact]
    public void Backward_code_is_one_vjp_call_per_operand_with_the_lesson_notation()
    {
        var source = Asm.Run.Sources.Single(s => s.Key.EndsWith("Models.Linear.g.cs")).Value;
        Assert.Contains("global::Tutor.Tensors.Ops.MatMulVjpRight(t1Bar, x, w, t1, wBar);", source);
        Assert.Contains("// w̄ += xᵀ·t̄₁", source);
        Assert.DoesNotContain("MatMulVjpLeft", source);   // x is [NoDiff]: a constant costs nothing backward
        Assert.Contains("var wBar = global::Tutor.Tensors.Tensor<double>.ZerosLike(w);", source);
    }

    [Fact]
    public void Derivation_is_unavailable_with_a_reason()
    {
        var derivation = Asm.GetProperty(Type, "LinearDerivation")!;
        var text = (string)derivation.GetType().GetProperty("Text")!.GetValue(derivation)!;
        Assert.Contains("tensors", text);
    }

    [Fact]
    public void Trace_records_the_scalar_steps()
    {
        var random = new Random(6);
        var x = Random(random, 4, 3);
        var w = Random(random, 3, 2);
        var trace = Asm.Call(Type, "MixedTrace", w, 0.7, x, 0.1)!;
        var text = (string)LoadedAssembly.CallInstance(trace, "ToText")!;
        Assert.Contains("ToScalar", text);
        Assert.DoesNotContain("MatMul", text);
    }
}
