using System.Diagnostics;
using Tutor.Data;
using Tutor.Lessons.Reports;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.DepthAndInitialisation;

/// <summary>The sizes the lesson runs at: <see cref="Full"/> is LESSONS.md's; tests may use fewer examples.</summary>
public sealed record DepthOptions(int Epochs, int TrainCount, int TestCount)
{
    public static DepthOptions Full { get; } = new(5, 8000, 2000) { SeedStepsDiagnostic = true };

    /// <summary>
    /// Also train Xavier for as many SGD steps as the seed took (5 epochs of 468 batches on the full 60 000 digits), to show
    /// in the report what the reduced data costs. A diagnostic beside the checks, never one of them.
    /// </summary>
    public bool SeedStepsDiagnostic { get; init; }
}

/// <summary>One initialisation: the gradient norm of every layer's weights on one batch, and accuracy per epoch (index 0: before training).</summary>
public sealed record InitialisationRun(string Name, double? D, double[] GradientNorms, double[] TrainAccuracy, double[] TestAccuracy, double[] TrainLoss, double Seconds)
{
    /// <summary>SGD steps taken: epochs × batches per epoch.</summary>
    public int Steps { get; init; }
}

/// <summary>
/// Seed 001 P4: an MLP 784 → 50 (tanh) ×8 → 10 on MNIST, initialised with U(−d, d) for d ∈ {0.01, 0.1, 2} and with
/// Xavier; gradient norms per layer on one batch of 256, then 5 epochs of SGD (batch 128, lr 0.01) with accuracy curves.
/// </summary>
[Lesson(11)]
public sealed class DepthAndInitialisationLesson : ILesson
{
    public const int Depth = 8, Hidden = 50, Classes = 10, BatchSize = 128, GradientBatch = 256;

    /// <summary>The seed's SGD steps: 5 epochs × ⌊60 000 / 128⌋ = 468 batches (drop_last).</summary>
    public const int SeedSteps = 5 * (60000 / BatchSize);
    public const double LearningRate = 0.01;
    public static readonly (string Name, double? D)[] Initialisations = [("d = 0.01", 0.01), ("d = 0.1", 0.1), ("d = 2.0", 2.0), ("Xavier", null)];

    readonly DepthOptions options;

    public DepthAndInitialisationLesson() : this(DepthOptions.Full) { }

    public DepthAndInitialisationLesson(DepthOptions options) => this.options = options;

    public string Id => "depth-and-initialisation";
    public string Title => "Depth and initialisation: vanishing and saturating gradients in a deep tanh MLP";
    public string Description => "HW1 P4: 784→50 tanh ×8→10 on MNIST; gradient norm per layer and accuracy for U(−d, d), d ∈ {0.01, 0.1, 2}, and Xavier.";

