namespace Tutor.Training.Tests.Training;

/// <summary>Least squares L(w) = (1/2n)‖Xw − y‖² and its exact optimum, written out for the optimizer tests.</summary>
static class LeastSquares
{
    public static void Gradient(double[] x, double[] y, double[] w, Span<double> gradient, int n, int d)
    {
        gradient.Clear();
        for (int i = 0; i < n; i++)
        {
            double r = -y[i];
            for (int j = 0; j < d; j++) r += x[i * d + j] * w[j];
            for (int j = 0; j < d; j++) gradient[j] += x[i * d + j] * r / n;
        }
    }

    /// <summary>Solves the normal equations XᵀXw = Xᵀy by Gaussian elimination with partial pivoting.</summary>
    public static double[] Solve(double[] x, double[] y, int n, int d)
    {
        var a = new double[d, d + 1];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++) a[j, k] += x[i * d + j] * x[i * d + k];
                a[j, d] += x[i * d + j] * y[i];
            }
        for (int col = 0; col < d; col++)
        {
            int pivot = Enumerable.Range(col, d - col).MaxBy(r => Math.Abs(a[r, col]));
            for (int k = 0; k <= d; k++) (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            for (int r = col + 1; r < d; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int k = col; k <= d; k++) a[r, k] -= f * a[col, k];
            }
        }
        var w = new double[d];
        for (int r = d - 1; r >= 0; r--)
        {
            double s = a[r, d];
            for (int k = r + 1; k < d; k++) s -= a[r, k] * w[k];
            w[r] = s / a[r, r];
        }
        return w;
    }
}

/// <summary>Two well-separated Gaussian blobs and logistic regression on them (w = bias, w₁, w₂).</summary>
static class Separable
{
    public static (double[] Features, double[] Labels) Make(TutorRandom random, int n)
    {
        var features = new double[n * 2];
        var labels = new double[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 2 == 0 ? 1 : -1;
            features[2 * i] = 2 * labels[i] + 0.5 * random.NextNormal();
            features[2 * i + 1] = -labels[i] + 0.5 * random.NextNormal();
        }
        return (features, labels);
    }

    static double Margin(double[] f, double[] w, int i) => w[0] + w[1] * f[2 * i] + w[2] * f[2 * i + 1];

    /// <summary>Mean logistic loss log(1 + exp(−y·ŷ)), written stably.</summary>
    public static double Loss(double[] f, double[] y, double[] w)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double z = -y[i] * Margin(f, w, i);
            sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        return sum / y.Length;
    }

    public static void Gradient(double[] f, double[] y, double[] w, ReadOnlySpan<int> batch, Span<double> gradient)
    {
        gradient.Clear();
        foreach (int i in batch)
        {
            double z = -y[i] * Margin(f, w, i);
            double s = -y[i] / (1 + Math.Exp(-z)) / batch.Length; // ∂/∂ŷ of log(1 + e^z) = σ(z)·(−y)
            gradient[0] += s;
            gradient[1] += s * f[2 * i];
            gradient[2] += s * f[2 * i + 1];
        }
    }

    public static double Accuracy(double[] f, double[] y, double[] w) =>
        Enumerable.Range(0, y.Length).Count(i => Math.Sign(Margin(f, w, i)) == Math.Sign(y[i])) / (double)y.Length;
}
