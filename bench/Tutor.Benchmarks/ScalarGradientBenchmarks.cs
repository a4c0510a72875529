using BenchmarkDotNet.Attributes;

namespace Tutor.Benchmarks;

/// <summary>
/// Value alone against value + gradient (reverse mode) and value + one directional derivative (forward mode), for
/// each function. The figure that matters is Gradient / Value: the cheap-gradient principle says a small constant.
/// </summary>
[MemoryDiagnoser]
public class ScalarGradientBenchmarks
{
    // Fields, not constants, so the JIT cannot fold the whole call away.
    double x = 3.0, y = 4.0;

    [Benchmark(Baseline = true), BenchmarkCategory("Formula")]
    public double FormulaValue() => Functions.Formula(x, y);

    [Benchmark, BenchmarkCategory("Formula")]
    public double FormulaGradient()
    {
        var (value, dx, dy) = Functions.FormulaGradient(x, y);
        return value + dx + dy;
    }

    [Benchmark, BenchmarkCategory("Formula")]
    public double FormulaJvp()
    {
        var (value, tangent) = Functions.FormulaJvp(x, y, 1.0, 0.0);
        return value + tangent;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Neuron")]
    public double NeuronValue() => Functions.Neuron(x, y);

    [Benchmark, BenchmarkCategory("Neuron")]
    public double NeuronGradient()
    {
        var (value, dx, dy) = Functions.NeuronGradient(x, y);
        return value + dx + dy;
    }

    [Benchmark, BenchmarkCategory("Neuron")]
    public double NeuronJvp()
    {
        var (value, tangent) = Functions.NeuronJvp(x, y, 1.0, 0.0);
        return value + tangent;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Huber")]
    public double HuberValue() => Functions.Huber(x, y);

    [Benchmark, BenchmarkCategory("Huber")]
    public double HuberGradient()
    {
        var (value, dx, dy) = Functions.HuberGradient(x, y);
        return value + dx + dy;
    }

    [Benchmark, BenchmarkCategory("Huber")]
    public double HuberJvp()
    {
        var (value, tangent) = Functions.HuberJvp(x, y, 1.0, 0.0);
        return value + tangent;
    }
}
