using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// Weight initialisers over spans of float or double (the layout of a weight matrix does not matter to them; the
/// fans do). Each one draws from the generator it is given, so a lesson's initial weights repeat exactly.
/// </summary>
/// <remarks>
/// For a dense layer y = Wx with W of shape (fanOut × fanIn): Glorot and Bengio (2010) keep the variance of activations
/// and of gradients roughly constant through tanh layers with Var(w) = 2/(fanIn + fanOut); He et al. (2015) keep it
/// through ReLU layers with Var(w) = 2/fanIn. Seed 001 P4 compares U(−d, d) for d ∈ {0.01, 0.1, 2} with Xavier.
/// </remarks>
public static class Init
{
    /// <summary>Sets every element to zero (biases; and the linear autoencoder's failing start in lesson 000).</summary>
    public static void Zeros<T>(Span<T> values) where T : IFloatingPointIeee754<T> => values.Clear();

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public static void Constant<T>(Span<T> values, double value) where T : IFloatingPointIeee754<T> => values.Fill(T.CreateChecked(value));

    /// <summary>Draws every element from N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    public static void Normal<T>(Span<T> values, double mean, double standardDeviation, TutorRandom random) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(standardDeviation);
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateChecked(random.NextNormal(mean, standardDeviation));
    }

    /// <summary>Draws every element from U(<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static void Uniform<T>(Span<T> values, double low, double high, TutorRandom random) where T : IFloatingPointIeee754<T>
    {
        if (!(low <= high)) throw new ArgumentOutOfRangeException(nameof(high), $"the interval [{low}, {high}] is empty");
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateChecked(random.NextDouble(low, high));
    }

    /// <summary>Draws every element from U(−d, d), the family seed 001 P4 compares.</summary>
    public static void Uniform<T>(Span<T> values, double d, TutorRandom random) where T : IFloatingPointIeee754<T> => Uniform(values, -d, d, random);

    /// <summary>Xavier/Glorot uniform: U(−d, d) with d = gain·√(6/(fanIn + fanOut)) (PyTorch's <c>xavier_uniform_</c>).</summary>
    public static void XavierUniform<T>(Span<T> values, int fanIn, int fanOut, TutorRandom random, double gain = 1.0) where T : IFloatingPointIeee754<T>
        => Uniform(values, gain * Math.Sqrt(6.0 / Fans(fanIn, fanOut)), random);

    /// <summary>Xavier/Glorot normal: N(0, σ²) with σ = gain·√(2/(fanIn + fanOut)) (PyTorch's <c>xavier_normal_</c>).</summary>
    public static void XavierNormal<T>(Span<T> values, int fanIn, int fanOut, TutorRandom random, double gain = 1.0) where T : IFloatingPointIeee754<T>
        => Normal(values, 0.0, gain * Math.Sqrt(2.0 / Fans(fanIn, fanOut)), random);

    /// <summary>He/Kaiming normal for ReLU layers: N(0, σ²) with σ = √(2/fanIn) (PyTorch's <c>kaiming_normal_</c>, fan_in mode).</summary>
    public static void HeNormal<T>(Span<T> values, int fanIn, TutorRandom random) where T : IFloatingPointIeee754<T>
        => Normal(values, 0.0, Math.Sqrt(2.0 / Fans(fanIn, 0)), random);

    /// <summary>He/Kaiming uniform for ReLU layers: U(−d, d) with d = √(6/fanIn) (PyTorch's <c>kaiming_uniform_</c> with the ReLU gain).</summary>
    public static void HeUniform<T>(Span<T> values, int fanIn, TutorRandom random) where T : IFloatingPointIeee754<T>
        => Uniform(values, Math.Sqrt(6.0 / Fans(fanIn, 0)), random);

    static double Fans(int fanIn, int fanOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegative(fanOut);
        return fanIn + (double)fanOut;
    }
}
