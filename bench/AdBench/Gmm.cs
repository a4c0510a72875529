using Tutor;

namespace Tutor.AdBench;

/// <summary>
/// ADBench's Gaussian mixture model objective (src/cpp/shared/gmm.h), ported to C# the way a student would:
/// the same loops and the same flat arrays, with <c>[Differentiable]</c> on top. The generator writes the gradient.
/// </summary>
public static partial class Gmm
{
    /// <summary>log Σ exp(vᵢ), shifted by the maximum as ADBench's <c>logsumexp</c> does.</summary>
    [Differentiable]
    public static double LogSumExp(double[] v)
    {
        double mx = v[0];
        for (int i = 1; i < v.Length; i++)
            if (v[i] > mx) mx = v[i];
        double semx = 0;
        for (int i = 0; i < v.Length; i++) semx += Math.Exp(v[i] - mx);
        return Math.Log(semx) + mx;
    }

    /// <summary>The GMM objective: negative log-likelihood terms plus the Wishart prior, as ADBench codes it.</summary>
    [Differentiable]
    public static double Objective(double[] alphas, double[] means, double[] icf, [NoDiff] double[] x,
        int d, int k, int n, [NoDiff] double gamma, int m)
    {
        int icfSize = d * (d + 1) / 2;

        // preprocess_qs: the diagonal of each Q is exp(q), and Σ q enters the log-determinant.
        var qdiags = new double[d * k];
        var sumQs = new double[k];
        for (int ik = 0; ik < k; ik++)
        {
            double sq = 0;
            for (int id = 0; id < d; id++)
            {
                double q = icf[ik * icfSize + id];
                sq += q;
                qdiags[ik * d + id] = Math.Exp(q);
            }
            sumQs[ik] = sq;
        }

        var xcentered = new double[d];
        var qxcentered = new double[d];
        var mainTerm = new double[k];
        double slse = 0;
        for (int ix = 0; ix < n; ix++)
        {
            for (int ik = 0; ik < k; ik++)
            {
                for (int id = 0; id < d; id++) xcentered[id] = x[ix * d + id] - means[ik * d + id];
                // Qtimesx: Q is lower triangular, diagonal qdiags, below it the l part of icf, column by column.
                for (int id = 0; id < d; id++) qxcentered[id] = qdiags[ik * d + id] * xcentered[id];
                int li = ik * icfSize + d;
                for (int i = 0; i < d; i++)
                {
                    for (int j = i + 1; j < d; j++)
                    {
                        qxcentered[j] += icf[li] * xcentered[i];
                        li++;
                    }
                }
                double sqnorm = 0;
                for (int id = 0; id < d; id++) sqnorm += qxcentered[id] * qxcentered[id];
                mainTerm[ik] = alphas[ik] + sumQs[ik] - 0.5 * sqnorm;
            }
            slse += LogSumExp(mainTerm);
        }

        double constant = -n * d * 0.5 * Math.Log(2 * Math.PI);
        double lseAlphas = LogSumExp(alphas);

        // log_wishart_prior
        int wn = d + m + 1;
        double c = wn * d * (Math.Log(gamma) - 0.5 * Math.Log(2)) - LogGammaDistribution(0.5 * wn, d);
        double prior = 0;
        for (int ik = 0; ik < k; ik++)
        {
            double frobenius = 0;
            for (int id = 0; id < d; id++) frobenius += qdiags[ik * d + id] * qdiags[ik * d + id];
            for (int i = d; i < icfSize; i++) frobenius += icf[ik * icfSize + i] * icf[ik * icfSize + i];
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[ik];
        }
        return constant + slse - n * lseAlphas + prior - k * c;
    }

    /// <summary>log Γ_p(a), the multivariate log-gamma function (a constant here: it depends on no parameter).</summary>
    public static double LogGammaDistribution(double a, int p)
    {
        double result = 0.25 * p * (p - 1) * Math.Log(Math.PI);
        for (int j = 1; j <= p; j++) result += MathNet.Numerics.SpecialFunctions.GammaLn(a + 0.5 * (1 - j));
        return result;
    }
}
