using Tutor.Generator.Diagnostics;
using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.Diagnostics;

/// <summary>Tensor code the generator does not differentiate yet: TUT0006 on the exact span, saying what to write instead.</summary>
public class TensorDiagnosticTests
{
    static void AssertTut0006(string body, string expectedAdvice)
    {
        var source = MarkedSource.Parse($$"""
            using System;
            using Tutor;
            using Tutor.Tensors;

            namespace Demo;

            public static partial class Models
            {
            {{body}}
            }
            """);
        var run = GeneratorHarness.Run(source.Text);
        GeneratorHarness.AssertNoGeneratorException(run);
        string all = string.Join("\n", run.GeneratorDiagnostics.Select(d => Snapshots.Snapshot.Describe(d, source.Text)));
        var found = run.GeneratorDiagnostics.Where(d => d.Id == Descriptors.UnsupportedExpression.Id).ToList();
        Assert.True(found.Count == 1 && source.Spans.Count == 1, $"Expected one TUT0006, got:\n{all}");
        Assert.True(found[0].Location.SourceSpan == source.Spans[0], $"TUT0006 on the wrong span:\n{all}");
        Assert.Contains(expectedAdvice, found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Tensor_op_in_a_loop() => AssertTut0006("""
            [Differentiable]
            public static double Looped(Tensor<double> w, int steps)
            {
                double s = 0;
                for (int i = 0; i < steps; i++)
                    s += [|Ops.Sum(Ops.Tanh(w)).ToScalar()|];
                return s;
            }
        """, "compute the scalar before the loop");

    [Fact]
    public void Indexing_a_tensor() => AssertTut0006("""
            [Differentiable]
            public static double First(Tensor<double> w) => [|w[0]|] * 2;
        """, "Ops.Sum");

    [Fact]
    public void Other_methods_of_a_tensor() => AssertTut0006("""
            [Differentiable]
            public static double Cloned(Tensor<double> w) => Ops.Sum([|w.Clone()|]).ToScalar();
        """, ".ToScalar()");

    [Fact]
    public void Differentiable_scale_factor() => AssertTut0006("""
            [Differentiable]
            public static double Scaled(Tensor<double> w, double s) => Ops.Sum(Ops.Scale(w, [|s|])).ToScalar();
        """, "s * Ops.Sum(A).ToScalar()");
}