    /// <summary>The student's file, <c>DeepTanhNet.Student.cs</c>, exactly as compiled.</summary>
    public static string StudentSource => LessonSupport.StudentSource("DepthAndInitialisation", "DeepTanhNet.Student.cs");

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed).Fork(Id);
        var data = MnistData.Load(options.TrainCount, options.TestCount);
        var runs = new List<InitialisationRun>();
        foreach (var (name, d) in Initialisations)
        {
            context.Say($"{Id}: {name}: gradient norms, then {options.Epochs} epochs");
            runs.Add(context.Device.Runtime is { } gpu   // --device gpu: DepthAndInitialisation.Gpu.cs
                ? DepthAndInitialisationGpu.Train(gpu, name, d, data, options.Epochs, random.Fork(name), context)
                : Train(name, d, data, random.Fork(name), context));
        }
        var elapsed = clock.Elapsed;
        InitialisationRun? atSeedSteps = null;
        if (options.SeedStepsDiagnostic)
        {
            int epochs = (SeedSteps + data.TrainCount / BatchSize - 1) / (data.TrainCount / BatchSize);
            context.Say($"{Id}: diagnostic: Xavier again for {epochs} epochs, about the seed's {SeedSteps} SGD steps");
            atSeedSteps = context.Device.Runtime is { } gpu
                ? DepthAndInitialisationGpu.Train(gpu, "Xavier", null, data, epochs, random.Fork("Xavier"), context)
                : Train("Xavier", null, data, random.Fork("Xavier"), context, epochs);
        }
        var checks = Checks(runs);
        var figures = new DepthFigures(context, Id, runs).Draw();
        var markdown = new DepthReport(this, context, options, data, runs, checks, figures, elapsed) { AtSeedSteps = atSeedSteps }.Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);
        var values = new Dictionary<string, double> { ["seed"] = context.Seed, ["seconds"] = elapsed.TotalSeconds };
        foreach (var r in runs)
        {
            values[$"{r.Name}.test-accuracy"] = r.TestAccuracy[^1];
            values[$"{r.Name}.train-accuracy"] = r.TrainAccuracy[^1];
            for (int l = 0; l < r.GradientNorms.Length; l++) values[$"{r.Name}.gradient-norm.{l + 1}"] = r.GradientNorms[l];
        }
        if (atSeedSteps is not null)
        {
            values["Xavier.at-seed-steps.steps"] = atSeedSteps.Steps;
            values["Xavier.at-seed-steps.test-accuracy"] = atSeedSteps.TestAccuracy[^1];
        }
        return new LessonResult
        {
            Id = Id,
            Headline = "test accuracy after " + options.Epochs + " epochs: " + string.Join(", ", runs.Select(r => $"{r.Name} {r.TestAccuracy[^1]:P1}")) + " (float32)",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    InitialisationRun Train(string name, double? d, MnistData data, TutorRandom random, LessonContext context, int? epochCount = null)
    {
        int epochs = epochCount ?? options.Epochs;
        var clock = Stopwatch.StartNew();
        var net = new DeepTanhNet(MnistData.Pixels, Hidden, Depth, Classes);
        net.Initialise(d, random.Fork("init"));

        // the seed's gradient check: one batch of 256 (its first test batch), one backward pass, ‖∂L/∂W_l‖ per layer
        int g = Math.Min(GradientBatch, data.TestCount);
        var (gx, gy) = data.Batch(data.TestImages, data.TestLabels, Enumerable.Range(0, g).ToArray());
        net.LossAndGradient(gx, gy);
        var norms = Enumerable.Range(0, net.Sizes.Length - 1).Select(l => Norm(net.WeightGradient(l))).ToArray();

        var optimizer = new Sgd<float>(net.Parameters, LearningRate);
        var loader = new BatchLoader(data.TrainCount, BatchSize, shuffle: false, dropLast: true);   // as the seed: no shuffle, drop_last
        var trainAcc = new List<double> { data.Accuracy(net, train: true) };
        var testAcc = new List<double> { data.Accuracy(net, train: false) };
        var losses = new List<double>();
        using var bar = context.Progress(name, epochs * loader.BatchCount);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double sum = 0;
            int batches = 0;
            foreach (var batch in loader.NextEpoch())
            {
                var (x, y) = data.Batch(data.TrainImages, data.TrainLabels, batch.Span);
                sum += net.LossAndGradient(x, y);
                optimizer.Step();
                batches++;
                bar.Report(epoch * loader.BatchCount + batches, $"epoch {epoch + 1}, loss {sum / batches:0.0000}");
            }
            losses.Add(sum / batches);
            trainAcc.Add(data.Accuracy(net, train: true));
            testAcc.Add(data.Accuracy(net, train: false));
            context.Say($"  {name} epoch {epoch + 1}: loss {losses[^1]:0.0000}, train {trainAcc[^1]:P2}, test {testAcc[^1]:P2}");
        }
        return new InitialisationRun(name, d, norms, [.. trainAcc], [.. testAcc], [.. losses], clock.Elapsed.TotalSeconds) { Steps = epochs * loader.BatchCount };
    }

    static double Norm(Tensor<float> t)
    {
        double s = 0;
        foreach (var v in t.AsReadOnlySpan()) s += (double)v * v;
        return Math.Sqrt(s);
    }

    static List<LessonCheck> Checks(List<InitialisationRun> runs) =>
    [
        LessonSupport.AtMost("d = 0.01: test accuracy (near chance)", 0.20, runs[0].TestAccuracy[^1]),
        LessonSupport.AtMost("d = 0.1: test accuracy (near chance)", 0.20, runs[1].TestAccuracy[^1]),
        LessonSupport.AtMost("d = 2.0: test accuracy (learns little)", 0.40, runs[2].TestAccuracy[^1]),
        LessonSupport.AtLeast("Xavier: test accuracy", 0.80, runs[3].TestAccuracy[^1]),
    ];
}

/// <summary>The lesson's MNIST: the first <c>train</c> images for training and the last <c>test</c> for testing, pixels in [0, 1], float32.</summary>
public sealed class MnistData
{
    public const int Pixels = 784;

    MnistData(float[] trainImages, int[] trainLabels, float[] testImages, int[] testLabels) =>
        (TrainImages, TrainLabels, TestImages, TestLabels) = (trainImages, trainLabels, testImages, testLabels);

    public float[] TrainImages { get; }
    public int[] TrainLabels { get; }
    public float[] TestImages { get; }
    public int[] TestLabels { get; }
    public int TrainCount => TrainLabels.Length;
    public int TestCount => TestLabels.Length;

    public static MnistData Load(int train, int test)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var (images, labels) = IdxReader.ReadLabelledImages(Path.Combine(folder, "mnist10k-images-idx3-ubyte.gz"), Path.Combine(folder, "mnist10k-labels-idx1-ubyte.gz"));
        var pixels = images.ToSingle();
        int n = images.Count;
        return new MnistData(pixels[..(train * Pixels)], [.. labels[..train].Select(v => (int)v)],
            pixels[((n - test) * Pixels)..], [.. labels[(n - test)..].Select(v => (int)v)]);
    }

    /// <summary>The rows named by <paramref name="indices"/> as a batch (B × 784) and their labels.</summary>
    public (Tensor<float> X, int[] Y) Batch(float[] images, int[] labels, ReadOnlySpan<int> indices)
    {
        var x = Rows.Gather<float>(images, Pixels, indices);
        var y = new int[indices.Length];
        for (int i = 0; i < y.Length; i++) y[i] = labels[indices[i]];
        return (Tensor<float>.Wrap(x, TensorShape.Matrix(indices.Length, Pixels)), y);
    }

    /// <summary>The fraction of the training or test set the network classifies correctly.</summary>
    public double Accuracy(DeepTanhNet net, bool train)
    {
        var images = train ? TrainImages : TestImages;
        var labels = train ? TrainLabels : TestLabels;
        int correct = 0;
        const int chunk = 1000;
        for (int start = 0; start < labels.Length; start += chunk)
        {
            int count = Math.Min(chunk, labels.Length - start);
            var x = Tensor<float>.Matrix(count, Pixels, images.AsSpan(start * Pixels, count * Pixels));
            var logits = net.Logits(x);
            for (int i = 0; i < count; i++)
            {
                var row = logits.Row(i);
                int best = 0;
                for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
                if (best == labels[start + i]) correct++;
            }
        }
        return (double)correct / labels.Length;
    }
}
