using System.Numerics;
using BenchmarkDotNet.Attributes;
using Tutor.Tensors;

namespace Tutor.Benchmarks.Tensors;

/// <summary>
/// C = A·B for square n×n matrices, the result written into a reused buffer (as a training loop does). GFLOP/s is
/// 2n³ / time; Program prints it next to the table. Same sizes as bench/pytorch/tensor_peer.py.
/// </summary>
[MinColumn, MedianColumn]
public abstract class GemmBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    Tensor<T> a = null!, b = null!, c = null!;

    /// <summary>The matrix size.</summary>
    [Params(64, 128, 256, 1024)]
    public int N { get; set; }

    /// <summary>Random operands in [−1, 1).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = new Random(42);
        a = Random(g);
        b = Random(g);
        c = Tensor<T>.Zeros(N, N);
    }

    Tensor<T> Random(Random g)
    {
        var t = Tensor<T>.Zeros(N, N);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = T.CreateTruncating(g.NextDouble() * 2 - 1);
        return t;
    }

    /// <summary>One product.</summary>
    [Benchmark]
    public Tensor<T> MatMul() => Ops.MatMul(a, b, c);
}

/// <summary>float32 GEMM.</summary>
public class GemmFloat32 : GemmBenchmarks<float>;

/// <summary>float64 GEMM.</summary>
public class GemmFloat64 : GemmBenchmarks<double>;
