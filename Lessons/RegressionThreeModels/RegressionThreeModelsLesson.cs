using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Tutor.Lessons.Reports;
using Tutor.Training;
using static Tutor.Lessons.Reports.MarkdownWriter;

namespace Tutor.Lessons.RegressionThreeModels;

/// <summary>One model trained by batch gradient descent: its hyperparameters, loss history and final parameters.</summary>
public sealed record TrainedModel(string Name, string Formula, float LearningRate, int Epochs, int LogInterval, float[] Losses, float[] Parameters,
    float[] InitialGradient, double[] ClosedFormInitialGradient, double[] LeastSquares, double LeastSquaresMse, double[] SeedLogged, float[] SeedFinal)
{
    /// <summary>The loss the seed's loop printed last: at epoch index (epochs − 1) rounded down to the log interval, before that epoch's update.</summary>
    public int LastLoggedEpoch => (Epochs - 1) / LogInterval * LogInterval;
    public float LastLogged => Losses[LastLoggedEpoch];
    public double SeedLastLogged => SeedLogged[^1];
}

/// <summary>
/// HW3 Q2: the three regression models on the seed's 20 points, trained by batch gradient descent with the seed's
/// hyperparameters and generated gradients (float32), against the least-squares optimum (float64, QR).
/// </summary>
[Lesson(2)]
public sealed class RegressionThreeModelsLesson : ILesson
{
    public static readonly float[] X = [1.5420291f, 1.8935232f, 2.1603365f, 2.5381863f, 2.893443f, 3.838855f, 3.925425f, 4.2233696f, 4.235571f, 4.273397f,
        4.9332876f, 6.4704757f, 6.517571f, 6.87826f, 7.0009003f, 7.035741f, 7.278681f, 7.7561755f, 9.121138f, 9.728281f];
    public static readonly float[] Y = [63.802246f, 80.036026f, 91.4903f, 108.28776f, 122.781975f, 161.36314f, 166.50816f, 176.16772f, 180.29395f, 179.09758f,
        206.21027f, 272.71857f, 272.24033f, 289.54745f, 293.8488f, 295.2281f, 306.62274f, 327.93243f, 383.16296f, 408.65967f];

    /// <summary>The same 20 points as the decimals the seed printed, in float64 (the least-squares reference uses these).</summary>
    public static readonly double[] X64 = [1.5420291, 1.8935232, 2.1603365, 2.5381863, 2.893443, 3.838855, 3.925425, 4.2233696, 4.235571, 4.273397,
        4.9332876, 6.4704757, 6.517571, 6.87826, 7.0009003, 7.035741, 7.278681, 7.7561755, 9.121138, 9.728281];
    public static readonly double[] Y64 = [63.802246, 80.036026, 91.4903, 108.28776, 122.781975, 161.36314, 166.50816, 176.16772, 180.29395, 179.09758,
        206.21027, 272.71857, 272.24033, 289.54745, 293.8488, 295.2281, 306.62274, 327.93243, 383.16296, 408.65967];

    /// <summary>LESSONS.md: the least-squares optima (b, w1[, w2]) and their MSE.</summary>
    public static class Expected
    {
        public static readonly double[] Quadratic = [0.53439, 41.97083, 0.00011916];
        public static readonly double[] Linear = [0.53157, 41.97212];
        public static readonly double[] NoBias = [42.05671];
        public const double QuadraticMse = 1.172632, LinearMse = 1.172632, NoBiasMse = 1.220839;
        public const double LossTolerance = 0.02, NoBiasWeight = 42.0557, NoBiasWeightTolerance = 0.01;
    }

    public string Id => "regression-three-models";
    public string Title => "Regression with generated gradients: three models by batch gradient descent";
    public string Description => "HW3 Q2: quadratic, linear and no-bias models on 20 points, the seed's learning rates and epochs, against least squares.";

    public static string StudentSource => LessonSupport.StudentSource("RegressionThreeModels", "Regression.Student.cs");

