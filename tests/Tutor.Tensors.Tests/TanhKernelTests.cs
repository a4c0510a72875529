namespace Tutor.Tensors.Tests;

/// <summary>
/// Ops.Tanh runs its own vectorised kernel (Cpu/TanhKernel.cs: a polynomial below |x| = 0.625, (1 − e)/(1 + e) with
/// e = exp(−2|x|) above): every element against Math.Tanh, across magnitudes from 1e−8 to 30, both signs, lengths that
/// leave a scalar tail, and the special values.
/// </summary>
public class TanhKernelTests
{
    static double[] Points(int seed, int count)
    {
        var g = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (g.Next(2) == 0 ? -1 : 1) * Math.Pow(10, g.NextDouble() * 9.5 - 8) * 3)];
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 37)]
    [InlineData(3, 7)]
    public void Double_tanh_is_within_3_ulp_of_Math_Tanh(int seed, int count)
    {
        var x = Points(seed, count).Concat([0.625, -0.625, 0.6249999, 0.6250001, 19.1, 400]).ToArray();
        var y = Ops.Tanh(Tensor<double>.Vector(x)).ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            double want = Math.Tanh(x[i]);
            Assert.True(Math.Abs(y[i] - want) <= 3 * Math.Pow(2, -52) * Math.Abs(want), $"tanh({x[i]:R}) = {y[i]:R}, Math.Tanh gives {want:R}");
        }
    }

    [Theory]
    [InlineData(4, 1000)]
    [InlineData(5, 29)]
    public void Float_tanh_is_within_2_ulp_of_the_exact_value(int seed, int count)
    {
        var x = Points(seed, count).Select(v => (float)v).Concat([0.625f, -0.625f, 9.1f, 90f]).ToArray();
        var y = Ops.Tanh(Tensor<float>.Vector(x)).ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            double want = Math.Tanh(x[i]);
            Assert.True(Math.Abs(y[i] - want) <= 2 * Math.Pow(2, -23) * Math.Abs(want), $"tanh({x[i]:R}) = {y[i]:R}, exact {want:R}");
        }
    }

    [Fact]
    public void Special_values_come_out_as_tanh_gives_them()
    {
        double[] x = [0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e-300, -1e-300, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
        var y = Ops.Tanh(Tensor<double>.Vector(x)).ToArray();
        Assert.True(y[0] == 0 && !double.IsNegative(y[0]), "tanh(+0) = +0");
        Assert.True(y[1] == 0 && double.IsNegative(y[1]), "tanh(−0) = −0");
        Assert.Equal(1.0, y[2]);
        Assert.Equal(-1.0, y[3]);
        Assert.True(double.IsNaN(y[4]), "tanh(NaN) = NaN");
        Assert.Equal(1e-300, y[5]);
        Assert.Equal(-1e-300, y[6]);
        float[] xf = [0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, 1e-30f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f];
        var yf = Ops.Tanh(Tensor<float>.Vector(xf)).ToArray();
        Assert.True(yf[0] == 0 && !float.IsNegative(yf[0]), "tanhf(+0) = +0");
        Assert.True(yf[1] == 0 && float.IsNegative(yf[1]), "tanhf(−0) = −0");
        Assert.Equal(1f, yf[2]);
        Assert.Equal(-1f, yf[3]);
        Assert.True(float.IsNaN(yf[4]), "tanhf(NaN) = NaN");
        Assert.Equal(1e-30f, yf[5]);
    }

    [Fact]
    public void Float_tanh_is_within_2_ulp_on_a_dense_sweep()
    {
        // Every 2⁻¹³ from −12 to 12 (196,609 points: the exp branch's whole useful range, where the float exp's
        // error meets the division's), and 4,096 consecutive floats either side of the branch point 0.625.
        var points = new List<float>();
        for (int i = -12 * 8192; i <= 12 * 8192; i++) points.Add(i / 8192f);
        for (float v = 0.625f, w = 0.625f, j = 0; j < 4096; j++, v = MathF.BitIncrement(v), w = MathF.BitDecrement(w)) { points.Add(v); points.Add(-w); }
        float[] x = [.. points];
        var y = Ops.Tanh(Tensor<float>.Vector(x)).ToArray();
        double worst = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double want = Math.Tanh(x[i]);
            if (want == 0) { Assert.Equal(0f, y[i]); continue; }
            double ulps = Math.Abs(y[i] - want) / (Math.Pow(2, -23) * Math.Abs(want));
            worst = Math.Max(worst, ulps);
            Assert.True(ulps <= 2, $"tanh({x[i]:R}) = {y[i]:R}, exact {want:R}: {ulps:F2} ulp");
        }
        Assert.True(worst > 0, "the sweep compared nothing");
    }
}
