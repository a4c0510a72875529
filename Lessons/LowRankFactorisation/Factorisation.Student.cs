namespace Tutor.Lessons.LowRankFactorisation;

/// <summary>
/// Seed 002 Q1 as a student writes it: the squared Frobenius error ‖A − UVᵀ‖²_F of a rank-r factorisation, with
/// U (rows × r) and V (cols × r) stored row-major in flat arrays. The generator adds SquaredErrorGradient, which
/// returns the error and the gradients with respect to every entry of U and V.
/// </summary>
public static partial class Factorisation
{
    [Differentiable]
    public static double SquaredError(double[] u, double[] v, [NoDiff] double[] a, int rows, int cols, int rank)
    {
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                double r = 0;
                for (int k = 0; k < rank; k++)
                    r += u[i * rank + k] * v[j * rank + k];
                double e = a[i * cols + j] - r;
                sum += e * e;
            }
        }
        return sum;
    }
}
