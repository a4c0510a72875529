using Tutor.Data;
using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.MnistSgdMomentum;

/// <summary>
/// The lesson's training loop on a GPU (<c>--device gpu</c>): the student's <see cref="SmallMlp"/>, op for op, as a
/// <see cref="GpuMlp"/> (ReLU), SGD with momentum on the device (<see cref="GpuMomentum{T}"/>), the same batches in
/// the same order and the same validation every 100 batches. The images go to the device once; each epoch's
/// permutation goes up once (<see cref="GpuRuntime.UploadIndices(ReadOnlySpan{int})"/>) and every batch is gathered
/// from it on the device (<see cref="GpuRuntime.GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/>).
/// The batch's class labels (a few hundred bytes) still go up with the loss, as the loss ops take them from the host.
/// The batch loss is read back every step for the divergence monitor, as on the CPU. At the end the trained weights
/// are copied back into <paramref name="net"/>, so the test evaluation and the figures are the CPU path's code.
/// Tested on ILGPU's CPU simulator against the CPU loop: losses and weights within 1e-4 relative after a few steps.
/// </summary>
public static class MnistSgdMomentumGpu
{
    /// <summary>Trains <paramref name="net"/> for <paramref name="epochs"/> epochs; returns the number of steps taken.</summary>
    public static int Train(GpuRuntime gpu, SmallMlp net, BatchLoader loader, float[] pixels, int[] labels, int[] validation,
        int epochs, List<ValidationPoint> points, TrainingMonitor monitor, LessonContext context, string id, Progress? bar = null)
    {
        const int pixelsPerImage = MnistSgdMomentumLesson.Pixels;
        using var mlp = new GpuMlp(gpu, [pixelsPerImage, MnistSgdMomentumLesson.Hidden, MnistSgdMomentumLesson.Classes],
            GpuActivation.Relu, net.Parameters);
        using var optimizer = new GpuMomentum<float>(gpu, mlp.Parameters, MnistSgdMomentumLesson.LearningRate, MnistSgdMomentumLesson.MomentumFactor);
        using var images = gpu.Upload(Tensor<float>.Wrap(pixels, TensorShape.Matrix(pixels.Length / pixelsPerImage, pixelsPerImage)));
        using var validationRows = gpu.UploadIndices(validation);
        using var batchBuffer = gpu.Zeros<float>(loader.BatchSize, pixelsPerImage);   // a short last batch uses its first rows
        var order = new int[loader.Count];
        GpuIndices? epochRows = null;
        int step = 0;
        try
        {
            for (int epoch = 0; epoch < epochs; epoch++)
            {
                var batches = loader.NextEpoch().ToList();   // the epoch's permutation, in batches (the loader's own memory)
                int filled = 0;
                foreach (var batch in batches)
                {
                    batch.Span.CopyTo(order.AsSpan(filled));
                    filled += batch.Length;
                }
                if (epochRows is null) epochRows = gpu.UploadIndices(order.AsSpan(0, filled));
                else gpu.UploadIndices(order.AsSpan(0, filled), epochRows);

                int batchIndex = 0, start = 0;
                foreach (var batch in batches)
                {
                    var x = gpu.GatherRows(images, epochRows, start, batch.Length, gpu.Ops.SliceRows(batchBuffer, 0, batch.Length));
                    var y = Labels(labels, batch.Span);
                    using var lossTensor = mlp.LossAndGradient(x, y);
                    float loss = gpu.ReadScalar(lossTensor);
                    monitor.Observe(step, loss, MnistSgdMomentumLesson.LearningRate);
                    optimizer.Step();
                    if (step % MnistSgdMomentumLesson.ReportEvery == 0)
                    {
                        var (vl, va) = Evaluate(gpu, mlp, images, labels, validation, validationRows);
                        points.Add(new ValidationPoint(epoch + 1, batchIndex, step, loss, vl, va));
                        context.Say($"{id}: epoch {epoch + 1} batch {batchIndex}: loss {loss:0.000000}, validation accuracy {va:P1}, avg loss {vl:0.000} (GPU)");
                    }
                    start += batch.Length;
                    batchIndex++;
                    step++;
                    bar?.Report(step, $"epoch {epoch + 1}, loss {loss:0.0000} (GPU)");
                }
            }
        }
        finally
        {
            epochRows?.Dispose();
        }
        mlp.DownloadInto(net.Parameters);
        return step;
    }

    /// <summary>
    /// Mean cross-entropy and accuracy on the device, in batches of 64 as on the CPU: the rows named by
    /// <paramref name="indices"/> (on the device as <paramref name="rows"/>) gathered from <paramref name="images"/>.
    /// </summary>
    public static (double Loss, double Accuracy) Evaluate(GpuRuntime gpu, GpuMlp mlp, GpuTensor<float> images, int[] labels, int[] indices, GpuIndices rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Length != indices.Length) throw new ArgumentException($"Evaluate: {indices.Length} host indices but {rows.Length} on the device; upload the same list.", nameof(rows));
        double loss = 0;
        int correct = 0, batches = 0;
        using var buffer = gpu.Zeros<float>(Math.Min(MnistSgdMomentumLesson.BatchSize, indices.Length), images.Columns);
        for (int start = 0; start < indices.Length; start += MnistSgdMomentumLesson.BatchSize)
        {
            int count = Math.Min(MnistSgdMomentumLesson.BatchSize, indices.Length - start);
            var x = gpu.GatherRows(images, rows, start, count, gpu.Ops.SliceRows(buffer, 0, count));
            var y = Labels(labels, indices.AsSpan(start, count));
            using var logits = mlp.Logits(x);
            using var batchLoss = gpu.Ops.CrossEntropyLoss(logits, y);
            loss += gpu.ReadScalar(batchLoss);
            var predicted = GpuTraining.ArgMaxRows(gpu.Download(logits).AsReadOnlySpan(), y.Length, MnistSgdMomentumLesson.Classes);
            for (int i = 0; i < y.Length; i++) if (predicted[i] == y[i]) correct++;
            batches++;
        }
        return (loss / batches, (double)correct / indices.Length);
    }

    static int[] Labels(int[] labels, ReadOnlySpan<int> indices)
    {
        var y = new int[indices.Length];
        for (int i = 0; i < y.Length; i++) y[i] = labels[indices[i]];
        return y;
    }
}
