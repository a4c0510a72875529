using Tutor;

namespace Tutor.Lessons.MaeTanhNetwork;

/// <summary>
/// Seed 001 P1: ŷ = w2ᵀ tanh(W1 x + b1) + b2 (W1 is h × d row-major, b1 and w2 have h entries, b2 is a number),
/// in float32 as PyTorch computes it. The generator writes MaeLossGradient and MseLossGradient; HandGradient is the
/// seed's hand-derived gradient of the MAE, written out as the seed wrote it.
/// </summary>
public static partial class TanhNetwork
{
    /// <summary>J = (1/n) Σ |ŷᵢ − yᵢ|, the mean absolute error over n examples (x is n × d row-major).</summary>
    [Differentiable]
    public static float MaeLoss(float[] w1, float[] b1, float[] w2, float b2, [NoDiff] float[] x, [NoDiff] float[] y, int n, int d, int h)
    {
        float total = 0;
        for (int i = 0; i < n; i++)
        {
            float yHat = b2;
            for (int j = 0; j < h; j++)
            {
                float a = b1[j];
                for (int k = 0; k < d; k++)
                    a += w1[j * d + k] * x[i * d + k];
                yHat += w2[j] * MathF.Tanh(a);
            }
            total += MathF.Abs(yHat - y[i]);
        }
        return total / n;
    }

    /// <summary>The mean squared error, the loss the seed trains with on California housing.</summary>
    [Differentiable]
    public static float MseLoss(float[] w1, float[] b1, float[] w2, float b2, [NoDiff] float[] x, [NoDiff] float[] y, int n, int d, int h)
    {
        float total = 0;
        for (int i = 0; i < n; i++)
        {
            float yHat = b2;
            for (int j = 0; j < h; j++)
            {
                float a = b1[j];
                for (int k = 0; k < d; k++)
                    a += w1[j * d + k] * x[i * d + k];
                yHat += w2[j] * MathF.Tanh(a);
            }
            float e = yHat - y[i];
            total += e * e;
        }
        return total / n;
    }

    /// <summary>The network's output for example i (plain C#: no gradient needed).</summary>
    public static float Predict(float[] w1, float[] b1, float[] w2, float b2, float[] x, int i, int d, int h)
    {
        float yHat = b2;
        for (int j = 0; j < h; j++)
        {
            float a = b1[j];
            for (int k = 0; k < d; k++) a += w1[j * d + k] * x[i * d + k];
            yHat += w2[j] * MathF.Tanh(a);
        }
        return yHat;
    }

    /// <summary>
    /// The seed's hand-derived gradient of the MAE: with sᵢ = sign(ŷᵢ − yᵢ) and tᵢ = tanh(W1 xᵢ + b1),
    /// ∂J/∂b2 = mean sᵢ, ∂J/∂w2 = mean sᵢ tᵢ, ∂J/∂b1 = mean sᵢ w2 ⊙ (1 − tᵢ²), ∂J/∂W1 = mean (sᵢ w2 ⊙ (1 − tᵢ²)) xᵢᵀ.
    /// </summary>
    public static (float[] W1, float[] B1, float[] W2, float B2) HandGradient(float[] w1, float[] b1, float[] w2, float b2, float[] x, float[] y, int n, int d, int h)
    {
        var gW1 = new float[h * d];
        var gB1 = new float[h];
        var gW2 = new float[h];
        float gB2 = 0;
        var t = new float[h];
        for (int i = 0; i < n; i++)
        {
            float yHat = b2;
            for (int j = 0; j < h; j++)
            {
                float a = b1[j];
                for (int k = 0; k < d; k++) a += w1[j * d + k] * x[i * d + k];
                t[j] = MathF.Tanh(a);
                yHat += w2[j] * t[j];
            }
            float s = MathF.Sign(yHat - y[i]);
            gB2 += s;
            for (int j = 0; j < h; j++)
            {
                gW2[j] += s * t[j];
                float pre = s * w2[j] * (1 - t[j] * t[j]);
                gB1[j] += pre;
                for (int k = 0; k < d; k++) gW1[j * d + k] += pre * x[i * d + k];
            }
        }
        for (int j = 0; j < h; j++)
        {
            gW2[j] /= n;
            gB1[j] /= n;
            for (int k = 0; k < d; k++) gW1[j * d + k] /= n;
        }
        return (gW1, gB1, gW2, gB2 / n);
    }
}
