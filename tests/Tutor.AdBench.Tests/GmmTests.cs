using Xunit;

namespace Tutor.AdBench.Tests;

/// <summary>The generated gradient of ADBench's GMM objective, against ADBench's own reference values.</summary>
public class GmmTests
{
    static GmmInput Input(string name) => GmmInput.Load(Path.Combine(AppContext.BaseDirectory, "data", name));

    /// <summary>ADBench's correctness criterion: ρ = |a − b| / max(1, |a| + |b|) &lt; 1e−8.</summary>
    static double Rho(double a, double b) => Math.Abs(a - b) / Math.Max(1, Math.Abs(a) + Math.Abs(b));

    // From the shared data README: ADBench's reference for gmm_test.txt (D=2, K=3, n=1).
    static readonly double[] ReferenceGradient =
    {
        0.108662855508652456, -0.741270039523898472, 0.632607184015246071, 1.11692576532787013, 0.163333013551455269,
        -0.0219989824071193142, 0.227778292254236098, 1.20963025612832187, -0.0606375920733956339, 2.58529994051162237,
        0.112632694524213789, 0.385744309849611777, 0.0735180573182305508, 5.41836362715595232, -0.321494409677446469,
        1.71892309775004937, 0.860091090790866875, -0.994640930466322848,
    };

    [Fact]
    public void Test_input_matches_ADBench_objective_and_gradient()
    {
        var g = Input("gmm_test.txt");
        var (value, dalphas, dmeans, dicf) = Gmm.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M);
        Assert.True(Rho(value, 8.07380408004975791) < 1e-8, $"F = {value:R}");
        var gradient = dalphas.Concat(dmeans).Concat(dicf).ToArray();
        Assert.Equal(ReferenceGradient.Length, gradient.Length);
        for (int i = 0; i < gradient.Length; i++)
            Assert.True(Rho(gradient[i], ReferenceGradient[i]) < 1e-8, $"gradient[{i}] = {gradient[i]:R}, ADBench {ReferenceGradient[i]:R}");
    }

    [Fact]
    public void Gradient_returns_the_objective_it_differentiates()
    {
        var g = Input("gmm_1k_d2_K5.txt");
        var (value, _, _, _) = Gmm.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M);
        Assert.Equal(g.Objective(), value);
    }

    [Fact]
    public void Large_input_matches_the_reference_objective_and_forward_mode()
    {
        var g = Input("gmm_1k_d10_K5.txt");
        var (value, dalphas, dmeans, dicf) = Gmm.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M);
        Assert.True(Rho(value, -31302.5409109) < 1e-8, $"F = {value:R}");

        // Forward mode is an independent transformation of the same code: ∇F·v must equal the JVP along v.
        var rng = new Random(7);
        double[] V(int n) => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        for (int trial = 0; trial < 3; trial++)
        {
            double[] va = V(g.Alphas.Length), vm = V(g.Means.Length), vi = V(g.Icf.Length);
            var (_, tangent) = Gmm.ObjectiveJvp(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M, va, vm, vi);
            double dot = Dot(dalphas, va) + Dot(dmeans, vm) + Dot(dicf, vi);
            Assert.True(Rho(dot, tangent) < 1e-10, $"∇F·v = {dot:R}, JVP = {tangent:R}");
        }
    }

    [Fact]
    public void Large_input_gradient_matches_central_differences_on_sampled_coordinates()
    {
        var g = Input("gmm_1k_d10_K5.txt");
        var (_, dalphas, dmeans, dicf) = Gmm.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M);
        foreach (var (array, gradient, index) in new[] { (g.Alphas, dalphas, 3), (g.Means, dmeans, 17), (g.Icf, dicf, 4), (g.Icf, dicf, 40) })
        {
            double h = 1e-5, saved = array[index];
            array[index] = saved + h; double plus = g.Objective();
            array[index] = saved - h; double minus = g.Objective();
            array[index] = saved;
            double fd = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[index]) <= 1e-5 * Math.Max(1, Math.Abs(fd)), $"index {index}: FD {fd:R}, generated {gradient[index]:R}");
        }
    }

    [Fact]
    public void Malformed_file_names_file_line_and_column()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "2 3 1\n0.5\nabc\n");
        var e = Assert.Throws<FormatException>(() => GmmInput.Load(path));
        Assert.Contains($"{path}:3:1", e.Message);
        Assert.Contains("'abc'", e.Message);
        File.Delete(path);
    }

    static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();
}
