using System.Diagnostics;
using Tutor.Data;
using Tutor.Lessons.Reports;
using Tutor.Training;

namespace Tutor.Lessons.MlpIris;

/// <summary>One run of gradient descent: accuracies after 100 and after all iterations, and the loss curve.</summary>
public sealed record IrisRun(double LearningRate, int InitSeed, double Train100, double Validation100, double TrainFull, double ValidationFull, double[] Losses);

/// <summary>
/// One cell of the seed's table under its reconstructed protocol: accuracy on the training rows of networks trained on
/// them, and accuracy on the validation rows of separate networks trained on those (three initialisations each).
/// </summary>
public sealed record SeedProtocolCell(double LearningRate, int Iterations, double[] Train, double[] Validation);

/// <summary>
/// Lab 2 Q2 (seed 002): a 4-12-3 ReLU MLP on Iris trained by full-batch gradient descent on the mean
/// cross-entropy, with the gradient generated from the student's loop code; the learning rate × iterations grid
/// with three initialisations per cell, as in the seed's Appendix D.
/// </summary>
[Lesson(6)]
public sealed class MlpIrisLesson : ILesson
{
    public const string StudentFile = "IrisMlp.Student.cs";
    public static readonly double[] LearningRates = [0.1, 0.01, 0.001];
    public const int ShortIterations = 100;
    public const int InitSeeds = 3;
    public const double RequiredAccuracy = 0.95;

    /// <summary>Iterations of the long runs (1000 as in the seed); the short ones are the first 100 of the same runs.</summary>
    public int Iterations { get; init; } = 1000;

    public string Id => "mlp-iris";
    public string Title => "An MLP on Iris: cross-entropy and full-batch gradient descent";
    public string Description => "Lab 2 Q2: 4-12-3 ReLU MLP, generated gradient of the cross-entropy, lr × iterations grid with 3 seeds each.";

    public sealed record Data(double[] XTrain, double[] OneHotTrain, int[] YTrain, double[] XValidation, int[] YValidation, Standardizer Scaler);

    /// <summary>How the four measurements are fed to the network (the seed does not show its preprocessing).</summary>
    public enum Preprocessing { Raw, Standardised, MeanOverVariance }

