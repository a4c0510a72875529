using System.Diagnostics;
using Tutor.Data;
using Tutor.Lessons.Reports;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.MnistSgdMomentum;

/// <summary>Sizes: <see cref="Full"/> is LESSONS.md's; tests may train on fewer digits.</summary>
public sealed record MomentumOptions(int Epochs, int TrainPool, int TestCount)
{
    public static MomentumOptions Full { get; } = new(5, 8000, 2000) { SeedStepsDiagnostic = true };

    /// <summary>
    /// Also train the same network (same initialisation, same batch order) for about as many SGD steps as the seed's 5 epochs
    /// over at least 48 000 training digits, to show in the report what the reduced data costs. A diagnostic, never a check.
    /// </summary>
    public bool SeedStepsDiagnostic { get; init; }
}

/// <summary>The diagnostic run at about the seed's number of steps.</summary>
public sealed record SeedStepsRun(int Epochs, int Steps, double TestAccuracy);

/// <summary>A validation measurement every 100 batches.</summary>
public sealed record ValidationPoint(int Epoch, int Batch, int Step, double BatchLoss, double ValidationLoss, double ValidationAccuracy);

/// <summary>What the run found.</summary>
public sealed record MomentumMeasurements(int Train, int Validation, int Test, IReadOnlyList<ValidationPoint> Points, double TestLoss, double TestAccuracy,
    int[] ShownDigits, int[] ShownPredictions, int[] ShownLabels, double TrainSeconds);

/// <summary>
/// Seed 004 part 2: 784 → 10 (ReLU) → 10 on MNIST, cross-entropy, SGD with momentum (lr 1e−3, μ = 0.9), batch 64,
/// 5 epochs, train/validation/test split; validation accuracy every 100 batches, test accuracy at the end, a few
/// test digits drawn with their predicted labels.
/// </summary>
[Lesson(14)]
public sealed class MnistSgdMomentumLesson : ILesson
{
    public const int Hidden = 10, Classes = 10, BatchSize = 64, Pixels = 784, ReportEvery = 100;
    public const double LearningRate = 1e-3, MomentumFactor = 0.9, ValidationFraction = 0.2;

    /// <summary>
    /// The fewest SGD steps the seed's 5 epochs can have been: its split sizes are cut off in its text, and an 80/20 split of
    /// the 60 000 training digits (48 000 for training, 750 batches of 64) is the smallest usual one.
    /// </summary>
    public const int SeedStepsAtLeast = 5 * (48000 / BatchSize);

    readonly MomentumOptions options;

    public MnistSgdMomentumLesson() : this(MomentumOptions.Full) { }

    public MnistSgdMomentumLesson(MomentumOptions options) => this.options = options;

    public string Id => "mnist-sgd-momentum";
    public string Title => "MNIST with SGD and momentum: a 784 → 10 → 10 network";
    public string Description => "HW 004 part 2: 784→10 ReLU→10, cross-entropy, SGD lr 1e−3 momentum 0.9, batch 64, 5 epochs; validation every 100 batches, test accuracy.";

