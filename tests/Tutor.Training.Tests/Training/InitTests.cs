namespace Tutor.Training.Tests.Training;

public class InitTests
{
    [Fact]
    public void Xavier_uniform_stays_within_its_bound_and_has_variance_2_over_fan_sum()
    {
        const int fanIn = 784, fanOut = 50;
        var w = new float[fanIn * fanOut];
        Init.XavierUniform<float>(w, fanIn, fanOut, new TutorRandom(1));
        double d = Math.Sqrt(6.0 / (fanIn + fanOut));
        Assert.All(w, v => Assert.InRange(v, -d, d));
        Assert.Equal(2.0 / (fanIn + fanOut), Variance(w), 2.0 / (fanIn + fanOut) * 0.03);
    }

    [Fact]
    public void Xavier_normal_and_He_have_the_documented_standard_deviations()
    {
        var w = new double[100_000];
        Init.XavierNormal<double>(w, 30, 70, new TutorRandom(2));
        Assert.Equal(Math.Sqrt(2.0 / 100), Math.Sqrt(Variance(w)), 0.002);
        Init.HeNormal<double>(w, 50, new TutorRandom(3));
        Assert.Equal(0.2, Math.Sqrt(Variance(w)), 0.002);
        Init.HeUniform<double>(w, 24, new TutorRandom(4));
        Assert.All(w, v => Assert.InRange(v, -0.5, 0.5));
        Assert.Equal(2.0 / 24, Variance(w), 0.002);
    }

    [Fact]
    public void Uniform_minus_d_to_d_and_normal_and_zeros()
    {
        var w = new double[50_000];
        Init.Uniform<double>(w, 2.0, new TutorRandom(5));
        Assert.All(w, v => Assert.InRange(v, -2.0, 2.0));
        Assert.Equal(4.0 / 3.0, Variance(w), 0.03);
        Init.Normal<double>(w, 3.0, 0.5, new TutorRandom(6));
        Assert.Equal(3.0, w.Average(), 0.01);
        Assert.Equal(0.25, Variance(w), 0.01);
        Init.Zeros<double>(w);
        Assert.All(w, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights()
    {
        var a = new float[64];
        var b = new float[64];
        Init.XavierUniform<float>(a, 8, 8, new TutorRandom(9).Fork("W1"));
        Init.XavierUniform<float>(b, 8, 8, new TutorRandom(9).Fork("W1"));
        Assert.Equal(a, b);
    }

    static double Variance<T>(T[] values) where T : System.Numerics.INumber<T>
    {
        double[] v = [.. values.Select(double.CreateChecked)];
        double mean = v.Average();
        return v.Select(x => (x - mean) * (x - mean)).Average();
    }
}
