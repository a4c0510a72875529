using System.Diagnostics;
using Tutor.Data;
using Tutor.Gpu;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.DepthAndInitialisation;

/// <summary>
/// One initialisation's run on a GPU (<c>--device gpu</c>): the student's <see cref="DeepTanhNet"/>, op for op, as a
/// <see cref="GpuMlp"/> (tanh), initialised on the host exactly as on the CPU and uploaded; the gradient norms on the
/// seed's batch of 256; SGD (lr 0.01, batch 128, no shuffle, drop_last) on the device (<see cref="GpuSgd{T}"/>); accuracies after every epoch
/// from device logits. The training set is uploaded once and batches are row slices of it (no copy per step).
/// Tested on ILGPU's CPU simulator against the CPU path: gradient norms and losses within 1e-4 relative.
/// </summary>
public static class DepthAndInitialisationGpu
{
    /// <summary>The same measurements as the CPU path's <c>Train</c>, on <paramref name="gpu"/>.</summary>
    public static InitialisationRun Train(GpuRuntime gpu, string name, double? d, MnistData data, int epochs, TutorRandom random, LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var net = new DeepTanhNet(MnistData.Pixels, DepthAndInitialisationLesson.Hidden, DepthAndInitialisationLesson.Depth, DepthAndInitialisationLesson.Classes);
        net.Initialise(d, random.Fork("init"));
        using var mlp = new GpuMlp(gpu, net.Sizes, GpuActivation.Tanh, net.Parameters);
        using var train = gpu.Upload(Tensor<float>.Wrap(data.TrainImages, TensorShape.Matrix(data.TrainCount, MnistData.Pixels)));
        using var test = gpu.Upload(Tensor<float>.Wrap(data.TestImages, TensorShape.Matrix(data.TestCount, MnistData.Pixels)));

        int g = Math.Min(DepthAndInitialisationLesson.GradientBatch, data.TestCount);
        using (var gx = gpu.Ops.SliceRows(test, 0, g))
        using (mlp.LossAndGradient(gx, data.TestLabels[..g])) { }
        var norms = Enumerable.Range(0, net.Sizes.Length - 1).Select(mlp.WeightGradientNorm).ToArray();

        var loader = new BatchLoader(data.TrainCount, DepthAndInitialisationLesson.BatchSize, shuffle: false, dropLast: true);
        var trainAcc = new List<double> { Accuracy(gpu, mlp, train, data.TrainLabels) };
        var testAcc = new List<double> { Accuracy(gpu, mlp, test, data.TestLabels) };
        var losses = new List<double>();
        using var sgd = new GpuSgd<float>(gpu, mlp.Parameters, DepthAndInitialisationLesson.LearningRate);
        using var bar = context.Progress(name, epochs * loader.BatchCount);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            int batches = 0;
            foreach (var batch in loader.NextEpoch())
            {
                var rows = batch.Span;
                if (rows[^1] != rows[0] + rows.Length - 1)
                    throw new InvalidOperationException($"{nameof(DepthAndInitialisationGpu)}: expected consecutive rows (the loader does not shuffle), got {rows[0]} … {rows[^1]}.");
                using var x = gpu.Ops.SliceRows(train, rows[0], rows.Length);
                using var loss = mlp.LossAndGradient(x, data.TrainLabels[rows[0]..(rows[0] + rows.Length)]);
                sum += gpu.ReadScalar(loss);
                sgd.Step();
                batches++;
                bar.Report(epoch * loader.BatchCount + batches, $"epoch {epoch + 1}, loss {sum / batches:0.0000} (GPU)");
            }
            losses.Add(sum / batches);
            trainAcc.Add(Accuracy(gpu, mlp, train, data.TrainLabels));
            testAcc.Add(Accuracy(gpu, mlp, test, data.TestLabels));
            context.Say($"  {name} epoch {epoch + 1}: loss {losses[^1]:0.0000}, train {trainAcc[^1]:P2}, test {testAcc[^1]:P2} (GPU)");
        }
        return new InitialisationRun(name, d, norms, [.. trainAcc], [.. testAcc], [.. losses], clock.Elapsed.TotalSeconds) { Steps = epochs * loader.BatchCount };
    }

    /// <summary>The fraction of rows of <paramref name="images"/> classified as <paramref name="labels"/>, in chunks of 1000.</summary>
    static double Accuracy(GpuRuntime gpu, GpuMlp mlp, GpuTensor<float> images, int[] labels)
    {
        int correct = 0;
        const int chunk = 1000;
        for (int start = 0; start < labels.Length; start += chunk)
        {
            int count = Math.Min(chunk, labels.Length - start);
            using var x = gpu.Ops.SliceRows(images, start, count);
            var predicted = mlp.Predict(x);
            for (int i = 0; i < count; i++) if (predicted[i] == labels[start + i]) correct++;
        }
        return (double)correct / labels.Length;
    }
}