    /// <summary>The student's file, <c>SmallMlp.Student.cs</c>, exactly as compiled.</summary>
    public static string StudentSource => LessonSupport.StudentSource("MnistSgdMomentum", "SmallMlp.Student.cs");

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed).Fork(Id);
        var folder = Path.Combine(AppContext.BaseDirectory, "data");
        var (images, rawLabels) = IdxReader.ReadLabelledImages(Path.Combine(folder, "mnist10k-images-idx3-ubyte.gz"), Path.Combine(folder, "mnist10k-labels-idx1-ubyte.gz"));
        var pixels = images.ToSingle();
        var labels = rawLabels.Select(v => (int)v).ToArray();
        int n = images.Count;
        var testIndices = Enumerable.Range(n - options.TestCount, options.TestCount).ToArray();
        var (train, validation) = DataSplit.Holdout(Enumerable.Range(0, options.TrainPool).ToArray(), ValidationFraction, random.Fork("split"));

        var net = new SmallMlp(Pixels, Hidden, Classes);
        net.Initialise(random.Fork("init"));
        var optimizer = new Momentum<float>(net.Parameters, LearningRate, MomentumFactor);
        var loader = new BatchLoader(train, BatchSize, shuffle: true, random: random.Fork("batches"));
        var monitor = new TrainingMonitor();
        var points = new List<ValidationPoint>();
        int step = 0;
        var trainClock = Stopwatch.StartNew();
        using var bar = context.Progress("training", options.Epochs * loader.BatchCount);
        if (context.Device.Runtime is { } gpu)   // --device gpu: the same loop on the device (MnistSgdMomentum.Gpu.cs), then no CPU epochs
            step = MnistSgdMomentumGpu.Train(gpu, net, loader, pixels, labels, validation, options.Epochs, points, monitor, context, Id, bar);
        for (int epoch = 0; epoch < (context.Device.Runtime is null ? options.Epochs : 0); epoch++)
        {
            int batchIndex = 0;
            foreach (var batch in loader.NextEpoch())
            {
                var (x, y) = Batch(pixels, labels, batch.Span);
                float loss = net.LossAndGradient(x, y);
                monitor.Observe(step, loss, LearningRate);
                optimizer.Step();
                if (step % ReportEvery == 0)
                {
                    var (vl, va) = Evaluate(net, pixels, labels, validation);
                    points.Add(new ValidationPoint(epoch + 1, batchIndex, step, loss, vl, va));
                    context.Say($"{Id}: epoch {epoch + 1} batch {batchIndex}: loss {loss:0.000000}, validation accuracy {va:P1}, avg loss {vl:0.000}");
                }
                batchIndex++;
                step++;
                bar.Report(step, $"epoch {epoch + 1}, loss {loss:0.0000}");
            }
        }
        double trainSeconds = trainClock.Elapsed.TotalSeconds;
        if (points[^1].Step != step - 1)
        {
            var (fl, fa) = Evaluate(net, pixels, labels, validation);
            points.Add(new ValidationPoint(options.Epochs, -1, step, double.NaN, fl, fa));
        }
        var (testLoss, testAccuracy) = Evaluate(net, pixels, labels, testIndices);
        var shown = testIndices[..8];
        var (sx, sy) = Batch(pixels, labels, shown);
        var logits = net.Logits(sx);
        var predictions = Enumerable.Range(0, shown.Length).Select(i => ArgMax(logits.Row(i))).ToArray();
        var m = new MomentumMeasurements(train.Length, validation.Length, testIndices.Length, points, testLoss, testAccuracy, shown, predictions, sy, trainSeconds);
        SeedStepsRun? atSeedSteps = null;
        if (options.SeedStepsDiagnostic)
        {
            int epochs = (SeedStepsAtLeast + loader.BatchCount - 1) / loader.BatchCount;
            context.Say($"{Id}: diagnostic: the same network for {epochs} epochs, about the seed's {SeedStepsAtLeast} or more SGD steps");
            atSeedSteps = TrainAgain(epochs, train, testIndices, pixels, labels, random, context);
        }

        var checks = new List<LessonCheck> { LessonSupport.AtLeast($"test accuracy after {options.Epochs} epochs", 0.80, testAccuracy) };
        var figures = Figures(context, m, pixels);
        var elapsed = clock.Elapsed;
        var markdown = new MomentumReport(this, context, options, m, checks, figures, elapsed) { AtSeedSteps = atSeedSteps }.Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);
        return new LessonResult
        {
            Id = Id,
            Headline = $"test accuracy {testAccuracy:P1} after {options.Epochs} epochs ({step} steps, {trainSeconds:0.0} s, float32); validation {points[^1].ValidationAccuracy:P1} at the last check",
            ReportPath = path,
            Checks = checks,
            Values = new Dictionary<string, double>
            {
                ["seed"] = context.Seed,
                ["test-accuracy"] = testAccuracy,
                ["test-loss"] = testLoss,
                ["validation-checks"] = points.Count,
                ["last-validation-accuracy"] = points[^1].ValidationAccuracy,
                ["train-seconds"] = trainSeconds,
                ["at-seed-steps.test-accuracy"] = atSeedSteps?.TestAccuracy ?? double.NaN,
            },
        };
    }

    /// <summary>The run above again, from the same initialisation and batch order, for <paramref name="epochs"/> epochs: its test accuracy.</summary>
    static SeedStepsRun TrainAgain(int epochs, int[] train, int[] testIndices, float[] pixels, int[] labels, TutorRandom random, LessonContext context)
    {
        var net = new SmallMlp(Pixels, Hidden, Classes);
        net.Initialise(random.Fork("init"));
        var optimizer = new Momentum<float>(net.Parameters, LearningRate, MomentumFactor);
        var loader = new BatchLoader(train, BatchSize, shuffle: true, random: random.Fork("batches"));
        int step = 0;
        using var bar = context.Progress("at the seed's steps", epochs * loader.BatchCount);
        for (int epoch = 0; epoch < epochs; epoch++)
            foreach (var batch in loader.NextEpoch())
            {
                var (x, y) = Batch(pixels, labels, batch.Span);
                float loss = net.LossAndGradient(x, y);
                optimizer.Step();
                bar.Report(++step, $"epoch {epoch + 1}, loss {loss:0.0000}");
            }
        return new SeedStepsRun(epochs, step, Evaluate(net, pixels, labels, testIndices).Accuracy);
    }

    static (Tensor<float> X, int[] Y) Batch(float[] pixels, int[] labels, ReadOnlySpan<int> indices)
    {
        var x = Rows.Gather<float>(pixels, Pixels, indices);
        var y = new int[indices.Length];
        for (int i = 0; i < y.Length; i++) y[i] = labels[indices[i]];
        return (Tensor<float>.Wrap(x, TensorShape.Matrix(indices.Length, Pixels)), y);
    }

    /// <summary>Mean cross-entropy and accuracy over the given examples (in batches of 64, as the seed's loader).</summary>
    static (double Loss, double Accuracy) Evaluate(SmallMlp net, float[] pixels, int[] labels, int[] indices)
    {
        double loss = 0;
        int correct = 0, batches = 0;
        for (int start = 0; start < indices.Length; start += BatchSize)
        {
            var slice = indices.AsSpan(start, Math.Min(BatchSize, indices.Length - start));
            var (x, y) = Batch(pixels, labels, slice);
            var logits = net.Logits(x);
            loss += Ops.CrossEntropyLoss(logits, y).ToScalar();
            for (int i = 0; i < y.Length; i++) if (ArgMax(logits.Row(i)) == y[i]) correct++;
            batches++;
        }
        return (loss / batches, (double)correct / indices.Length);
    }

    static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int c = 1; c < row.Length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    (string Validation, string Digits) Figures(LessonContext context, MomentumMeasurements m, float[] pixels)
    {
        var plot = new ScottPlot.Plot();
        var s = plot.Add.Scatter(m.Points.Select(p => (double)p.Step).ToArray(), m.Points.Select(p => 100 * p.ValidationAccuracy).ToArray());
        s.LegendText = "validation accuracy";
        s.MarkerSize = 7;
        plot.Title("Validation accuracy every 100 batches");
        plot.XLabel("step (batches of 64)");
        plot.YLabel("accuracy (%)");
        var validation = LessonSupport.Save(plot, context, Id, "validation", 720, 420);

        int count = m.ShownDigits.Length;
        var grid = new double[28, 28 * count + (count - 1) * 4];
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < grid.GetLength(1); c++) grid[r, c] = double.NaN;
        for (int k = 0; k < count; k++)
            for (int r = 0; r < 28; r++)
                for (int c = 0; c < 28; c++) grid[r, k * 32 + c] = 1 - pixels[m.ShownDigits[k] * Pixels + r * 28 + c];
        var digits = new ScottPlot.Plot();
        var heatmap = digits.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        digits.Title("predicted: " + string.Join("   ", m.ShownPredictions) + "   (true: " + string.Join(" ", m.ShownLabels) + ")");
        digits.Axes.Frameless();
        var path = LessonSupport.Save(digits, context, Id, "digits", 900, 180);
        return (validation, path);
    }
}