    public static Data Load(TutorRandom random, Preprocessing preprocessing)
    {
        var table = CsvReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"));
        int n = table.RowCount;
        var (train, validation) = DataSplit.TrainTest(n, 1.0 / 3, random.Fork("split"));
        var x = new double[n * IrisMlp.Inputs];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < IrisMlp.Inputs; k++) x[i * IrisMlp.Inputs + k] = table[i, k];
            y[i] = (int)table[i, IrisMlp.Inputs];
        }
        var scaler = Standardizer.Fit<double>(x, IrisMlp.Inputs, train);
        if (preprocessing == Preprocessing.Standardised) scaler.Transform<double>(x);
        else if (preprocessing == Preprocessing.MeanOverVariance)
            for (int i = 0; i < n; i++)
                for (int k = 0; k < IrisMlp.Inputs; k++)
                    x[i * IrisMlp.Inputs + k] = (x[i * IrisMlp.Inputs + k] - scaler.Mean[k]) / (scaler.Scale[k] * scaler.Scale[k]);
        var xt = Rows.Gather<double>(x, IrisMlp.Inputs, train);
        var xv = Rows.Gather<double>(x, IrisMlp.Inputs, validation);
        var yt = train.Select(i => y[i]).ToArray();
        var yv = validation.Select(i => y[i]).ToArray();
        return new Data(xt, OneHot(yt), yt, xv, yv, scaler);
    }

    public static double[] OneHot(int[] labels)
    {
        var o = new double[labels.Length * IrisMlp.Classes];
        for (int i = 0; i < labels.Length; i++) o[i * IrisMlp.Classes + labels[i]] = 1;
        return o;
    }

    /// <summary>The seed's initialisation: W ~ U[0, 1) (torch.rand), the two scalar biases 0.</summary>
    public static (double[] W1, double B1, double[] W2, double B2) Initialise(TutorRandom random)
    {
        var w1 = new double[IrisMlp.Inputs * IrisMlp.Hidden];
        var w2 = new double[IrisMlp.Hidden * IrisMlp.Classes];
        Init.Uniform<double>(w1, 0, 1, random.Fork("W1"));
        Init.Uniform<double>(w2, 0, 1, random.Fork("W2"));
        return (w1, 0, w2, 0);
    }

    public static double Accuracy(double[] w1, double b1, double[] w2, double b2, double[] x, int[] y)
    {
        int right = 0;
        for (int i = 0; i < y.Length; i++) if (IrisMlp.Predict(w1, b1, w2, b2, x, i) == y[i]) right++;
        return (double)right / y.Length;
    }

    public static IrisRun Train(Data d, double lr, int initSeed, int iterations, TutorRandom random)
    {
        var (w1, b1, w2, b2) = Initialise(random.Fork("init-" + initSeed));
        int n = d.YTrain.Length;
        var losses = new double[iterations];
        double t100 = double.NaN, v100 = double.NaN;
        for (int it = 0; it < iterations; it++)
        {
            var (loss, dw1, db1, dw2, db2) = IrisMlp.LossGradient(w1, b1, w2, b2, d.XTrain, d.OneHotTrain, n);
            losses[it] = loss;
            for (int i = 0; i < w1.Length; i++) w1[i] -= lr * dw1[i];
            for (int i = 0; i < w2.Length; i++) w2[i] -= lr * dw2[i];
            b1 -= lr * db1;
            b2 -= lr * db2;
            if (it + 1 == ShortIterations)
            {
                t100 = Accuracy(w1, b1, w2, b2, d.XTrain, d.YTrain);
                v100 = Accuracy(w1, b1, w2, b2, d.XValidation, d.YValidation);
            }
        }
        return new IrisRun(lr, initSeed, t100, v100, Accuracy(w1, b1, w2, b2, d.XTrain, d.YTrain), Accuracy(w1, b1, w2, b2, d.XValidation, d.YValidation), losses);
    }

    /// <summary>The fraction of training examples for which all 12 hidden units are 0 at the first initialisation.</summary>
    public static double DeadFraction(Data d, TutorRandom random)
    {
        var (w1, b1, _, _) = Initialise(random.Fork("init-0"));
        int dead = 0;
        for (int i = 0; i < d.YTrain.Length; i++)
        {
            bool any = false;
            for (int j = 0; j < IrisMlp.Hidden; j++)
            {
                double a = b1;
                for (int k = 0; k < IrisMlp.Inputs; k++) a += d.XTrain[i * IrisMlp.Inputs + k] * w1[k * IrisMlp.Hidden + j];
                any |= a > 0;
            }
            if (!any) dead++;
        }
        return (double)dead / d.YTrain.Length;
    }

    /// <summary>
    /// The protocol that reproduces the seed's Appendix D (a reconstruction from a public copy of the seed's script, not
    /// from the write-up, which shows only the MLP function): inputs (x − μ)/σ² with μ and the unbiased variance of all
    /// 150 rows; rows kept in file order (the script's <c>df.sample(frac=1)</c> result is discarded), so the first 100
    /// (setosa and versicolor) train and the last 50 (all virginica) validate; and each validation accuracy comes from a
    /// second network trained on the validation rows themselves.
    /// </summary>
    public static List<SeedProtocolCell> SeedProtocol(TutorRandom random, int iterations)
    {
        var table = CsvReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "iris.csv"));
        int n = table.RowCount, k = IrisMlp.Inputs;
        var x = new double[n * k];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < k; c++) x[i * k + c] = table[i, c];
            y[i] = (int)table[i, k];
        }
        for (int c = 0; c < k; c++)
        {
            double mean = 0, variance = 0;
            for (int i = 0; i < n; i++) mean += x[i * k + c];
            mean /= n;
            for (int i = 0; i < n; i++) variance += (x[i * k + c] - mean) * (x[i * k + c] - mean);
            variance /= n - 1;   // torch.var is unbiased
            for (int i = 0; i < n; i++) x[i * k + c] = (x[i * k + c] - mean) / variance;
        }
        const int trainRows = 100;
        var (xt, yt, xv, yv) = (x[..(trainRows * k)], y[..trainRows], x[(trainRows * k)..], y[trainRows..]);
        var scaler = Standardizer.Fit<double>(x, k);   // unused by Train; the Data record carries one
        var onTrain = new Data(xt, OneHot(yt), yt, xt, yt, scaler);
        var onValidation = new Data(xv, OneHot(yv), yv, xv, yv, scaler);
        var cells = new List<SeedProtocolCell>();
        foreach (var lr in LearningRates)
        {
            var t = Enumerable.Range(0, InitSeeds).Select(s => Train(onTrain, lr, s, iterations, random.Fork($"seed-protocol/train/{lr}"))).ToList();
            var v = Enumerable.Range(0, InitSeeds).Select(s => Train(onValidation, lr, s, iterations, random.Fork($"seed-protocol/validation/{lr}"))).ToList();
            cells.Add(new SeedProtocolCell(lr, ShortIterations, [.. t.Select(r => r.Train100)], [.. v.Select(r => r.Validation100)]));
            cells.Add(new SeedProtocolCell(lr, iterations, [.. t.Select(r => r.TrainFull)], [.. v.Select(r => r.ValidationFull)]));
        }
        return cells;
    }

    public static string Pct(double fraction) => (100 * fraction).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed);
        var data = Load(random, Preprocessing.Raw);

        // The generated gradient against central differences at the first initialisation (float64).
        var (w1, b1, w2, b2) = Initialise(random.Fork("init-0"));
        int n = data.YTrain.Length;
        var (_, dw1, db1, dw2, db2) = IrisMlp.LossGradient(w1, b1, w2, b2, data.XTrain, data.OneHotTrain, n);
        double[] flat = [.. w1, b1, .. w2, b2];
        double[] analytic = [.. dw1, db1, .. dw2, db2];
        var gradientCheck = GradientCheck.Check(p =>
            IrisMlp.Loss(p[..w1.Length], p[w1.Length], p[(w1.Length + 1)..(w1.Length + 1 + w2.Length)], p[^1], data.XTrain, data.OneHotTrain, n), flat, analytic);

        var runs = new List<IrisRun>();
        using var bar = context.Progress("grid, preprocessing and seed-protocol runs", (LearningRates.Length + 2) * InitSeeds + 1);
        foreach (var lr in LearningRates)
            for (int s = 0; s < InitSeeds; s++)
            {
                context.Say($"  mlp-iris: lr {lr}, initialisation {s + 1}/{InitSeeds}");
                runs.Add(context.Device.Runtime is { } gpu   // --device gpu: MlpIris.Gpu.cs
                    ? MlpIrisGpu.Train(gpu, data, lr, s, Iterations, random)
                    : Train(data, lr, s, Iterations, random));
                bar.Report(runs.Count, $"lr {lr}, final loss {runs[^1].Losses[^1]:G4}");
            }

        // The same cell (lr 0.01, all iterations) with the inputs centred and scaled, for comparison.
        var alternatives = new Dictionary<Preprocessing, List<IrisRun>>();
        foreach (var p in new[] { Preprocessing.Standardised, Preprocessing.MeanOverVariance })
        {
            var other = Load(random, p);
            alternatives[p] = [.. Enumerable.Range(0, InitSeeds).Select(s => Train(other, 0.01, s, Iterations, random))];
            bar.Report(runs.Count + alternatives.Values.Sum(r => r.Count), $"{p}, lr 0.01");
        }
        var seedProtocol = SeedProtocol(random, Iterations);
        bar.Report((LearningRates.Length + 2) * InitSeeds + 1, "the seed's protocol");
        var deadAtInit = new Dictionary<Preprocessing, double> { [Preprocessing.Raw] = DeadFraction(data, random) };
        foreach (var p in alternatives.Keys) deadAtInit[p] = DeadFraction(Load(random, p), random);

        var target = runs.Where(r => r.LearningRate == 0.01).ToList();
        double minTrain = target.Min(r => r.TrainFull), minValidation = target.Min(r => r.ValidationFull);
        var checks = new List<LessonCheck>
        {
            LessonSupport.AtLeast($"lr 0.01 / {Iterations} iterations: lowest training accuracy of {InitSeeds} seeds", RequiredAccuracy, minTrain),
            LessonSupport.AtLeast($"lr 0.01 / {Iterations} iterations: lowest validation accuracy of {InitSeeds} seeds", RequiredAccuracy, minValidation),
            LessonSupport.AtLeast("generated gradient vs central differences (1 = every coordinate within rtol 1e-6, atol 1e-8)", 1, gradientCheck.Passed ? 1 : 0),
        };
        clock.Stop();

        var report = new MlpIrisReport(this, context, data, runs, alternatives, deadAtInit, gradientCheck, checks, clock.Elapsed) { SeedProtocol = seedProtocol }.Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), report, Title);
        var values = new Dictionary<string, double>
        {
            ["seed"] = context.Seed,
            ["iterations"] = Iterations,
            ["lr0.01.min-train"] = minTrain,
            ["lr0.01.min-validation"] = minValidation,
            ["gradient-check.worst-relative-error"] = gradientCheck.WorstRelativeError,
            ["seconds"] = clock.Elapsed.TotalSeconds,
            ["standardised.lr0.01.min-train"] = alternatives[Preprocessing.Standardised].Min(r => r.TrainFull),
            ["standardised.lr0.01.min-validation"] = alternatives[Preprocessing.Standardised].Min(r => r.ValidationFull),
        };
        foreach (var c in seedProtocol)
        {
            var key = $"seed-protocol.lr{c.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}.iterations{c.Iterations}";
            values[key + ".min-train"] = c.Train.Min();
            values[key + ".min-validation"] = c.Validation.Min();
        }
        foreach (var r in runs)
        {
            var key = $"lr{r.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}.seed{r.InitSeed}";
            values[key + ".train100"] = r.Train100;
            values[key + ".validation100"] = r.Validation100;
            values[key + ".train"] = r.TrainFull;
            values[key + ".validation"] = r.ValidationFull;
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"lr 0.01 / {Iterations} iterations: lowest train {Pct(minTrain)}, lowest validation {Pct(minValidation)} over {InitSeeds} seeds (LESSONS.md: ≥ 95%)",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }
}
