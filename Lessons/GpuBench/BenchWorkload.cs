using Tutor.Data;

namespace Tutor.Lessons.GpuBench;

/// <summary>
/// The two GPU benchmark workloads (issue 5, docs/gpu.md), defined once so both backends and the PyTorch peer
/// (<c>bench/pytorch/gpu_peer.py</c>) time the same thing.
/// </summary>
public static class BenchWorkload
{
    /// <summary>MatMul n×n by n×n, float32.</summary>
    public const int MatMulSize = 4096;
    /// <summary>The MLP's layer sizes: 784-1024-1024-10, tanh between layers, softmax cross-entropy at the end.</summary>
    public static readonly int[] MlpSizes = [784, 1024, 1024, 10];
    /// <summary>Samples per step.</summary>
    public const int Batch = 1024;
    /// <summary>Samples per epoch: the 10 000-image MNIST sample six times, in file order.</summary>
    public const int EpochSamples = 60_000;
    /// <summary>Plain SGD's step size.</summary>
    public const float LearningRate = 0.1f;

    /// <summary>Full batches per epoch (the last 608 samples are dropped, on both sides).</summary>
    public static int StepsPerEpoch => EpochSamples / Batch;

    /// <summary>The MNIST sample as float32 rows scaled to [0, 1], and its labels.</summary>
    public static (float[] Pixels, int[] Labels, int Count) LoadMnist()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var (images, labels) = IdxReader.ReadLabelledImages(Path.Combine(folder, "mnist10k-images-idx3-ubyte.gz"),
            Path.Combine(folder, "mnist10k-labels-idx1-ubyte.gz"));
        return (images.ToSingle(), [.. labels.Select(l => (int)l)], images.Count);
    }

    /// <summary>Copies batch <paramref name="step"/> (samples step·B … step·B+B−1, modulo the sample) into <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static void FillBatch(float[] pixels, int[] labels, int count, int step, Span<float> x, int[] y)
    {
        int pixelsPerImage = MlpSizes[0];
        for (int r = 0; r < y.Length; r++)
        {
            int sample = (step * y.Length + r) % count;
            pixels.AsSpan(sample * pixelsPerImage, pixelsPerImage).CopyTo(x.Slice(r * pixelsPerImage, pixelsPerImage));
            y[r] = labels[sample];
        }
    }
}

/// <summary>One workload's timing.</summary>
/// <param name="Name">What was timed.</param>
/// <param name="Seconds">Median wall time of one repetition (synchronised on a GPU).</param>
/// <param name="Repeats">How many repetitions the median is over (after warm-up).</param>
/// <param name="Rate">GFLOP/s for the matrix multiply; samples per second for the MLP.</param>
/// <param name="Check">A number that shows the work was done (C[0,0] of the product; the last batch loss).</param>
/// <param name="QueueSeconds">
/// On a GPU, the median host time to queue one repetition's kernels (before waiting for the device): near
/// <paramref name="Seconds"/> means the host's launches, not the device, set the pace.
/// </param>
public sealed record BenchResult(string Name, double Seconds, int Repeats, double Rate, double Check, double? QueueSeconds = null);
