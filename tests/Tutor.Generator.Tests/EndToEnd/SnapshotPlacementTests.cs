using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>
/// A local array is copied onto the tape whole only by a loop that writes it. Here the layers' activations h are
/// written in the i loop after the j loop reads the previous layer: copying h per iteration of the j loop (which
/// never writes it) made the tape grow as k²·|h| per layer and overflowed at k = 1000 (the jacobian-modes lesson).
/// The reads are taped one by one instead; the gradient is checked against central differences.
/// </summary>
public class SnapshotPlacementTests
{
    const string Members = """
            [Differentiable]
            public static double Deep(double[] x, [NoDiff] double[] w, int k, int layers)
            {
                double[] h = new double[layers * k];
                for (int i = 0; i < k; i++) h[i] = Math.Tanh(w[i] * x[i]);
                for (int l = 1; l < layers; l++)
                    for (int i = 0; i < k; i++)
                    {
                        double s = 0;
                        for (int j = 0; j < k; j++) s += w[(l * k + i) * k % w.Length + j] * h[(l - 1) * k + j];
                        h[l * k + i] = Math.Tanh(s);
                    }
                double total = 0;
                for (int i = 0; i < k; i++) total += h[(layers - 1) * k + i];
                return total;
            }
        """;

    [Fact]
    public void A_loop_that_only_reads_the_array_does_not_copy_it_and_the_gradient_is_right()
    {
        var run = GeneratorHarness.Run(StudentSource.Class(Members));
        Assert.DoesNotContain("PushArray(h)", string.Concat(run.Sources.Values), StringComparison.Ordinal);

        var asm = GeneratorHarness.Load(run);
        var random = new Random(5);
        int k = 4, layers = 3;
        double[] x = [.. Enumerable.Range(0, k).Select(_ => random.NextDouble() - 0.5)];
        double[] w = [.. Enumerable.Range(0, k * k + k).Select(_ => random.NextDouble() - 0.5)];
        var gradient = (ValueTuple<double, double[]>)asm.Call("Demo.Formulas", "DeepGradient", x, w, k, layers)!;
        for (int i = 0; i < k; i++)
        {
            const double h = 1e-6;
            double[] up = [.. x], down = [.. x];
            up[i] += h;
            down[i] -= h;
            double central = (asm.CallDouble("Demo.Formulas", "Deep", up, w, k, layers) - asm.CallDouble("Demo.Formulas", "Deep", down, w, k, layers)) / (2 * h);
            Assert.True(Math.Abs(gradient.Item2[i] - central) < 1e-8, $"∂f/∂x[{i}] = {gradient.Item2[i]:R}, central difference {central:R}");
        }
    }
}
