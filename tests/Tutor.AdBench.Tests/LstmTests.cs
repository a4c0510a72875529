using Xunit;

namespace Tutor.AdBench.Tests;

/// <summary>The LSTM objective: state overwritten at every step, through several layers and time steps.</summary>
public class LstmTests
{
    sealed record Instance(double[] Main, double[] Extra, double[] State, double[] Sequence, int L, int C, int B)
    {
        public double Objective() => Lstm.Objective(Main, Extra, State, Sequence, L, C, B);
    }

    static Instance Make(int l, int c, int b, int seed)
    {
        var rng = new Random(seed);
        double[] R(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var sequence = new double[c * b];
        for (int t = 0; t < c; t++) sequence[t * b + rng.Next(b)] = 1;   // one-hot characters
        return new Instance(R(8 * b * l), R(3 * b), R(2 * l * b), sequence, l, c, b);
    }

    [Theory]
    [InlineData(1, 3, 2, 1)]
    [InlineData(2, 4, 3, 2)]
    [InlineData(2, 6, 4, 3)]
    public void Gradient_matches_central_differences(int l, int c, int b, int seed)
    {
        var p = Make(l, c, b, seed);
        var (value, dmain, dextra) = Lstm.ObjectiveGradient(p.Main, p.Extra, p.State, p.Sequence, l, c, b);
        Assert.Equal(p.Objective(), value);
        foreach (var (array, gradient) in new[] { (p.Main, dmain), (p.Extra, dextra) })
        {
            for (int i = 0; i < array.Length; i++)
            {
                double h = 1e-6, saved = array[i];
                array[i] = saved + h; double plus = p.Objective();
                array[i] = saved - h; double minus = p.Objective();
                array[i] = saved;
                double fd = (plus - minus) / (2 * h);
                Assert.True(Math.Abs(fd - gradient[i]) <= 1e-7 * Math.Max(1, Math.Abs(fd)), $"[{i}]: FD {fd:R}, generated {gradient[i]:R}");
            }
        }
    }

    [Fact]
    public void Forward_and_reverse_mode_agree()
    {
        var p = Make(2, 5, 3, 11);
        var (_, dmain, dextra) = Lstm.ObjectiveGradient(p.Main, p.Extra, p.State, p.Sequence, p.L, p.C, p.B);
        var rng = new Random(5);
        var vm = Enumerable.Range(0, p.Main.Length).Select(_ => rng.NextDouble()).ToArray();
        var ve = Enumerable.Range(0, p.Extra.Length).Select(_ => rng.NextDouble()).ToArray();
        var (_, tangent) = Lstm.ObjectiveJvp(p.Main, p.Extra, p.State, p.Sequence, p.L, p.C, p.B, vm, ve);
        double dot = dmain.Zip(vm, (a, v) => a * v).Sum() + dextra.Zip(ve, (a, v) => a * v).Sum();
        Assert.True(Math.Abs(dot - tangent) <= 1e-12 * Math.Max(1, Math.Abs(dot)), $"∇F·v = {dot:R}, JVP = {tangent:R}");
    }

    [Fact]
    public void Initial_state_is_not_modified()
    {
        var p = Make(2, 4, 3, 4);
        var before = (double[])p.State.Clone();
        Lstm.ObjectiveGradient(p.Main, p.Extra, p.State, p.Sequence, p.L, p.C, p.B);
        Assert.Equal(before, p.State);
    }
}
