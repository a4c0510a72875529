using CsCheck;

namespace Tutor.Runtime.Tests;

/// <summary>StableMath against true values (3000-bit arithmetic, from docs NUMERICS.md) and exact identities.</summary>
public class StableMathTests
{
    [Theory]
    [InlineData(1e-20, 1e-20)]
    [InlineData(1e-15, 9.999999999999995e-16)]
    [InlineData(-1e-20, -1e-20)]
    public void Log1p_is_accurate_for_tiny_x(double x, double truth) => Assert.Equal(truth, StableMath.Log1p(x));

    [Theory]
    [InlineData(1e-10, 1.00000000005e-10)]
    [InlineData(1e-20, 1e-20)]
    public void Expm1_is_accurate_for_tiny_x(double x, double truth) => Assert.Equal(truth, StableMath.Expm1(x));

    [Fact]
    public void Expm1_over_x_near_zero() =>
        // True value 1 + 5e−16; the naive (Exp(x) − 1)/x gives 1.1102230246251565. Allow 2 ulp (two roundings).
        Assert.True(UlpDistance(StableMath.Expm1(1e-15) / 1e-15, 1.0000000000000004) <= 2);

    [Theory]
    [InlineData(-40, 4.248354255291589e-18)]
    [InlineData(800, 800)]
    [InlineData(0, 0.6931471805599453)]
    public void Softplus_true_values(double x, double truth) => Assert.Equal(truth, StableMath.Softplus(x));

    [Fact]
    public void Softplus_has_no_threshold_shortcut() =>
        // PyTorch's threshold returns exactly 30 here; the true value is 30 + 9.357622968840175e−14.
        Assert.Equal(30.000000000000092, StableMath.Softplus(30.0), 14);

    [Theory]
    [InlineData(800, 1.0)]
    [InlineData(-800, 0.0)]
    [InlineData(0, 0.5)]
    [InlineData(-40, 4.248354255291589e-18)]
    public void Sigmoid_does_not_overflow(double x, double truth) => Assert.Equal(truth, StableMath.Sigmoid(x));

    [Theory]
    [InlineData(-800, -800)]
    [InlineData(40, -4.248354255291589e-18)]
    public void LogSigmoid_true_values(double x, double truth) => Assert.Equal(truth, StableMath.LogSigmoid(x));

    [Theory]
    [InlineData(1000, 1000, 1000.6931471805599)]
    [InlineData(-1000, -1000, -999.3068528194401)]
    [InlineData(0, 800, 800)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity, double.NegativeInfinity, double.NegativeInfinity)]
    [InlineData(double.NegativeInfinity, 3, 3)]
    [InlineData(double.NaN, 3, double.NaN)]
    public void LogSumExp_pairs(double a, double b, double truth)
    {
        Assert.Equal(truth, StableMath.LogSumExp(a, b));
        Assert.Equal(truth, StableMath.LogAddExp(a, b));
    }

    [Fact]
    public void LogSumExp_of_a_span_shifts_by_the_maximum()
    {
        Assert.Equal(1002.4076059644444, StableMath.LogSumExp(new[] { 1000.0, 1001, 1002 }), 12);
        Assert.Equal(double.NegativeInfinity, StableMath.LogSumExp(ReadOnlySpan<double>.Empty));
        Assert.True(double.IsNaN(StableMath.LogSumExp(new[] { 1.0, double.NaN })));
        Assert.Equal(1002.4076f, StableMath.LogSumExp(new[] { 1000f, 1001f, 1002f }), 3);
    }

    [Fact]
    public void Log1mExp_follows_Maechler()
    {
        Assert.Equal(-46.051701859880914, StableMath.Log1mExp(1e-20), 12);
        Assert.Equal(Math.Log(1 - Math.Exp(-5.0)), StableMath.Log1mExp(5.0), 15);
        Assert.Equal(double.NegativeInfinity, StableMath.Log1mExp(0));
    }

    [Fact]
    public void Hypot_and_Relu()
    {
        Assert.Equal(1.414213562373095e200, StableMath.Hypot(1e200, 1e200), 1e186);
        Assert.Equal(5e-200, StableMath.Hypot(3e-200, 4e-200));
        Assert.Equal(0.0, StableMath.Relu(-2.0));
        Assert.Equal(0.0, StableMath.Relu(0.0));
        Assert.Equal(2.5f, StableMath.Relu(2.5f));
        Assert.True(double.IsNaN(StableMath.Relu(double.NaN)));
    }

    [Fact]
    public void Float_overloads_agree_with_double()
    {
        Assert.Equal(1e-20f, StableMath.Log1p(1e-20f));
        Assert.Equal(1e-10f, StableMath.Expm1(1e-10f));
        Assert.Equal(1f, StableMath.Sigmoid(800f));
        Assert.Equal(0f, StableMath.Sigmoid(-800f));
        Assert.Equal((float)4.248354255291589e-18, StableMath.Softplus(-40f));
        Assert.Equal((float)1000.6931471805599, StableMath.LogSumExp(1000f, 1000f));
        Assert.Equal(5f, StableMath.Hypot(3f, 4f));
    }

    [Fact]
    public void Log1p_inverts_Expm1_within_a_few_ulp() =>
        Gen.Double[-0.7, 0.7].Sample(x =>
        {
            if (x == 0) return true;
            return UlpDistance(StableMath.Log1p(StableMath.Expm1(x)), x) <= 4;
        }, iter: 20000);

    [Fact]
    public void Expm1_inverts_Log1p_within_a_few_ulp() =>
        Gen.Double[-0.6, 3].Sample(x => x == 0 || UlpDistance(StableMath.Expm1(StableMath.Log1p(x)), x) <= 4, iter: 20000);

    [Fact]
    public void Log1p_and_Expm1_track_tiny_inputs_over_many_magnitudes() =>
        // For |x| < 1e−8 the true values are x − x²/2 and x + x²/2 to far below an ulp; Kahan/Goldberg are within ~1 ulp,
        // and the reference itself is rounded once more.
        Gen.Double[-1e-8, 1e-8].Sample(x =>
            UlpDistance(StableMath.Log1p(x), x - x * x / 2) <= 2 && UlpDistance(StableMath.Expm1(x), x + x * x / 2) <= 2, iter: 20000);

    [Fact]
    public void Sigmoid_plus_its_mirror_is_one() =>
        Gen.Double[-30, 30].Sample(x => Math.Abs(StableMath.Sigmoid(x) + StableMath.Sigmoid(-x) - 1) <= 2.3e-16, iter: 5000);

    [Fact]
    public void Softplus_identity_softplus_x_minus_softplus_minus_x_is_x() =>
        Gen.Double[-30, 30].Sample(x => Math.Abs(StableMath.Softplus(x) - StableMath.Softplus(-x) - x) <= 1e-14 * Math.Max(1, Math.Abs(x)), iter: 5000);

    static long Ordinal(double d)
    {
        long b = BitConverter.DoubleToInt64Bits(d);
        return b >= 0 ? b : -(b & long.MaxValue);
    }

    static long UlpDistance(double a, double b) => Math.Abs(Ordinal(a) - Ordinal(b));
}
