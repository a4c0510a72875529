namespace Tutor.Runtime.Tests;

/// <summary>The conventions at kinks (PyTorch's) and NaN propagation.</summary>
public class PartialsTests
{
    [Fact]
    public void Sign_is_a_number_with_zero_at_zero()
    {
        Assert.Equal(0.0, Partials.Sign(0.0));
        Assert.Equal(0.0, Partials.Sign(-0.0));
        Assert.Equal(-1.0, Partials.Sign(-3.0));
        Assert.Equal(1.0, Partials.Sign(2.0));
        Assert.Equal(-1f, Partials.Sign(-3f));
        Assert.True(double.IsNaN(Partials.Sign(double.NaN)));
        Assert.True(float.IsNaN(Partials.Sign(float.NaN)));
    }

    [Fact]
    public void Step_gives_relu_derivative_zero_at_zero()
    {
        Assert.Equal(0.0, Partials.Step(0.0));
        Assert.Equal(1.0, Partials.Step(1e-300));
        Assert.Equal(0.0, Partials.Step(-1.0));
        Assert.Equal(0f, Partials.Step(0f));
        Assert.True(double.IsNaN(Partials.Step(double.NaN)));
    }

    [Fact]
    public void Max_and_min_split_ties_evenly()
    {
        Assert.Equal(0.5, Partials.MaxFirst(1.0, 1.0));
        Assert.Equal(0.5, Partials.MaxSecond(1.0, 1.0));
        Assert.Equal(1.0, Partials.MaxFirst(2.0, 1.0));
        Assert.Equal(0.0, Partials.MaxSecond(2.0, 1.0));
        Assert.Equal(0.5, Partials.MinFirst(1.0, 1.0));
        Assert.Equal(1.0, Partials.MinFirst(1.0, 2.0));
        Assert.Equal(0.0, Partials.MinSecond(1.0, 2.0));
        Assert.Equal(1.0, Partials.MinSecond(3.0, 2.0));
        Assert.Equal(0.5f, Partials.MaxFirst(1f, 1f));
        Assert.True(double.IsNaN(Partials.MaxFirst(double.NaN, 1.0)));
        Assert.True(double.IsNaN(Partials.MinSecond(1.0, double.NaN)));
    }

    [Fact]
    public void Clamp_partials_include_the_bounds_in_the_value_path()
    {
        Assert.Equal(1.0, Partials.ClampValue(0.0, 0.0, 1.0));
        Assert.Equal(1.0, Partials.ClampValue(1.0, 0.0, 1.0));
        Assert.Equal(0.0, Partials.ClampValue(2.0, 0.0, 1.0));
        Assert.Equal(1.0, Partials.ClampLow(-1.0, 0.0, 1.0));
        Assert.Equal(0.0, Partials.ClampLow(0.0, 0.0, 1.0));
        Assert.Equal(1.0, Partials.ClampHigh(2.0, 0.0, 1.0));
        Assert.Equal(0.0, Partials.ClampHigh(1.0, 0.0, 1.0));
        Assert.Equal(1f, Partials.ClampHigh(2f, 0f, 1f));
        Assert.True(double.IsNaN(Partials.ClampValue(double.NaN, 0.0, 1.0)));
    }

    [Fact]
    public void XLogY_and_SafeDiv_conventions()
    {
        Assert.Equal(0.0, Partials.XLogY(0.0, 0.0));
        Assert.Equal(0.0, Partials.XLogY(0.0, -1.0));
        Assert.Equal(2 * Math.Log(3.0), Partials.XLogY(2.0, 3.0));
        Assert.True(double.IsNaN(Partials.XLogY(0.0, double.NaN)));
        Assert.Equal(0.0, Partials.SafeDiv(1.0, 0.0));
        Assert.Equal(2.5, Partials.SafeDiv(5.0, 2.0));
        Assert.Equal(0f, Partials.SafeDiv(1f, 0f));
        Assert.True(double.IsNaN(Partials.SafeDiv(double.NaN, 0.0)));
    }
}
