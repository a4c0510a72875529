using System.Diagnostics;
using System.Numerics;
using BenchmarkDotNet.Running;
using Tutor.Tensors;

// dotnet run -c Release --project bench/Tutor.Benchmarks.Tensors -- --quick     (Stopwatch GFLOP/s, ~20 s)
// dotnet run -c Release --project bench/Tutor.Benchmarks.Tensors -- --filter '*' (BenchmarkDotNet)
if (args.Length > 0 && args[0] == "--quick")
{
    Console.WriteLine($"Vector512 accelerated: {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Avx512F: {System.Runtime.Intrinsics.X86.Avx512F.IsSupported}, cores: {Environment.ProcessorCount}");
    Quick<float>("float32");
    Quick<double>("float64");
    return;
}
if (args.Length > 0 && args[0] == "--mlp")
{
    // dotnet run -c Release --project bench/Tutor.Benchmarks.Tensors -- --mlp [warm-up epochs] [timed epochs]
    Tutor.Benchmarks.Tensors.MlpEpoch.Run(args.Length > 1 ? int.Parse(args[1]) : 2, args.Length > 2 ? int.Parse(args[2]) : 10);
    return;
}
if (args.Length > 0 && args[0] == "--mlp-profile")
{
    Tutor.Benchmarks.Tensors.MlpProfile.Run();
    return;
}
if (args.Length > 0 && args[0] == "--matvec")
{
    MatVec<float>("float32");
    MatVec<double>("float64");
    return;
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
Console.WriteLine();
// On a shared 2-core machine the mean carries other processes' noise; the fastest run is what the peer script
// reports too (best of several rounds), so that is the figure to compare.
Console.WriteLine("| type | n | min time | GFLOP/s (min) | median time | GFLOP/s (median) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var summary in summaries)
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is null) continue;
        int n = (int)report.BenchmarkCase.Parameters["N"];
        double min = report.ResultStatistics.Min, median = report.ResultStatistics.Median;
        string type = report.BenchmarkCase.Descriptor.Type.Name.Replace("Gemm", "").ToLowerInvariant();
        Console.WriteLine($"| {type} | {n} | {min / 1000:F1} µs | {2.0 * n * n * n / min:F1} | {median / 1000:F1} µs | {2.0 * n * n * n / median:F1} |");
    }

static void Quick<T>(string name) where T : unmanaged, IFloatingPointIeee754<T>
{
    foreach (int n in new[] { 64, 128, 256, 512, 1024 })
    {
        var a = Tensor<T>.Full(TensorShape.Matrix(n, n), T.CreateTruncating(0.5));
        var b = Tensor<T>.Full(TensorShape.Matrix(n, n), T.CreateTruncating(0.25));
        var c = Tensor<T>.Zeros(n, n);
        int reps = Math.Max(5, (int)(3e9 / (2.0 * n * n * n)));
        for (int i = 0; i < 3; i++) Ops.MatMul(a, b, c);
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < reps; i++) Ops.MatMul(a, b, c);
            best = Math.Min(best, sw.Elapsed.TotalSeconds / reps);
        }
        Console.WriteLine($"{name} {n,5}: {2.0 * n * n * n / best / 1e9,7:F1} GFLOP/s ({best * 1e6:F1} µs)");
    }
}


// Matrix·vector (A is m×k, x a vector) and Aᵀ·y: best of 200 rounds after a second of warm-up, GFLOP/s = 2mk / time.
static void MatVec<T>(string name) where T : unmanaged, IFloatingPointIeee754<T>
{
    foreach (var (m, k) in new[] { (256, 256), (1024, 1024), (4096, 1024) })
    {
        var a = Tensor<T>.Full(TensorShape.Matrix(m, k), T.CreateTruncating(0.5));
        var x = Tensor<T>.Full(TensorShape.Vector(k), T.CreateTruncating(0.25));
        var y = Tensor<T>.Full(TensorShape.Vector(m), T.CreateTruncating(0.25));
        double bestAx = double.MaxValue, bestAty = double.MaxValue;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 1) { Ops.MatMul(a, x); Ops.MatMulTransposeA(a, y); } // past tiered compilation
        for (int r = 0; r < 200; r++)
        {
            watch.Restart();
            Ops.MatMul(a, x);
            bestAx = Math.Min(bestAx, watch.Elapsed.TotalSeconds);
            watch.Restart();
            Ops.MatMulTransposeA(a, y);
            bestAty = Math.Min(bestAty, watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{name} {m}x{k}: A·x {2.0 * m * k / bestAx / 1e9:F2} GFLOP/s, Aᵀ·y {2.0 * m * k / bestAty / 1e9:F2} GFLOP/s");
    }
}

/// <summary>The entry point's class, for BenchmarkSwitcher.</summary>
public partial class Program;
