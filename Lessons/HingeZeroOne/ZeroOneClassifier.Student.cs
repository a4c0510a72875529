using Tutor;

namespace Tutor.Lessons.HingeZeroOne;

/// <summary>
/// Seed 004 part 1: ŷ = w2ᵀ relu(W1 f + b1) + b2 on two features f (W1 is 5 × 2 row-major), labels ±1, and the loss
/// mean(max(−y·ŷ, 0)). The generator writes LossGradient.
/// </summary>
public static partial class ZeroOneClassifier
{
    public const int Hidden = 5;

    [Differentiable]
    public static double Loss(double[] w1, double[] b1, double[] w2, double b2, [NoDiff] double[] f, [NoDiff] double[] y, int n)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double yHat = b2;
            for (int j = 0; j < Hidden; j++)
            {
                double a = b1[j] + w1[2 * j] * f[2 * i] + w1[2 * j + 1] * f[2 * i + 1];
                yHat += w2[j] * StableMath.Relu(a);
            }
            total += Math.Max(-y[i] * yHat, 0);
        }
        return total / n;
    }

    /// <summary>The network's output at the point (f0, f1).</summary>
    public static double Predict(double[] w1, double[] b1, double[] w2, double b2, double f0, double f1)
    {
        double yHat = b2;
        for (int j = 0; j < Hidden; j++)
            yHat += w2[j] * Math.Max(b1[j] + w1[2 * j] * f0 + w1[2 * j + 1] * f1, 0);
        return yHat;
    }
}
