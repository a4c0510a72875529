using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tutor.Benchmarks;

if (args is ["--values"])
{
    // The numbers behind the timings, to compare with bench/pytorch/formula_grad.py's.
    Console.WriteLine($"Formula {Functions.FormulaGradient(3, 4)}");
    Console.WriteLine($"Neuron  {Functions.NeuronGradient(3, 4)}");
    Console.WriteLine($"Huber   {Functions.HuberGradient(3, 4)}");
    return;
}

// Group by category so each function's Gradient and Jvp get a ratio against its own Value.
var config = DefaultConfig.Instance
    .WithOptions(ConfigOptions.JoinSummary)
    .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
