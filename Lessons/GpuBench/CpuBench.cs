using System.Diagnostics;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.GpuBench;

/// <summary>The benchmark workloads on the CPU backend (<see cref="Ops"/>), for comparison on the same machine.</summary>
public static class CpuBench
{
    /// <summary>MatMul n³ float32: median of <paramref name="repeats"/> after one warm-up.</summary>
    public static BenchResult MatMul(int n, int repeats)
    {
        var random = new TutorRandom(1);
        var a = Tensor<float>.Zeros(n, n);
        var b = Tensor<float>.Zeros(n, n);
        Init.Uniform(a.AsSpan(), 0, 1, random.Fork("A"));
        Init.Uniform(b.AsSpan(), 0, 1, random.Fork("B"));
        var c = Tensor<float>.Zeros(n, n);
        var times = new List<double>();
        for (int i = 0; i <= repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Ops.MatMul(a, b, c);
            if (i > 0) times.Add(clock.Elapsed.TotalSeconds);
        }
        double seconds = Median(times);
        return new BenchResult($"matmul {n}^3 float32", seconds, repeats, 2.0 * n * n * n / seconds / 1e9, c[0, 0]);
    }

    /// <summary>The MLP epoch (<paramref name="steps"/> batches), median of <paramref name="repeats"/> epochs after one warm-up step.</summary>
    /// <remarks>Tests pass smaller hidden layers and batch (<paramref name="sizes"/> must start with 784).</remarks>
    public static BenchResult MlpEpoch(int steps, int repeats, int[]? sizes = null, int batch = BenchWorkload.Batch)
    {
        var (pixels, labels, count) = BenchWorkload.LoadMnist();
        sizes ??= BenchWorkload.MlpSizes;
        int layers = sizes.Length - 1;
        var random = new TutorRandom(1);
        var w = new Tensor<float>[layers];
        var bias = new Tensor<float>[layers];
        for (int l = 0; l < layers; l++)
        {
            w[l] = Tensor<float>.Zeros(sizes[l], sizes[l + 1]);
            Init.Uniform(w[l].AsSpan(), 1 / Math.Sqrt(sizes[l]), random.Fork($"W{l}"));
            bias[l] = Tensor<float>.Zeros(TensorShape.Vector(sizes[l + 1]));
        }
        var x = Tensor<float>.Zeros(batch, sizes[0]);
        var y = new int[batch];
        float last = float.NaN;

        void Step(int s)
        {
            BenchWorkload.FillBatch(pixels, labels, count, s, x.AsSpan(), y);
            var inputs = new Tensor<float>[layers + 1];
            var pre = new Tensor<float>[layers];
            var products = new Tensor<float>[layers];
            inputs[0] = x;
            for (int l = 0; l < layers; l++)
            {
                products[l] = Ops.MatMul(inputs[l], w[l]);
                pre[l] = Ops.AddRowVector(products[l], bias[l]);
                inputs[l + 1] = l < layers - 1 ? Ops.Tanh(pre[l]) : pre[l];
            }
            var loss = Ops.CrossEntropyLoss(inputs[layers], y);
            var bar = Tensor<float>.ZerosLike(inputs[layers]);
            Ops.CrossEntropyLossVjp(Tensor<float>.Scalar(1f), inputs[layers], y, loss, bar);
            for (int l = layers - 1; l >= 0; l--)
            {
                var preBar = bar;
                if (l < layers - 1)
                {
                    preBar = Tensor<float>.ZerosLike(pre[l]);
                    Ops.TanhVjp(bar, pre[l], inputs[l + 1], preBar);
                }
                var productBar = Tensor<float>.ZerosLike(products[l]);
                Ops.AddRowVectorVjpLeft(preBar, products[l], bias[l], pre[l], productBar);
                var biasBar = Tensor<float>.ZerosLike(bias[l]);
                Ops.AddRowVectorVjpRight(preBar, products[l], bias[l], pre[l], biasBar);
                var wBar = Tensor<float>.ZerosLike(w[l]);
                Ops.MatMulVjpRight(productBar, inputs[l], w[l], products[l], wBar);
                if (l > 0)
                {
                    bar = Tensor<float>.ZerosLike(inputs[l]);
                    Ops.MatMulVjpLeft(productBar, inputs[l], w[l], products[l], bar);
                }
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(wBar.AsReadOnlySpan(), -BenchWorkload.LearningRate, w[l].AsReadOnlySpan(), w[l].AsSpan());
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(biasBar.AsReadOnlySpan(), -BenchWorkload.LearningRate, bias[l].AsReadOnlySpan(), bias[l].AsSpan());
            }
            last = loss.ToScalar();
        }

        Step(0);   // warm-up: JIT and first-touch allocations
        var times = new List<double>();
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            for (int s = 0; s < steps; s++) Step(s);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        double seconds = Median(times);
        return new BenchResult($"MLP {string.Join('-', sizes)} tanh, batch {batch}, {steps} steps", seconds, repeats, steps * batch / seconds, last);
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        int mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2;
    }
}
