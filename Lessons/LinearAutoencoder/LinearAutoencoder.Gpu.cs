using System.Diagnostics;
using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>
/// Part (c) on a GPU (<c>--device gpu</c>): the student's <see cref="Autoencoder.LossAndGradient{T}"/>, op for op, on
/// <see cref="GpuRuntime.Ops"/>, and the same SGD loop over the MNIST images. The weights start from the same host
/// values as on the CPU. The images go to the device once, with the epoch's order; each step gathers its batch's images
/// into the columns of z on the device (<see cref="GpuRuntime.GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/>),
/// so the losses are the CPU path's up to float32 summation order (tested on ILGPU's CPU simulator: relative 1e-4).
/// </summary>
public static class LinearAutoencoderGpu
{
    /// <summary>
    /// ½‖z − A B z‖² and its gradient on the device: returns the loss (a new one-element tensor; dispose it) and
    /// overwrites <paramref name="aBar"/> and <paramref name="bBar"/> with ∂L/∂A and ∂L/∂B.
    /// </summary>
    public static GpuTensor<float> LossAndGradient(GpuRuntime gpu, GpuTensor<float> a, GpuTensor<float> b, GpuTensor<float> z,
        GpuTensor<float> aBar, GpuTensor<float> bBar)
    {
        var ops = gpu.Ops;
        // forward
        using var code = ops.MatMul(b, z);                  // Y₁ = B z
        using var reconstruction = ops.MatMul(a, code);     // Y₂ = A Y₁
        using var error = ops.Sub(z, reconstruction);       // R  = z − Y₂
        using var squares = ops.Square(error);              // Q  = R ⊙ R
        using var sum = ops.Sum(squares);                   // S  = Σ Q
        var loss = ops.Scale(sum, 0.5f);                    // L  = ½ S

        // backward
        using var lossBar = gpu.Scalar(1f);
        using var sumBar = gpu.ZerosLike(sum);
        ops.ScaleVjp(lossBar, sum, 0.5f, loss, sumBar);
        using var squaresBar = gpu.ZerosLike(squares);
        ops.SumVjp(sumBar, squares, sum, squaresBar);
        using var errorBar = gpu.ZerosLike(error);
        ops.SquareVjp(squaresBar, error, squares, errorBar);
        using var reconstructionBar = gpu.ZerosLike(reconstruction);
        ops.SubVjpRight(errorBar, z, reconstruction, error, reconstructionBar);
        gpu.Clear(aBar);
        gpu.Clear(bBar);
        using var codeBar = gpu.ZerosLike(code);
        ops.MatMulVjpLeft(reconstructionBar, a, code, reconstruction, aBar);
        ops.MatMulVjpRight(reconstructionBar, a, code, reconstruction, codeBar);
        ops.MatMulVjpLeft(codeBar, b, z, code, bBar);
        return loss;
    }

    /// <summary>
    /// One epoch of part (c): <paramref name="count"/> images of <paramref name="pixels"/> (each <paramref name="n"/>
    /// floats) in the order <paramref name="order"/>, <paramref name="batch"/> per step (one image per column of z),
    /// step size lr/batch, from <paramref name="a0"/> (n×k) and <paramref name="b0"/> (k×n). Timed from the upload
    /// of the images and the order (once, before the first step) to the last loss read back. Returns the run and the trained weights (host copies).
    /// </summary>
    public static (ThroughputRun Run, Tensor<float> A, Tensor<float> B, List<double> Losses) Epoch(GpuRuntime gpu,
        float[] pixels, int n, int[] order, int count, int batch, double lr, Tensor<float> a0, Tensor<float> b0)
    {
        using var a = gpu.Upload(a0);
        using var b = gpu.Upload(b0);
        using var z = gpu.Zeros<float>(n, batch);
        using var aBar = gpu.ZerosLike(a);
        using var bBar = gpu.ZerosLike(b);
        using var sgd = new GpuSgd<float>(gpu, [new GpuParameter<float>("A", a, aBar), new GpuParameter<float>("B", b, bBar)], lr / batch);
        var monitor = new TrainingMonitor();
        var losses = new List<double>();
        DivergenceReport? divergence = null;
        int steps = 0;
        var clock = Stopwatch.StartNew();
        using var images = gpu.Upload(Tensor<float>.Wrap(pixels, TensorShape.Matrix(pixels.Length / n, n)));
        using var rows = gpu.UploadIndices(order.AsSpan(0, count));
        for (int start = 0; start + batch <= count; start += batch)
        {
            gpu.GatherRows(images, rows, start, batch, z, transpose: true);   // image order[start + c] → column c of z
            double loss;
            using (var lossTensor = LossAndGradient(gpu, a, b, z, aBar, bBar))
                loss = gpu.ReadScalar(lossTensor) / (double)batch;
            losses.Add(loss);
            if (monitor.Check(steps, loss, lr) is { } report)
            {
                divergence = report;
                break;
            }
            sgd.Step();   // θ ← θ − (lr/batch)·g for A and B: one kernel each
            steps++;
        }
        gpu.Synchronize();
        double seconds = clock.Elapsed.TotalSeconds;
        int window = Math.Max(1, losses.Count / 10);
        var run = new ThroughputRun(batch, lr, steps * batch, steps, seconds,
            losses.Take(window).DefaultIfEmpty(double.NaN).Average(), losses.TakeLast(window).DefaultIfEmpty(double.NaN).Average(), divergence);
        return (run, gpu.Download(a), gpu.Download(b), losses);
    }
}
