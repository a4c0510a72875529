using Tutor;

namespace Tutor.Lessons.GdClosedForm;

/// <summary>Seed 001 P5: the least-squares loss ½‖Xw − y‖², X row-major n × d. The generator writes LossGradient.</summary>
public static partial class LeastSquares
{
    [Differentiable]
    public static double Loss(double[] w, [NoDiff] double[] x, [NoDiff] double[] y, int n, int d)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double r = -y[i];
            for (int k = 0; k < d; k++)
                r += x[i * d + k] * w[k];
            total += r * r;
        }
        return 0.5 * total;
    }
}
