using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Tutor.AdBench;

BenchmarkSwitcher.FromAssembly(typeof(GmmBenchmarks).Assembly).Run(args);

/// <summary>
/// ADBench's GMM objective and its generated gradient (reverse mode through the loops, with tapes) on gmm_1k_d10_K5:
/// the figure that matters is Gradient ÷ Objective (ADBench's published ratios: hand-written 1.9–7.2, Tapenade 3.7–15.5).
/// </summary>
[MemoryDiagnoser]
public class GmmBenchmarks
{
    GmmInput input = null!;

    [GlobalSetup]
    public void Setup() => input = GmmInput.Load(Path.Combine(AppContext.BaseDirectory, "data", "gmm_1k_d10_K5.txt"));

    [Benchmark(Baseline = true)]
    public double Objective() => input.Objective();

    [Benchmark]
    public double Gradient()
    {
        var g = input;
        return Gmm.ObjectiveGradient(g.Alphas, g.Means, g.Icf, g.X, g.D, g.K, g.N, g.Gamma, g.M).Value;
    }
}
