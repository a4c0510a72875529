using System.Diagnostics;
using Tutor.Data;
using Tutor.Lessons.DepthAndInitialisation;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Benchmarks.Tensors;

/// <summary>
/// One training epoch of the seed-001 P4 MLP (784 → 50 tanh ×8 → 10, cross-entropy, SGD lr 0.01, batch 128, no
/// shuffle, drop-last, float32) over the 10k MNIST sample: 78 steps. The network is the lesson's own student file
/// (Lessons/DepthAndInitialisation/DeepTanhNet.Student.cs, compiled in here unchanged): the forward pass and the
/// hand-chained VJPs of Tutor.Tensors, as a student writes them. The same shapes, data and batch order as
/// bench/pytorch/mlp_epoch.py.
/// </summary>
public static class MlpEpoch
{
    const int Pixels = 784, Hidden = 50, Depth = 8, Classes = 10, BatchSize = 128;
    const double LearningRate = 0.01;

    /// <summary>Times <paramref name="epochs"/> epochs after <paramref name="warmup"/> untimed ones; prints each, then best and median.</summary>
    public static void Run(int warmup, int epochs)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var (images, labels) = IdxReader.ReadLabelledImages(Path.Combine(folder, "mnist10k-images-idx3-ubyte.gz"), Path.Combine(folder, "mnist10k-labels-idx1-ubyte.gz"));
        var pixels = images.ToSingle();
        var targets = labels.Select(v => (int)v).ToArray();
        int count = targets.Length;

        var net = new DeepTanhNet(Pixels, Hidden, Depth, Classes);
        net.Initialise(null, new TutorRandom(1).Fork("mlp-epoch"));   // Xavier
        var optimizer = new Sgd<float>(net.Parameters, LearningRate);
        var loader = new BatchLoader(count, BatchSize, shuffle: false, dropLast: true);
        var batch = new float[BatchSize * Pixels];
        var y = new int[BatchSize];

        var times = new List<double>();
        for (int e = 0; e < warmup + epochs; e++)
        {
            int collections = GC.CollectionCount(0);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            double loss = 0;
            int steps = 0;
            long inGradient = 0;
            var stepTimes = new List<long>();
            foreach (var rows in loader.NextEpoch())
            {
                Rows.Gather<float>(pixels, Pixels, rows.Span, batch);
                for (int i = 0; i < BatchSize; i++) y[i] = targets[rows.Span[i]];
                long before = Stopwatch.GetTimestamp();
                loss += net.LossAndGradient(Tensor<float>.Wrap(batch, TensorShape.Matrix(BatchSize, Pixels)), y);
                stepTimes.Add(Stopwatch.GetTimestamp() - before);
                inGradient += stepTimes[^1];
                optimizer.Step();
                steps++;
            }
            double ms = clock.Elapsed.TotalMilliseconds;
            if (e >= warmup) times.Add(ms);
            Console.WriteLine($"epoch {e + 1}{(e < warmup ? " (warm-up)" : "")}: {ms:F1} ms ({Stopwatch.GetElapsedTime(0, inGradient).TotalMilliseconds:F1} in LossAndGradient, steps {Micro(stepTimes.Min()):F0}/{Micro(stepTimes.Order().ElementAt(stepTimes.Count / 2)):F0}/{Micro(stepTimes.Max()):F0} µs min/median/max), {steps} steps, mean loss {loss / steps:F4}, " +
                $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6:F1} MB allocated, {GC.CollectionCount(0) - collections} gen-0 collections");
        }
        times.Sort();
        static double Micro(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalMicroseconds;
        Console.WriteLine($"Tutor MLP epoch (784-50x8-10 tanh, batch 128, SGD, float32, {count} images): best {times[0]:F1} ms, median {times[times.Count / 2]:F1} ms over {times.Count} epochs");
    }
}

