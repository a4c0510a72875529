using System.Diagnostics;
using System.Globalization;
using ScottPlot;
using Tutor.Data;
using Tutor.Lessons.MlpIris;
using Tutor.Lessons.Reports;
using Tutor.Training;
using static Tutor.Lessons.Reports.MarkdownWriter;

namespace Tutor.Lessons.Optimizers;

/// <summary>
/// Seed 004's notes: gradient descent, SGD, momentum, Nesterov and Adam on the Iris MLP and on Rosenbrock's function,
/// and the derivation of ∂CE/∂logits = softmax − onehot, checked numerically.
/// </summary>
[Lesson(15)]
public sealed class OptimizersLesson : ILesson
{
    public const string StudentFile = "OptimizerProblems.Student.cs";
    public static readonly string[] Names = ["GD", "SGD", "momentum", "Nesterov", "Adam"];

    public int IrisEpochs { get; init; } = 300;
    public int RosenbrockSteps { get; init; } = 3000;
    public const int SgdBatch = 10;
    public const double IrisLr = 0.01, AdamIrisLr = 0.01, RosenbrockLr = 2e-4, AdamRosenbrockLr = 0.02, Mu = 0.9, RosenbrockNoise = 2.0;
    public static readonly (double X, double Y) Start = (-1.5, 2.0);

    public string Id => "optimizers";
    public string Title => "Five optimizers on the Iris MLP and on Rosenbrock's function";
    public string Description => "Seed 004 notes: GD, SGD, momentum, Nesterov, Adam; loss curves, Rosenbrock paths, ∂CE/∂z = softmax − onehot.";

