using Tutor.Lessons.DepthAndInitialisation;
using Tutor.Lessons.MnistSgdMomentum;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.Tests;

/// <summary>
/// The hand-written backward passes of the two MNIST networks (depth-and-initialisation's deep tanh MLP and
/// mnist-sgd-momentum's 784 → 10 → 10 ReLU MLP) against central differences of their own loss, on small networks:
/// every weight and bias. Both run in float32, so the step is large (h = 10⁻² for tanh, 10⁻³ across ReLU kinks) and the
/// tolerance is |numeric − analytic| ≤ 2·10⁻³ + 2%·|analytic|; a missing factor in a VJP is off by far more.
/// </summary>
public sealed class NetworkGradientTests
{
    static (Tensor<float> X, int[] Y) Data(int rows, int inputs, int classes, ulong seed)
    {
        var random = new TutorRandom(seed);
        var x = new float[rows * inputs];
        for (int i = 0; i < x.Length; i++) x[i] = (float)random.NextDouble();
        var y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = i % classes;
        return (Tensor<float>.Wrap(x, TensorShape.Matrix(rows, inputs)), y);
    }

    static void AssertMatchesCentralDifferences(ParameterSet<float> parameters, Func<float> loss, float h)
    {
        loss();   // fills the gradients
        var analytic = parameters.Parameters.Select(p => p.Gradient.ToArray()).ToList();
        int compared = 0;
        for (int k = 0; k < parameters.Parameters.Count; k++)
        {
            var p = parameters.Parameters[k];
            for (int i = 0; i < p.Length; i++)
            {
                float saved = p.Value.Span[i];
                p.Value.Span[i] = saved + h;
                double up = loss();
                p.Value.Span[i] = saved - h;
                double down = loss();
                p.Value.Span[i] = saved;
                double numeric = (up - down) / (2.0 * h);
                double g = analytic[k][i];
                Assert.True(Math.Abs(numeric - g) <= 2e-3 + 0.02 * Math.Abs(g), $"{p.Name}[{i}]: generated/hand VJP {g:G6}, central difference {numeric:G6}");
                compared++;
            }
        }
        Assert.Equal(parameters.TotalLength, compared);
        Assert.Contains(analytic.SelectMany(a => a), v => Math.Abs(v) > 0.01);   // the comparison is not between zeros
    }

    [Fact]
    public void Deep_tanh_net_backward_matches_central_differences()
    {
        var net = new DeepTanhNet(inputs: 6, hidden: 5, depth: 3, classes: 4);
        net.Initialise(null, new TutorRandom(11));                      // Xavier
        var (x, y) = Data(rows: 7, inputs: 6, classes: 4, seed: 12);
        // biases start at 0; move them so their gradients are checked away from the initial point too
        foreach (var p in net.Parameters.Parameters.Where(p => p.Name.StartsWith('b')))
            for (int i = 0; i < p.Length; i++) p.Value.Span[i] = 0.1f * (i - 1);
        AssertMatchesCentralDifferences(net.Parameters, () => net.LossAndGradient(x, y), h: 1e-2f);
    }

    [Fact]
    public void Small_relu_mlp_backward_matches_central_differences()
    {
        var net = new SmallMlp(inputs: 8, hidden: 6, classes: 5);
        net.Initialise(new TutorRandom(21));
        var (x, y) = Data(rows: 9, inputs: 8, classes: 5, seed: 22);
        AssertMatchesCentralDifferences(net.Parameters, () => net.LossAndGradient(x, y), h: 1e-3f);
    }
}
