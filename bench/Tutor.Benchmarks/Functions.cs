namespace Tutor.Benchmarks;

/// <summary>The functions the benchmarks differentiate; the generator writes their Gradient/Jvp next to them.</summary>
public static partial class Functions
{
    /// <summary>The seed's formula, f(x, y) = (x + eʸ) / (ln x + (x − y)³); benchmarked at (3, 4).</summary>
    [Differentiable]
    public static double Formula(double x, double y) => (x + Math.Exp(y)) / (Math.Log(x) + Math.Pow(x - y, 3));

    /// <summary>A 2-2-1 network with fixed weights: two tanh hidden units and a sigmoid output.</summary>
    [Differentiable]
    public static double Neuron(double x, double y)
    {
        var h1 = Math.Tanh(0.5 * x - 0.3 * y + 0.1);
        var h2 = Math.Tanh(-0.2 * x + 0.8 * y - 0.4);
        var z = 1.2 * h1 - 0.7 * h2 + 0.05;
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>A Huber loss of a residual (a branch on |r|) plus a hinge term (Max) that is flat at (3, 4).</summary>
    [Differentiable]
    public static double Huber(double x, double y)
    {
        var r = x * y - Math.Sin(x);
        double loss;
        if (Math.Abs(r) <= 1.0)
            loss = 0.5 * r * r;
        else
            loss = Math.Abs(r) - 0.5;
        return loss + Math.Max(0.0, Math.Log(x) - y);
    }
}
