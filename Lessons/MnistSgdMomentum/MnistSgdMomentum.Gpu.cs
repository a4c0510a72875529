using Tutor.Data;
using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.MnistSgdMomentum;

/// <summary>
/// The lesson's training loop on a GPU (<c>--device gpu</c>): the student's <see cref="SmallMlp"/>, op for op, as a
/// <see cref="GpuMlp"/> (ReLU), SGD with momentum on the device (<see cref="GpuMomentum{T}"/>), the same batches in the same order and the same
/// validation every 100 batches. Each batch is gathered on the host and uploaded (an explicit copy); the batch loss is
/// read back every step for the divergence monitor, as on the CPU. At the end the trained weights are copied back
/// into <paramref name="net"/>, so the test evaluation and the figures are the CPU path's code.
/// Tested on ILGPU's CPU simulator against the CPU loop: losses and weights within 1e-4 relative after a few steps.
/// </summary>
public static class MnistSgdMomentumGpu
{
    /// <summary>Trains <paramref name="net"/> for <paramref name="epochs"/> epochs; returns the number of steps taken.</summary>
    public static int Train(GpuRuntime gpu, SmallMlp net, BatchLoader loader, float[] pixels, int[] labels, int[] validation,
        int epochs, List<ValidationPoint> points, TrainingMonitor monitor, LessonContext context, string id, Progress? bar = null)
    {
        using var mlp = new GpuMlp(gpu, [MnistSgdMomentumLesson.Pixels, MnistSgdMomentumLesson.Hidden, MnistSgdMomentumLesson.Classes],
            GpuActivation.Relu, net.Parameters);
        using var optimizer = new GpuMomentum<float>(gpu, mlp.Parameters, MnistSgdMomentumLesson.LearningRate, MnistSgdMomentumLesson.MomentumFactor);
        int step = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            int batchIndex = 0;
            foreach (var batch in loader.NextEpoch())
            {
                var (x, y) = Batch(pixels, labels, batch.Span);
                using var xDevice = gpu.Upload(x);
                using var lossTensor = mlp.LossAndGradient(xDevice, y);
                float loss = gpu.ReadScalar(lossTensor);
                monitor.Observe(step, loss, MnistSgdMomentumLesson.LearningRate);
                optimizer.Step();
                if (step % MnistSgdMomentumLesson.ReportEvery == 0)
                {
                    var (vl, va) = Evaluate(gpu, mlp, pixels, labels, validation);
                    points.Add(new ValidationPoint(epoch + 1, batchIndex, step, loss, vl, va));
                    context.Say($"{id}: epoch {epoch + 1} batch {batchIndex}: loss {loss:0.000000}, validation accuracy {va:P1}, avg loss {vl:0.000} (GPU)");
                }
                batchIndex++;
                step++;
                bar?.Report(step, $"epoch {epoch + 1}, loss {loss:0.0000} (GPU)");
            }
        }
        mlp.DownloadInto(net.Parameters);
        return step;
    }

    /// <summary>Mean cross-entropy and accuracy on the device, in batches of 64 as on the CPU.</summary>
    public static (double Loss, double Accuracy) Evaluate(GpuRuntime gpu, GpuMlp mlp, float[] pixels, int[] labels, int[] indices)
    {
        double loss = 0;
        int correct = 0, batches = 0;
        for (int start = 0; start < indices.Length; start += MnistSgdMomentumLesson.BatchSize)
        {
            var slice = indices.AsSpan(start, Math.Min(MnistSgdMomentumLesson.BatchSize, indices.Length - start));
            var (x, y) = Batch(pixels, labels, slice);
            using var xDevice = gpu.Upload(x);
            using var logits = mlp.Logits(xDevice);
            using var batchLoss = gpu.Ops.CrossEntropyLoss(logits, y);
            loss += gpu.ReadScalar(batchLoss);
            var predicted = GpuTraining.ArgMaxRows(gpu.Download(logits).AsReadOnlySpan(), y.Length, MnistSgdMomentumLesson.Classes);
            for (int i = 0; i < y.Length; i++) if (predicted[i] == y[i]) correct++;
            batches++;
        }
        return (loss / batches, (double)correct / indices.Length);
    }

    static (Tensor<float> X, int[] Y) Batch(float[] pixels, int[] labels, ReadOnlySpan<int> indices)
    {
        var x = Rows.Gather<float>(pixels, MnistSgdMomentumLesson.Pixels, indices);
        var y = new int[indices.Length];
        for (int i = 0; i < y.Length; i++) y[i] = labels[indices[i]];
        return (Tensor<float>.Wrap(x, TensorShape.Matrix(indices.Length, MnistSgdMomentumLesson.Pixels)), y);
    }
}