/// <summary>Where an MLP step's time goes: each op of one step at the epoch's shapes, timed alone (best of many).</summary>
public static class MlpProfile
{
    public static void Run()
    {
        var g = new Random(5);
        Tensor<float> M(int r, int c) { var t = Tensor<float>.Zeros(r, c); var s = t.AsSpan(); for (int i = 0; i < s.Length; i++) s[i] = (float)(g.NextDouble() - 0.5); return t; }
        var x = M(128, 784); var w1 = M(784, 50); var h = M(128, 50); var w = M(50, 50); var w10 = M(50, 10); var z10 = M(128, 10);
        var b = Tensor<float>.Zeros(50); var h2 = M(128, 50); var z = M(128, 50);
        var labels = Enumerable.Range(0, 128).Select(i => i % 10).ToArray();
        // Each product twice, alternating: the small-matrix path (default) and the packed path it replaced.
        var g64 = M(64, 64); var h64 = M(64, 64); var c64 = M(64, 64);
        Both("X·W1 (128x784 · 784x50)", () => Ops.MatMul(x, w1, h2));
        Both("W̄1 += Xᵀ·Z̄ (784x128 · 128x50)", () => Ops.MatMulVjpRight(h, x, w1, h, w1));
        Both("H·W (128x50 · 50x50)", () => Ops.MatMul(h, w, h2));
        Both("W̄ += Hᵀ·Z̄ (50x128 · 128x50)", () => Ops.MatMulVjpRight(z, h, w, z, w));
        Both("H̄ += Z̄·Wᵀ (128x50 · 50x50)", () => Ops.MatMulVjpLeft(z, h, w, z, h2));
        Both("H·W10 (128x50 · 50x10)", () => Ops.MatMul(h, w10, z10));
        Both("H̄ += Z̄·W10ᵀ (128x10 · 10x50)", () => Ops.MatMulVjpLeft(z10, h, w10, z10, h2));
        Both("W̄10 += Hᵀ·Z̄ (50x128 · 128x10)", () => Ops.MatMulVjpRight(z10, h, w10, z10, w10));
        Both("64³", () => Ops.MatMul(g64, h64, c64));
        Time("AddRowVector 128x50", () => Ops.AddRowVector(h, b));
        Time("Tanh 128x50", () => Ops.Tanh(h));
        Time("Tanh 128x50 into a destination", () => Ops.Tanh(h, h2));
        Time("MatMul 128x50·50x50, new result", () => Ops.MatMul(h, w));
        Time("TanhVjp 128x50", () => Ops.TanhVjp(z, h, h2, Tensor<float>.ZerosLike(h)));
        Time("CrossEntropyLoss 128x10", () => Ops.CrossEntropyLoss(z10, labels));
        Time("ZerosLike 128x50", () => Tensor<float>.ZerosLike(h));
        Time("AddRowVectorVjpRight 128x50 (b̄)", () => Ops.AddRowVectorVjpRight(z, h, b, z, b));
        var net = new DeepTanhNet(784, 50, 8, 10);
        net.Initialise(null, new TutorRandom(1).Fork("mlp-epoch"));
        var optimizer = new Sgd<float>(net.Parameters, 0.01);
        Both("whole step: LossAndGradient", () => net.LossAndGradient(x, labels));
        Time("whole step: Sgd.Step", () => optimizer.Step());
        // The same step on the first 128 MNIST images (pixels / 255) instead of uniform noise.
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var (images, digits) = IdxReader.ReadLabelledImages(Path.Combine(folder, "mnist10k-images-idx3-ubyte.gz"), Path.Combine(folder, "mnist10k-labels-idx1-ubyte.gz"));
        var mnist = Tensor<float>.Wrap(images.ToSingle()[..(128 * 784)], TensorShape.Matrix(128, 784));
        int[] mnistLabels = [.. digits.Take(128).Select(v => (int)v)];
        Both("whole step on MNIST: LossAndGradient", () => net.LossAndGradient(mnist, mnistLabels));
        var all = images.ToSingle();
        int next = 0;
        var batchBuffer = new float[128 * 784];
        var batchTensor = Tensor<float>.Wrap(batchBuffer, TensorShape.Matrix(128, 784));
        Both("step on the next MNIST batch (no SGD)", () =>
        {
            Array.Copy(all, (next++ % 78) * 128 * 784, batchBuffer, 0, 128 * 784);
            net.LossAndGradient(batchTensor, mnistLabels);
        });
        Both("same, then Sgd.Step", () =>
        {
            Array.Copy(all, (next++ % 78) * 128 * 784, batchBuffer, 0, 128 * 784);
            net.LossAndGradient(batchTensor, mnistLabels);
            optimizer.Step();
        });
        Both("whole step on MNIST again", () => net.LossAndGradient(mnist, mnistLabels));
        Both("X·W1 on MNIST", () => Ops.MatMul(mnist, w1, h2));
        Both("W̄1 += Xᵀ·Z̄ on MNIST", () => Ops.MatMulVjpRight(h, mnist, w1, h, w1));
    }

    /// <summary>Times <paramref name="op"/> with the small-matrix GEMM path on and off, three rounds alternating.</summary>
    static void Both(string what, Action op)
    {
        double on = double.MaxValue, off = double.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            Tutor.Tensors.Cpu.Gemm.SmallPath = false;
            off = Math.Min(off, Best(op));
            Tutor.Tensors.Cpu.Gemm.SmallPath = true;
            on = Math.Min(on, Best(op));
        }
        Console.WriteLine($"{what,-36} {on,8:F1} µs   (packed path {off:F1} µs)");
    }

    static void Time(string what, Action op) => Console.WriteLine($"{what,-36} {Best(op),8:F1} µs");

    static double Best(Action op)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < 0.3) op();
        double best = double.MaxValue;
        for (int r = 0; r < 300; r++)
        {
            watch.Restart();
            op();
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds);
        }
        return best;
    }
}
