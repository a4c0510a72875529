using Tutor;

namespace Tutor.Lessons.MlpIris;

/// <summary>
/// Lab 2 Q2 as a student writes it: logits = relu(X·W1 + b1)·W2 + b2 (W1 is 4 × 12, W2 is 12 × 3, b1 and b2 are
/// single numbers added to every unit, as the seed's torch.tensor([0]) biases are), and the mean cross-entropy.
/// The generator writes LossGradient (reverse mode over W1, b1, W2, b2) from Loss.
/// </summary>
public static partial class IrisMlp
{
    public const int Inputs = 4, Hidden = 12, Classes = 3;

    /// <summary>Mean cross-entropy of the network over n examples (x row-major n × 4, onehot n × 3).</summary>
    [Differentiable]
    public static double Loss(double[] w1, double b1, double[] w2, double b2, [NoDiff] double[] x, [NoDiff] double[] onehot, int n)
    {
        double[] h = new double[Hidden];
        double[] z = new double[Classes];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            // hidden layer: h = relu(x_i · W1 + b1)
            for (int j = 0; j < Hidden; j++)
            {
                double a = b1;
                for (int k = 0; k < Inputs; k++)
                    a += x[i * Inputs + k] * w1[k * Hidden + j];
                h[j] = StableMath.Relu(a);
            }
            // output layer: z = h · W2 + b2
            for (int c = 0; c < Classes; c++)
            {
                double s = b2;
                for (int j = 0; j < Hidden; j++)
                    s += h[j] * w2[j * Classes + c];
                z[c] = s;
            }
            // log-softmax, shifted by the largest logit so that exp never overflows
            double m = z[0];
            for (int c = 1; c < Classes; c++)
                m = Math.Max(m, z[c]);
            double sum = 0;
            for (int c = 0; c < Classes; c++)
                sum += Math.Exp(z[c] - m);
            double logSumExp = m + Math.Log(sum);
            for (int c = 0; c < Classes; c++)
                total -= onehot[i * Classes + c] * (z[c] - logSumExp);
        }
        return total / n;
    }

    /// <summary>The predicted class of example i: the largest logit (no gradient needed, so plain C#).</summary>
    public static int Predict(double[] w1, double b1, double[] w2, double b2, double[] x, int i)
    {
        Span<double> h = stackalloc double[Hidden];
        for (int j = 0; j < Hidden; j++)
        {
            double a = b1;
            for (int k = 0; k < Inputs; k++) a += x[i * Inputs + k] * w1[k * Hidden + j];
            h[j] = Math.Max(a, 0);
        }
        int best = 0;
        double bestZ = double.NegativeInfinity;
        for (int c = 0; c < Classes; c++)
        {
            double s = b2;
            for (int j = 0; j < Hidden; j++) s += h[j] * w2[j * Classes + c];
            if (s > bestZ) { bestZ = s; best = c; }
        }
        return best;
    }
}
