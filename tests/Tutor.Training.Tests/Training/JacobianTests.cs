namespace Tutor.Training.Tests.Training;

/// <summary>
/// Seed 001 P2's network f(x) = W_F tanh(W_L … tanh(W_2 tanh(W_1 x))), with its JVP and VJP written by hand in plain C#.
/// </summary>
public class JacobianTests
{
    sealed class TanhNetwork
    {
        readonly double[][,] layers; // W_1 (K×D), W_2 … W_L (K×K), W_F (P×K)

        public TanhNetwork(int d, int k, int p, int depth, TutorRandom random)
        {
            layers = new double[depth + 1][,];
            for (int l = 0; l <= depth; l++)
            {
                int rows = l == depth ? p : k, cols = l == 0 ? d : k;
                layers[l] = new double[rows, cols];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < cols; j++) layers[l][i, j] = random.NextNormal() / Math.Sqrt(cols);
            }
        }

        public int Outputs => layers[^1].GetLength(0);

        static double[] Multiply(double[,] w, double[] v, bool transpose = false)
        {
            int rows = w.GetLength(transpose ? 1 : 0), cols = w.GetLength(transpose ? 0 : 1);
            var result = new double[rows];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) result[i] += (transpose ? w[j, i] : w[i, j]) * v[j];
            return result;
        }

        /// <summary>The forward pass, keeping each tanh output h_l.</summary>
        (double[] Output, List<double[]> Hidden) Run(double[] x)
        {
            var hidden = new List<double[]>();
            double[] z = Multiply(layers[0], x);
            for (int l = 1; l < layers.Length; l++)
            {
                double[] h = [.. z.Select(Math.Tanh)];
                hidden.Add(h);
                z = Multiply(layers[l], h);
            }
            return (z, hidden);
        }

        public double[] Evaluate(double[] x) => Run(x).Output;

        /// <summary>Forward mode: push ẋ = v through, ż = Wḣ and ḣ = (1 − h²) ⊙ ż.</summary>
        public double[] Jvp(double[] x, double[] v)
        {
            var (_, hidden) = Run(x);
            double[] dz = Multiply(layers[0], v);
            for (int l = 1; l < layers.Length; l++)
            {
                double[] h = hidden[l - 1];
                double[] dh = [.. dz.Select((t, i) => (1 - h[i] * h[i]) * t)];
                dz = Multiply(layers[l], dh);
            }
            return dz;
        }

        /// <summary>Reverse mode: pull ū = u back, h̄ = Wᵀz̄ and z̄ = (1 − h²) ⊙ h̄.</summary>
        public double[] Vjp(double[] x, double[] u)
        {
            var (_, hidden) = Run(x);
            double[] zBar = u;
            for (int l = layers.Length - 1; l >= 1; l--)
            {
                double[] hBar = Multiply(layers[l], zBar, transpose: true);
                double[] h = hidden[l - 1];
                zBar = [.. hBar.Select((t, i) => (1 - h[i] * h[i]) * t)];
            }
            return Multiply(layers[0], zBar, transpose: true);
        }
    }

    [Theory]
    [InlineData(2, 30, 10, 10)]
    [InlineData(5, 7, 3, 3)]
    [InlineData(1, 4, 6, 1)]
    public void Forward_mode_equals_reverse_mode_equals_finite_differences(int d, int k, int p, int depth)
    {
        var random = new TutorRandom(1);
        var net = new TanhNetwork(d, k, p, depth, random.Fork("weights"));
        double[] x = [.. Enumerable.Range(0, d).Select(_ => random.NextNormal())];

        double[,] forward = Jacobian.Forward(net.Jvp, x);
        double[,] reverse = Jacobian.Reverse(net.Vjp, x, net.Outputs);
        double[,] numeric = Jacobian.FiniteDifference(net.Evaluate, x);

        Assert.Equal(p, forward.GetLength(0));
        Assert.Equal(d, forward.GetLength(1));
        Assert.True(Jacobian.MaxAbsDifference(forward, reverse) < 1e-12);
        Assert.True(Jacobian.MaxAbsDifference(forward, numeric) < 1e-8);
    }

    [Fact]
    public void Jacobian_of_a_linear_map_is_its_matrix()
    {
        double[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
        double[] F(double[] x) => [a[0, 0] * x[0] + a[0, 1] * x[1] + a[0, 2] * x[2], a[1, 0] * x[0] + a[1, 1] * x[1] + a[1, 2] * x[2]];
        double[] Vjp(double[] x, double[] u) => [u[0] * a[0, 0] + u[1] * a[1, 0], u[0] * a[0, 1] + u[1] * a[1, 1], u[0] * a[0, 2] + u[1] * a[1, 2]];
        Assert.Equal(0, Jacobian.MaxAbsDifference(a, Jacobian.Forward((x, v) => F(v), [0, 0, 0])));
        Assert.Equal(0, Jacobian.MaxAbsDifference(a, Jacobian.Reverse(Vjp, [0, 0, 0], 2)));
        Assert.True(Jacobian.MaxAbsDifference(a, Jacobian.FiniteDifference(F, [1, -1, 2])) < 1e-9);
        Assert.Throws<InvalidOperationException>(() => Jacobian.Reverse((x, u) => [1.0], [0, 0, 0], 2));
    }
}