    static Optimizer<double> Make(string name, ParameterSet<double> set, double lr, double adamLr) => name switch
    {
        "momentum" => new Momentum<double>(set, lr, Mu),
        "Nesterov" => new Nesterov<double>(set, lr, Mu),
        "Adam" => new Adam<double>(set, adamLr),
        _ => new Sgd<double>(set, lr),
    };

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed);

        // 1. ∂CE/∂z = softmax(z) − onehot, three ways.
        var cr = random.Fork("cross-entropy");
        var z = Enumerable.Range(0, 10).Select(_ => 3 * cr.NextNormal()).ToArray();
        var onehot = new double[10];
        onehot[cr.NextInt(10)] = 1;
        var (ce, generated) = OptimizerProblems.CrossEntropyGradient(z, onehot);
        double max = z.Max();
        var soft = z.Select(v => Math.Exp(v - max)).ToArray();
        double s = soft.Sum();
        var closed = soft.Select((v, j) => v / s - onehot[j]).ToArray();
        var numeric = GradientCheck.Numeric(v => OptimizerProblems.CrossEntropy(v, onehot), z);
        double closedError = generated.Zip(closed, (a, b) => Math.Abs(a - b)).Max();
        double numericError = generated.Zip(numeric, (a, b) => Math.Abs(a - b)).Max();

        // 2. Iris.
        var data = MlpIrisLesson.Load(random, MlpIrisLesson.Preprocessing.Raw);
        int n = data.YTrain.Length;
        var iris = new Dictionary<string, double[]>();
        var irisAccuracy = new Dictionary<string, double>();
        foreach (var name in Names)
        {
            var (w1, b1, w2, b2) = MlpIrisLesson.Initialise(random.Fork("init-0"));
            var set = new ParameterSet<double>();
            var pw1 = set.Add("W1", w1); var pb1 = set.Add("b1", [b1]); var pw2 = set.Add("W2", w2); var pb2 = set.Add("b2", [b2]);
            var opt = Make(name, set, IrisLr, AdamIrisLr);
            var loader = new BatchLoader(n, name == "GD" ? n : SgdBatch, shuffle: name != "GD", random: random.Fork("batches-" + name));
            var curve = new double[IrisEpochs + 1];
            curve[0] = IrisMlp.Loss(w1, b1, w2, b2, data.XTrain, data.OneHotTrain, n);
            using var bar = context.Progress("iris, " + name, IrisEpochs);
            for (int e = 1; e <= IrisEpochs; e++)
            {
                foreach (var batch in loader.NextEpoch())
                {
                    var rows = batch.Span;
                    var xb = Rows.Gather<double>(data.XTrain, IrisMlp.Inputs, rows);
                    var ob = Rows.Gather<double>(data.OneHotTrain, IrisMlp.Classes, rows);
                    opt.ZeroGradients();
                    var (_, g1, gb1, g2, gb2) = IrisMlp.LossGradient(w1, pb1.Value.Span[0], w2, pb2.Value.Span[0], xb, ob, rows.Length);
                    g1.CopyTo(pw1.Gradient.Span); g2.CopyTo(pw2.Gradient.Span);
                    pb1.Gradient.Span[0] = gb1; pb2.Gradient.Span[0] = gb2;
                    opt.Step();
                }
                curve[e] = IrisMlp.Loss(w1, pb1.Value.Span[0], w2, pb2.Value.Span[0], data.XTrain, data.OneHotTrain, n);
                bar.Report(e, $"loss {curve[e]:G4}");
            }
            iris[name] = curve;
            irisAccuracy[name] = MlpIrisLesson.Accuracy(w1, pb1.Value.Span[0], w2, pb2.Value.Span[0], data.XValidation, data.YValidation);
        }

        // 3. Rosenbrock.
        var paths = new Dictionary<string, List<(double X, double Y)>>();
        var rosenbrockValues = new Dictionary<string, double[]>();
        foreach (var name in Names)
        {
            var p = new double[] { Start.X, Start.Y };
            var set = new ParameterSet<double>();
            var param = set.Add("xy", p);
            var opt = Make(name, set, RosenbrockLr, AdamRosenbrockLr);
            var noise = random.Fork("noise-" + name);
            var path = new List<(double, double)> { (p[0], p[1]) };
            var values = new double[RosenbrockSteps + 1];
            values[0] = OptimizerProblems.Rosenbrock(p[0], p[1]);
            using var bar = context.Progress("Rosenbrock, " + name, RosenbrockSteps);
            for (int t = 1; t <= RosenbrockSteps; t++)
            {
                opt.ZeroGradients();
                var (_, dx, dy) = OptimizerProblems.RosenbrockGradient(p[0], p[1]);
                if (name == "SGD") { dx += RosenbrockNoise * noise.NextNormal(); dy += RosenbrockNoise * noise.NextNormal(); }
                param.Gradient.Span[0] = dx; param.Gradient.Span[1] = dy;
                opt.Step();
                path.Add((p[0], p[1]));
                values[t] = OptimizerProblems.Rosenbrock(p[0], p[1]);
                bar.Report(t);
            }
            paths[name] = path;
            rosenbrockValues[name] = values;
        }

        var checks = new List<LessonCheck>
        {
            LessonSupport.AtMost("max |generated ∂CE/∂z − (softmax − onehot)|", 1e-15, closedError),
            LessonSupport.AtMost("max |generated ∂CE/∂z − central differences|", 1e-8, numericError),
        };
        foreach (var name in Names)
            checks.Add(LessonSupport.AtMost($"Iris training loss after {IrisEpochs} epochs falls below the initial loss ({name})", iris[name][0], iris[name][^1]));
        clock.Stop();

        var md = Report(context, z, onehot, ce, generated, closed, numeric, iris, irisAccuracy, paths, rosenbrockValues, checks, clock.Elapsed);
        var path2 = ReportFile.Write(context.PathFor(Id + ".md"), md, Title);
        var result = new Dictionary<string, double>
        {
            ["seed"] = context.Seed, ["ce.closed-form-error"] = closedError, ["ce.finite-difference-error"] = numericError, ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        foreach (var name in Names)
        {
            result[$"iris.{name}.initial-loss"] = iris[name][0];
            result[$"iris.{name}.final-loss"] = iris[name][^1];
            result[$"rosenbrock.{name}.final-value"] = rosenbrockValues[name][^1];
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"∂CE/∂z = softmax − onehot to {Num.Sci(closedError)} (finite differences {Num.Sci(numericError)}); Iris final loss " +
                       string.Join(", ", Names.Select(nm => $"{nm} {Num.Sig(iris[nm][^1], 3)}")),
            ReportPath = path2,
            Checks = checks,
            Values = result,
        };
    }

    string Report(LessonContext context, double[] z, double[] onehot, double ce, double[] generated, double[] closed, double[] numeric,
        Dictionary<string, double[]> iris, Dictionary<string, double> irisAccuracy, Dictionary<string, List<(double X, double Y)>> paths,
        Dictionary<string, double[]> rosenbrock, List<LessonCheck> checks, TimeSpan elapsed)
    {
        var md = new MarkdownWriter();
        md.Heading(1, Title);
        md.Paragraph($"Lesson {Code(Id)} · seed {context.Seed.ToString(CultureInfo.InvariantCulture)} · float64 · CPU · " +
                     $"took {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s · generated by `tutor run {Id}`.");
        md.Heading(2, "The exercise");
        md.Paragraph("Seed 004's lecture notes go from gradient descent to stochastic gradient descent, momentum, Nesterov's accelerated gradient and Adam, " +
                     "then define entropy and cross-entropy. This lesson runs the five optimizers (the runtime's `Sgd`, `Momentum`, `Nesterov`, `Adam`; " +
                     "equations in docs/training.md) on two problems — the Iris MLP of the mlp-iris lesson and Rosenbrock's function — with gradients " +
                     "generated from the student's code, and checks the derivative of the cross-entropy that the notes lead up to.");

        md.Heading(2, "Entropy and cross-entropy, step by step");
        md.Paragraph("The notes measure the information of an event by how unlikely it is: its self-information is " +
                     $"{InlineMath(@"-\log P(X = x)")}. Entropy is its expectation, and cross-entropy the expectation under p of the information that q assigns:");
        md.DisplayMath(@"H(p) = -\sum_j p_j \log p_j, \qquad H(p, q) = -\sum_j p_j \log q_j");
        md.Paragraph($"For a classifier, p is the one-hot label and q the softmax of the logits z, {InlineMath(@"q_j = e^{z_j} / \sum_k e^{z_k}")}. Then " +
                     $"{InlineMath(@"\log q_j = z_j - \log \sum_k e^{z_k}")} and, since {InlineMath(@"\sum_j p_j = 1")},");
        md.DisplayMath(@"H(p, q) = -\sum_j p_j z_j + \log \sum_k e^{z_k}");
        md.Paragraph("Differentiate with respect to one logit: the first term gives −p_i, the log-sum-exp gives its own softmax,");
        md.DisplayMath(@"\frac{\partial H}{\partial z_i} = -p_i + \frac{e^{z_i}}{\sum_k e^{z_k}} = q_i - p_i, \qquad \nabla_z H = \operatorname{softmax}(z) - \text{onehot}");
        md.Paragraph("Checked on 10 random logits (N(0, 9)) with a random true class, three independent ways:");
        md.Table(["j", "z_j", "onehot_j", "generated ∂H/∂z_j", "softmax − onehot", "central difference"],
            z.Select((v, j) => (IReadOnlyList<string>)[j.ToString(CultureInfo.InvariantCulture), Num.Sig(v, 8), Num.Sig(onehot[j]), Num.Sig(generated[j]), Num.Sig(closed[j]), Num.Sig(numeric[j])]),
            [Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right]);
        md.Paragraph($"H = {Num.Sig(ce, 10)}. Largest differences: generated vs closed form {Num.Sci(checks[0].Actual == 0 ? generated.Zip(closed, (a, b) => Math.Abs(a - b)).Max() : checks[0].Actual)}, " +
                     $"generated vs central differences {Num.Sci(generated.Zip(numeric, (a, b) => Math.Abs(a - b)).Max())}.");

        md.Heading(2, "The C# you write");
        md.CodeBlock("csharp", LessonSupport.StudentSource(StudentFile));
        md.Heading(2, "What the generator wrote");
        var excerpt = LessonSupport.GeneratedExcerpt("RosenbrockGradient(double x, double y)", "RosenbrockGradient(double x, double y)", 40);
        if (excerpt is not null) md.CodeBlock("csharp", excerpt);

        md.Heading(2, "The update rules");
        md.DisplayMath(@"\text{GD/SGD: } \theta_{t+1} = \theta_t - \alpha g_t \qquad \text{momentum: } v_{t+1} = \mu v_t + g_t,\ \theta_{t+1} = \theta_t - \alpha v_{t+1}");
        md.DisplayMath(@"\text{Nesterov: } v_{t+1} = \mu v_t + \nabla L(\theta_t - \alpha\mu v_t),\ \theta_{t+1} = \theta_t - \alpha v_{t+1} \qquad \text{Adam: } \theta_t = \theta_{t-1} - \alpha \frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}");

        md.Heading(2, "On the Iris MLP");
        md.Paragraph($"Same network, data (raw measurements, 100 training flowers) and initialisation as mlp-iris; {IrisEpochs} epochs. GD takes one full-batch step per epoch; " +
                     $"SGD, momentum, Nesterov and Adam take {Num.Sig(Math.Ceiling(100.0 / SgdBatch))} minibatch steps of {SgdBatch} per epoch. " +
                     $"α = {Num.Sig(IrisLr)} for all but Adam (α = {Num.Sig(AdamIrisLr)}), μ = {Num.Sig(Mu)}. The curve is the loss on the whole training set after each epoch.");
        var lp = new Plot();
        foreach (var name in Names)
        {
            var c = iris[name];
            lp.Add.ScatterLine(Enumerable.Range(0, c.Length).Select(i => (double)i).ToArray(), c.Select(v => Math.Log10(v)).ToArray()).LegendText = name;
        }
        lp.XLabel("epoch"); lp.YLabel("log10 training cross-entropy"); lp.Title("Five optimizers on the Iris MLP"); lp.ShowLegend();
        md.Paragraph($"![Iris training loss per epoch for the five optimizers]({LessonSupport.Save(lp, context, Id, "iris-loss")})");
        md.Table(["optimizer", "initial loss", "loss after 10 epochs", $"loss after {IrisEpochs} epochs", "validation accuracy"],
            Names.Select(nm => (IReadOnlyList<string>)[nm, Num.Sig(iris[nm][0], 4), Num.Sig(iris[nm][Math.Min(10, IrisEpochs)], 4), Num.Sig(iris[nm][^1], 4), MlpIrisLesson.Pct(irisAccuracy[nm])]),
            [Align.Left, Align.Right, Align.Right, Align.Right, Align.Right]);

        md.Heading(2, "On Rosenbrock's function");
        md.DisplayMath(@"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2, \qquad \min f = f(1, 1) = 0");
        md.Paragraph($"From ({Num.Sig(Start.X)}, {Num.Sig(Start.Y)}), {RosenbrockSteps} steps; α = {Num.Sig(RosenbrockLr)} for GD, SGD, momentum and Nesterov " +
                     $"(the valley's curvature across is about 2000 at the start, so GD needs α < 2/2000), α = {Num.Sig(AdamRosenbrockLr)} for Adam. " +
                     $"There is no data to sample here, so 'SGD' is gradient descent with the gradient plus N(0, {Num.Sig(RosenbrockNoise * RosenbrockNoise)}) noise per coordinate, standing in for minibatch noise.");
        var rp = new Plot();
        double x0 = -2, x1 = 2, y0 = -1, y1 = 3;
        var levels = new[] { 0.5, 2, 8, 32, 128, 512 };
        for (int a = 0; a <= 120; a++)
            for (int b = 0; b <= 120; b++)
            {
                double u = x0 + (x1 - x0) * a / 120, v = y0 + (y1 - y0) * b / 120;
                double fv = OptimizerProblems.Rosenbrock(u, v);
                int level = levels.Count(l => fv > l);
                if (level % 2 == 1) { var dot = rp.Add.Marker(u, v, MarkerShape.FilledCircle, 2, Colors.LightGray); }
            }
        foreach (var name in Names)
        {
            var pth = paths[name];
            int stride = Math.Max(1, pth.Count / 600);
            var pts = pth.Where((_, i) => i % stride == 0 || i == pth.Count - 1).ToList();
            rp.Add.ScatterLine(pts.Select(p => p.X).ToArray(), pts.Select(p => p.Y).ToArray()).LegendText = name;
        }
        rp.Add.Marker(1, 1, MarkerShape.FilledDiamond, 10, Colors.Black).LegendText = "minimum (1, 1)";
        rp.Axes.SetLimits(x0, x1, y0, y1);
        rp.XLabel("x"); rp.YLabel("y"); rp.Title("Paths on Rosenbrock's function (grey bands: level sets 0.5–2, 8–32, 128–512)"); rp.ShowLegend();
        md.Paragraph($"![Optimizer paths on the Rosenbrock contour plot]({LessonSupport.Save(rp, context, Id, "rosenbrock-paths", 800, 700)})");
        var cp = new Plot();
        foreach (var name in Names)
        {
            var v = rosenbrock[name];
            cp.Add.ScatterLine(Enumerable.Range(0, v.Length).Select(i => (double)i).ToArray(), v.Select(q => Math.Log10(Math.Max(q, 1e-300))).ToArray()).LegendText = name;
        }
        cp.XLabel("step"); cp.YLabel("log10 f(x, y)"); cp.Title("Rosenbrock's function along each path"); cp.ShowLegend();
        md.Paragraph($"![Rosenbrock value per step]({LessonSupport.Save(cp, context, Id, "rosenbrock-values")})");
        md.Table(["optimizer", "final (x, y)", "final f", "distance to (1, 1)"],
            Names.Select(nm => (IReadOnlyList<string>)[nm, $"({Num.Sig(paths[nm][^1].X, 6)}, {Num.Sig(paths[nm][^1].Y, 6)})", Num.Sig(rosenbrock[nm][^1], 4),
                Num.Sig(double.Hypot(paths[nm][^1].X - 1, paths[nm][^1].Y - 1), 4)]),
            [Align.Left, Align.Left, Align.Right, Align.Right]);

        md.Heading(2, "What it teaches");
        md.Bullets([
            "On Rosenbrock, plain gradient descent falls into the valley quickly and then crawls along its floor: the step size is limited by the steep direction across the valley, and the gradient along it is tiny.",
            "Momentum and Nesterov accumulate the small, consistent gradient along the valley and travel it much faster with the same α; Nesterov's look-ahead damps the oscillation across it.",
            "Adam rescales each coordinate by its recent gradient size, so it moves at about α per step whatever the curvature; that is why it can use a 100 times larger α here.",
            "SGD's noise makes the path jitter; on a real dataset the noise comes from sampling minibatches, and many cheap steps per epoch usually beat one exact step (compare GD and SGD on Iris).",
            "The gradient of softmax cross-entropy with respect to the logits is just the prediction minus the target, which is why it is the standard last layer: the generated code finds the same numbers without being told.",
        ]);
        md.Heading(2, "Checks");
        md.Table(["check", "expected", "actual", "result"],
            checks.Select(c => (IReadOnlyList<string>)[c.Name, Num.Sig(c.Expected), Num.Sig(c.Actual), c.Passed ? "pass" : "**FAIL**"]),
            [Align.Left, Align.Right, Align.Right, Align.Left]);
        return md.ToString();
    }
}
