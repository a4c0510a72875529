using Tutor;

namespace Tutor.Lessons.Optimizers;

/// <summary>
/// Seed 004's notes: the functions the optimizers are compared on. The Iris MLP's loss is the one from the mlp-iris
/// lesson (IrisMlp.Loss); here are Rosenbrock's function and the cross-entropy of one example's logits.
/// </summary>
public static partial class OptimizerProblems
{
    /// <summary>Rosenbrock's banana: minimum 0 at (1, 1), at the bottom of a long curved valley.</summary>
    [Differentiable]
    public static double Rosenbrock(double x, double y) => (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);

    /// <summary>H(p, q) = −Σⱼ pⱼ log softmax(z)ⱼ for a one-hot p, with the largest logit subtracted first.</summary>
    [Differentiable]
    public static double CrossEntropy(double[] z, [NoDiff] double[] onehot)
    {
        double m = z[0];
        for (int j = 1; j < z.Length; j++)
            m = Math.Max(m, z[j]);
        double sum = 0;
        for (int j = 0; j < z.Length; j++)
            sum += Math.Exp(z[j] - m);
        double logSumExp = m + Math.Log(sum);
        double h = 0;
        for (int j = 0; j < z.Length; j++)
            h -= onehot[j] * (z[j] - logSumExp);
        return h;
    }
}