    /// <summary>The least-squares fit of y on the given columns, by QR in float64: coefficients and MSE.</summary>
    public static (double[] Coefficients, double Mse) LeastSquares(Func<double, double[]> features)
    {
        var a = Matrix<double>.Build.DenseOfRowArrays(X64.Select(x => features(x)));
        var y = Vector<double>.Build.DenseOfArray(Y64);
        var c = a.QR().Solve(y);
        var r = a * c - y;
        return (c.ToArray(), r.DotProduct(r) / X.Length);
    }

    /// <summary>Trains one model: w ~ N(0, 0.01²) as torch.normal(0, 0.01), b = 0, then the seed's loop (loss before the update).</summary>
    public static TrainedModel Train(string model, float learningRate, int epochs, int logInterval, TutorRandom random, Progress? progress = null)
    {
        int nw = model == "quadratic" ? 2 : 1;
        bool bias = model != "no bias";
        var w = new float[nw];
        for (int i = 0; i < nw; i++) w[i] = (float)(0.01 * random.NextNormal());
        float b = 0;
        var losses = new float[epochs];
        float[] initialGradient = [];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            float[] g;
            switch (model)
            {
                case "quadratic":
                    { var r = Regression.QuadraticLossGradient(b, w[0], w[1], X, Y); losses[epoch] = r.Value; g = [r.db, r.dw1, r.dw2]; break; }
                case "linear":
                    { var r = Regression.LinearLossGradient(b, w[0], X, Y); losses[epoch] = r.Value; g = [r.db, r.dw1]; break; }
                default:
                    { var r = Regression.NoBiasLossGradient(w[0], X, Y); losses[epoch] = r.Value; g = [r.dw1]; break; }
            }
            if (epoch == 0) initialGradient = g;
            int k = 0;
            if (bias) b -= learningRate * g[k++];
            for (int i = 0; i < nw; i++) w[i] -= learningRate * g[k++];
            progress?.Report(epoch + 1);
        }
        float[] parameters = bias ? [b, .. w] : [.. w];
        return new TrainedModel(model, "", learningRate, epochs, logInterval, losses, parameters, initialGradient, [], [], 0, [], []);
    }

    /// <summary>∂MSE/∂θ in closed form, 2/n Σ eᵢ·φ(xᵢ), in float64: the independent check of the generated gradient.</summary>
    public static double[] ClosedFormGradient(Func<double, double[]> features, double[] theta)
    {
        var g = new double[theta.Length];
        for (int i = 0; i < X.Length; i++)
        {
            var f = features(X[i]);
            double e = f.Select((v, k) => v * theta[k]).Sum() - Y[i];
            for (int k = 0; k < g.Length; k++) g[k] += 2.0 / X.Length * e * f[k];
        }
        return g;
    }

    public LessonResult Run(LessonContext context) => Run(context, epochScale: 1);

    /// <summary>Runs the lesson; <paramref name="epochScale"/> &lt; 1 shortens model 1's run (tests only; the report says so).</summary>
    public LessonResult Run(LessonContext context, double epochScale)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed);
        var specs = new (string Name, string Formula, float Lr, int Epochs, int Log, Func<double, double[]> Features, double[] Seed, float[] SeedFinal)[]
        {
            ("quadratic", "y = b + w_1 x + w_2 x^2", 0.0005f, Math.Max(1, (int)(100000 * epochScale)), 10000, x => [1, x, x * x],
                [57724.1640625, 5.004037380218506, 3.0955586433410645, 2.137913227081299, 1.6573288440704346, 1.4161760807037354, 1.294985055923462, 1.2341334819793701, 1.2036077976226807, 1.1882108449935913],
                [0.9774f, 41.796f, 0.014833f]),
            ("linear", "y = b + w_1 x", 0.01f, 1000, 100, x => [1, x],
                [57908.51171875, 4.353393077850342, 2.8058464527130127, 2.0112340450286865, 1.6032235622406006, 1.3937246799468994, 1.2861621379852295, 1.2309223413467407, 1.2025630474090576, 1.188001275062561],
                [0.7466f, 41.9377f]),
            ("no bias", "y = w_1 x", 0.01f, 10, 1, x => [x],
                [57962.7734375, 6895.7265625, 821.3201293945312, 98.77147674560547, 12.824447631835938, 2.601112127304077, 1.3850189447402954, 1.2403712272644043, 1.223166584968567, 1.2211220264434814],
                [42.0557f]),
        };
        var models = new List<TrainedModel>();
        foreach (var s in specs)
        {
            context.Say($"  training the {s.Name} model: lr {s.Lr}, {s.Epochs} epochs");
            TrainedModel trained;
            using (var bar = context.Progress(s.Name, s.Epochs))
                trained = Train(s.Name, s.Lr, s.Epochs, s.Log, random.Fork(s.Name), bar);
            var (ls, mse) = LeastSquares(s.Features);
            // the closed-form gradient at the same initial point the generated one was taken at is recomputed from a fresh fork
            var init = Train(s.Name, s.Lr, 1, 1, random.Fork(s.Name));
            var theta0 = InitialParameters(s.Name, random.Fork(s.Name));
            models.Add(trained with { Formula = s.Formula, InitialGradient = init.InitialGradient, ClosedFormInitialGradient = ClosedFormGradient(s.Features, theta0),
                LeastSquares = ls, LeastSquaresMse = mse, SeedLogged = s.Seed, SeedFinal = s.SeedFinal });
        }
        var figures = Figures(context, models);

        var checks = new List<LessonCheck>();
        bool full = epochScale >= 1;
        foreach (var m in models)
        {
            if (m.Name != "quadratic" || full)
                checks.Add(new($"{m.Name}: last logged loss (epoch {m.LastLoggedEpoch + 1}) vs seed", m.SeedLastLogged, m.LastLogged, Expected.LossTolerance));
            for (int k = 0; k < m.InitialGradient.Length; k++)
                checks.Add(new($"{m.Name}: generated ∂MSE/∂θ{k} at the start vs closed form (float64)", m.ClosedFormInitialGradient[k], m.InitialGradient[k], 1e-5));
        }
        var nb = models[2];
        checks.Add(new("no bias: w1 after 10 epochs vs seed 42.0557 (±0.01)", Expected.NoBiasWeight, nb.Parameters[0], Expected.NoBiasWeightTolerance / Expected.NoBiasWeight));
        double[][] expectedLs = [Expected.Quadratic, Expected.Linear, Expected.NoBias];
        double[] expectedMse = [Expected.QuadraticMse, Expected.LinearMse, Expected.NoBiasMse];
        for (int i = 0; i < 3; i++)
        {
            for (int k = 0; k < expectedLs[i].Length; k++)
                checks.Add(new($"{models[i].Name}: least-squares θ{k} vs LESSONS.md", expectedLs[i][k], models[i].LeastSquares[k], k == 2 ? 5e-5 : 1e-5));
            checks.Add(new($"{models[i].Name}: least-squares MSE vs LESSONS.md", expectedMse[i], models[i].LeastSquaresMse, 1e-6));
        }

        started.Stop();
        var md = new RegressionReport(this, context, models, figures, checks, started.Elapsed, epochScale).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), md, Title);
        var values = new Dictionary<string, double> { ["seed"] = context.Seed, ["epoch-scale"] = epochScale };
        foreach (var m in models)
        {
            var key = m.Name.Replace(' ', '-');
            values[key + ".last-logged"] = m.LastLogged;
            values[key + ".final-loss"] = m.Losses[^1];
            values[key + ".ls-mse"] = m.LeastSquaresMse;
            for (int k = 0; k < m.Parameters.Length; k++) { values[$"{key}.theta{k}"] = m.Parameters[k]; values[$"{key}.ls{k}"] = m.LeastSquares[k]; }
        }
        return new LessonResult
        {
            Id = Id,
            Headline = string.Join("; ", models.Select(m => $"{m.Name}: loss {Num.Sig(m.LastLogged, 5)} (seed {Num.Sig(m.SeedLastLogged, 5)})")) +
                       $"; no-bias w = {Num.Sig(nb.Parameters[0], 6)} (least squares {Num.Sig(nb.LeastSquares[0], 7)})",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    static double[] InitialParameters(string model, TutorRandom random)
    {
        int nw = model == "quadratic" ? 2 : 1;
        var w = Enumerable.Range(0, nw).Select(_ => (double)(float)(0.01 * random.NextNormal())).ToArray();
        return model == "no bias" ? w : [0, .. w];
    }

    IReadOnlyDictionary<string, string> Figures(LessonContext context, IReadOnlyList<TrainedModel> models)
    {
        var folder = context.PathFor(Id);
        Directory.CreateDirectory(folder);
        var result = new Dictionary<string, string>();
        Color[] colors = [Colors.Blue, Colors.DarkOrange, Colors.Green];

        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i];
            var p = new Plot();
            double[] epochs = [.. Enumerable.Range(1, m.Losses.Length).Select(e => (double)e)];
            var line = p.Add.ScatterLine(epochs, [.. m.Losses.Select(l => Math.Log10(l))]);
            line.Color = colors[i];
            line.LegendText = "this run";
            double[] seedX = [.. m.SeedLogged.Select((_, k) => (double)(k * m.LogInterval + 1))], seedY = [.. m.SeedLogged.Select(Math.Log10)];
            var seed = p.Add.Markers(seedX, seedY, MarkerShape.FilledCircle, 6, Colors.Black);
            seed.Color = Colors.Black;
            seed.LegendText = "seed (PyTorch)";
            var opt = p.Add.HorizontalLine(Math.Log10(m.LeastSquaresMse));
            opt.LinePattern = LinePattern.Dashed;
            opt.LegendText = "least-squares MSE";
            p.Title($"{m.Name}: lr {m.LearningRate.ToString(CultureInfo.InvariantCulture)}, {m.Epochs} epochs");
            p.XLabel("epoch");
            p.YLabel("log10 MSE");
            p.ShowLegend(Alignment.UpperRight);
            var name = "loss-" + m.Name.Replace(' ', '-');
            p.SaveSvg(Path.Combine(folder, name + ".svg"), 640, 360);
            p.SavePng(Path.Combine(folder, name + ".png"), 640, 360);
            result[m.Name] = Id + "/" + name + ".svg";
        }

        var fit = new Plot();
        double[] dataX = [.. X.Select(v => (double)v)], dataY = [.. Y.Select(v => (double)v)];
        var data = fit.Add.Markers(dataX, dataY, MarkerShape.FilledCircle, 6, Colors.Black);
        data.Color = Colors.Black;
        data.LegendText = "data";
        double[] xs = [.. Enumerable.Range(0, 101).Select(k => 1 + k * 0.09)];
        for (int i = 0; i < models.Count; i++)
        {
            var m = models[i];
            double Predict(double x) => m.Name switch
            {
                "quadratic" => m.Parameters[0] + m.Parameters[1] * x + m.Parameters[2] * x * x,
                "linear" => m.Parameters[0] + m.Parameters[1] * x,
                _ => m.Parameters[0] * x,
            };
            var l = fit.Add.ScatterLine(xs, [.. xs.Select(Predict)]);
            l.Color = colors[i];
            l.LegendText = m.Name;
            if (i > 0) l.LinePattern = i == 1 ? LinePattern.Dashed : LinePattern.Dotted;
        }
        fit.Title("The data and the three fitted models (indistinguishable at this scale)");
        fit.XLabel("x");
        fit.YLabel("y");
        fit.ShowLegend(Alignment.UpperLeft);
        fit.SaveSvg(Path.Combine(folder, "fits.svg"), 640, 400);
        fit.SavePng(Path.Combine(folder, "fits.png"), 640, 400);
        result["fits"] = Id + "/fits.svg";
        return result;
    }
}
