using System.Diagnostics;
using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.GpuBench;

/// <summary>
/// The benchmark workloads on a <see cref="GpuRuntime"/>. Every timed repetition ends with
/// <see cref="GpuRuntime.Synchronize"/>, so a time covers the work, not just the queueing. The MLP's epoch of inputs and
/// labels is uploaded once before timing (as the PyTorch peer keeps its batches on the card): a step uploads nothing.
/// </summary>
public static class DeviceBench
{
    /// <summary>MatMul n³ float32: median of <paramref name="repeats"/> after two warm-ups (the first compiles the kernel).</summary>
    public static BenchResult MatMul(GpuRuntime gpu, int n, int repeats)
    {
        var random = new TutorRandom(1);
        var hostA = Tensor<float>.Zeros(n, n);
        var hostB = Tensor<float>.Zeros(n, n);
        Init.Uniform(hostA.AsSpan(), 0, 1, random.Fork("A"));
        Init.Uniform(hostB.AsSpan(), 0, 1, random.Fork("B"));
        using var a = gpu.Upload(hostA);
        using var b = gpu.Upload(hostB);
        using var c = gpu.Zeros<float>(n, n);
        for (int i = 0; i < 2; i++) gpu.Ops.MatMul(a, b, c);
        gpu.Synchronize();
        var times = new List<double>();
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            gpu.Ops.MatMul(a, b, c);
            gpu.Synchronize();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        double seconds = CpuBench.Median(times);
        return new BenchResult($"matmul {n}^3 float32", seconds, repeats, 2.0 * n * n * n / seconds / 1e9, gpu.Download(c)[0, 0]);
    }

    /// <summary>The MLP epoch on the device (a <see cref="GpuMlp"/>, tanh): median of <paramref name="repeats"/> epochs after one warm-up step.</summary>
    /// <remarks>Tests pass smaller hidden layers and batch (<paramref name="sizes"/> must start with 784).</remarks>
    public static BenchResult MlpEpoch(GpuRuntime gpu, int steps, int repeats, int[]? sizes = null, int batch = BenchWorkload.Batch)
    {
        var (pixels, labels, count) = BenchWorkload.LoadMnist();
        sizes ??= BenchWorkload.MlpSizes;
        var random = new TutorRandom(1);
        var parameters = new ParameterSet<float>();
        for (int l = 0; l < sizes.Length - 1; l++)
        {
            var weight = new float[sizes[l] * sizes[l + 1]];
            Init.Uniform<float>(weight, 1 / Math.Sqrt(sizes[l]), random.Fork($"W{l}"));
            parameters.Add($"W{l + 1}", weight);
            parameters.Add($"b{l + 1}", new float[sizes[l + 1]]);
        }
        using var mlp = new GpuMlp(gpu, sizes, GpuActivation.Tanh, parameters);
        var xHost = Tensor<float>.Zeros(steps * batch, sizes[0]);
        var y = new int[steps][];
        for (int s = 0; s < steps; s++)
        {
            y[s] = new int[batch];
            BenchWorkload.FillBatch(pixels, labels, count, s, xHost.AsSpan().Slice(s * batch * sizes[0], batch * sizes[0]), y[s]);
        }
        using var xAll = gpu.Upload(xHost);
        using var yAll = gpu.UploadIndices(y.SelectMany(labels => labels).ToArray());
        var yBatch = Enumerable.Range(0, steps).Select(s => yAll.Slice(s * batch, batch)).ToArray();
        using var sgd = new GpuSgd<float>(gpu, mlp.Parameters, BenchWorkload.LearningRate);

        GpuTensor<float> Step(int s)
        {
            using var x = gpu.Ops.SliceRows(xAll, s * batch, batch);
            var loss = mlp.LossAndGradient(x, yBatch[s]);
            sgd.Step();
            return loss;
        }

        Step(0).Dispose();   // warm-up: compiles every kernel once
        gpu.Synchronize();
        var times = new List<double>();
        var queued = new List<double>();
        float last = float.NaN;
        for (int r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            GpuTensor<float>? loss = null;
            for (int s = 0; s < steps; s++)
            {
                loss?.Dispose();
                loss = Step(s);
            }
            queued.Add(clock.Elapsed.TotalSeconds);
            gpu.Synchronize();
            times.Add(clock.Elapsed.TotalSeconds);
            last = gpu.ReadScalar(loss!);
            loss!.Dispose();
        }
        double seconds = CpuBench.Median(times);
        return new BenchResult($"MLP {string.Join('-', sizes)} tanh, batch {batch}, {steps} steps", seconds, repeats, steps * batch / seconds, last,
            CpuBench.Median(queued));
    }
}
