namespace Tutor;

/// <summary>Span helpers the numerics code fixes rewrite to: softmax, log-softmax, variance and compensated sums.</summary>
public static partial class StableMath
{
    /// <summary>
    /// softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m) with m = max x, written into <paramref name="destination"/>:
    /// [1000, 1001] gives [0.2689414213699951, 0.7310585786300049] (without the shift, and in
    /// <c>TensorPrimitives.SoftMax</c>, NaN, NaN).
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than the input.</exception>
    public static void Softmax(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        if (x.IsEmpty) return;
        double lse = LogSumExp(x);
        for (int i = 0; i < x.Length; i++) destination[i] = Math.Exp(x[i] - lse);
    }

    /// <inheritdoc cref="Softmax(ReadOnlySpan{double}, Span{double})"/>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (destination.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        if (x.IsEmpty) return;
        double lse = LogSumExp(Widen(x));
        for (int i = 0; i < x.Length; i++) destination[i] = (float)Math.Exp(x[i] - lse);
    }

    /// <summary>
    /// log softmax(x)ᵢ = xᵢ − LogSumExp(x), written into <paramref name="destination"/>: [0, 800] gives [−800, 0]
    /// (the log of the naive softmax gives −∞, and NaN at 0).
    /// </summary>
    /// <exception cref="ArgumentException">The destination is shorter than the input.</exception>
    public static void LogSoftmax(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        if (x.IsEmpty) return;
        double lse = LogSumExp(x);
        for (int i = 0; i < x.Length; i++) destination[i] = x[i] - lse;
    }

    /// <inheritdoc cref="LogSoftmax(ReadOnlySpan{double}, Span{double})"/>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> destination)
    {
        if (destination.Length < x.Length) throw new ArgumentException("Destination is too short.", nameof(destination));
        if (x.IsEmpty) return;
        double lse = LogSumExp(Widen(x));
        for (int i = 0; i < x.Length; i++) destination[i] = (float)(x[i] - lse);
    }

    /// <summary>
    /// Population variance Σ(xᵢ − mean)²/n by two passes (the mean first, then the squared deviations, with the
    /// rounding error of the mean corrected): {1e9+4, 1e9+7, 1e9+13, 1e9+16} gives 22.5, where Σx²/n − mean² gives
    /// −170.67. Empty input gives NaN.
    /// </summary>
    public static double Variance(ReadOnlySpan<double> xs)
    {
        if (xs.IsEmpty) return double.NaN;
        double mean = NeumaierSum(xs) / xs.Length;
        double squares = 0, deviations = 0;
        foreach (double x in xs)
        {
            double d = x - mean;
            squares += d * d;
            deviations += d;
        }
        // The corrected two-pass algorithm (Chan, Golub, LeVeque): the second term removes the error of the mean.
        return (squares - deviations * deviations / xs.Length) / xs.Length;
    }

    /// <inheritdoc cref="Variance(ReadOnlySpan{double})"/>
    public static float Variance(ReadOnlySpan<float> xs) => (float)Variance(Widen(xs));

    /// <summary>
    /// Population variance in one pass (Welford), for data that arrives one value at a time; as accurate as the
    /// two-pass <see cref="Variance(ReadOnlySpan{double})"/> on ordinary data.
    /// </summary>
    public static double WelfordVariance(IEnumerable<double> xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        long n = 0;
        double mean = 0, m2 = 0;
        foreach (double x in xs)
        {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }
        return n == 0 ? double.NaN : m2 / n;
    }

    /// <summary>
    /// Σ xᵢ with Neumaier's compensation: the rounding error of every addition is kept and added back at the end.
    /// 10⁷ copies of 0.1 give 1000000 (the plain loop gives 999999.9998389754).
    /// </summary>
    public static double NeumaierSum(ReadOnlySpan<double> xs)
    {
        double sum = 0, compensation = 0;
        foreach (double x in xs)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /// <inheritdoc cref="NeumaierSum(ReadOnlySpan{double})"/>
    public static float NeumaierSum(ReadOnlySpan<float> xs) => (float)NeumaierSum(Widen(xs));

    static double[] Widen(ReadOnlySpan<float> xs)
    {
        var wide = new double[xs.Length];
        for (int i = 0; i < xs.Length; i++) wide[i] = xs[i];
        return wide;
    }
}
