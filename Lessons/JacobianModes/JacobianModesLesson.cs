using System.Diagnostics;
using Tutor.Lessons.Reports;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.JacobianModes;

/// <summary>One Jacobian as an m × n array with how it was computed.</summary>
public sealed record NamedJacobian(string Method, double[,] Value);

/// <summary>One row of a timing table: the mode's seconds per Jacobian (and how many repetitions were averaged).</summary>
public sealed record ModeTiming(int D, int K, int P, int L, double ReverseSeconds, int ReverseRuns, double ForwardSeconds, int ForwardRuns)
{
    /// <summary>Forward time over reverse time: above 1 when reverse mode wins.</summary>
    public double ForwardOverReverse => ForwardSeconds / ReverseSeconds;
}

/// <summary>The generated (scalar, loop-based) code at the big size: one call of each, and the Jacobian it implies.</summary>
public sealed record GeneratedTiming(int D, int K, int P, int L, double GradientSeconds, double JvpSeconds);

/// <summary>Everything the lesson measured, for the report and the tests.</summary>
public sealed record JacobianMeasurements(
    int D, int K, int P, int L,
    NamedJacobian GeneratedReverse, NamedJacobian GeneratedForward, NamedJacobian ManualReverse, NamedJacobian ManualForward,
    NamedJacobian FiniteDifference,
    IReadOnlyList<ModeTiming> OneOutput, IReadOnlyList<ModeTiming> ManyOutputs, IReadOnlyList<GeneratedTiming> Generated);

/// <summary>
/// Seed 001 P2: the Jacobian of x ↦ W_F tanh(W_L … tanh(W_1 x)) by reverse mode and by forward mode, both by hand and
/// from the generator, checked against each other to 1e−10 (float64), and timed where each mode wins.
/// </summary>
[Lesson(9)]
public sealed class JacobianModesLesson : ILesson
{
    /// <summary>The correctness check's sizes (LESSONS.md).</summary>
    public const int CheckD = 2, CheckK = 30, CheckP = 10, CheckL = 10;

    /// <summary>How close every pair of Jacobians must be: max |difference| / max |entry| (LESSONS.md: 1e−10, float64).</summary>
    public const double Tolerance = 1e-10;

    /// <summary>
    /// How close central differences must come. They keep about two thirds of the digits for a tame function; with
    /// N(0, 1) weights and K = 30 every layer multiplies the curvature, so truncation (∝ h²·f‴) leaves about 1e−5 here.
    /// </summary>
    public const double FiniteDifferenceTolerance = 1e-4;

    readonly JacobianModesOptions options;

    public JacobianModesLesson() : this(JacobianModesOptions.Full) { }

    public JacobianModesLesson(JacobianModesOptions options) => this.options = options;

    public string Id => "jacobian-modes";
    public string Title => "Jacobian modes: reverse against forward on a deep tanh network";
    public string Description => "HW1 P2: the Jacobian of W_F tanh(W_L … tanh(W_1 x)) by reverse and forward mode (generated and by hand), and when each is faster.";

    /// <summary>The student's file, <c>Network.Student.cs</c>, exactly as compiled.</summary>
    public static string StudentSource => EmbeddedText("Network.Student.cs");

    internal static string EmbeddedText(string suffix) => LessonSupport.StudentSource("JacobianModes", suffix);

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed).Fork(Id);
        context.Say($"{Id}: Jacobians for D={CheckD}, K={CheckK}, P={CheckP}, L={CheckL} (float64)");
        var m = Measure(random, context);
        var checks = Checks(m);
        var elapsed = clock.Elapsed;

        var figure = TimingFigure(m, context);
        var markdown = new JacobianModesReport(this, context, options, m, checks, figure, elapsed).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);

        double worst = new[] { m.ManualReverse, m.ManualForward, m.GeneratedForward }.Max(j => RelativeMaxDifference(j.Value, m.GeneratedReverse.Value));
        var big = m.OneOutput[^1];
        var values = new Dictionary<string, double>
        {
            ["seed"] = context.Seed,
            ["worst-relative-difference"] = worst,
            ["finite-difference-relative-difference"] = RelativeMaxDifference(m.FiniteDifference.Value, m.GeneratedReverse.Value),
            ["seconds"] = elapsed.TotalSeconds,
        };
        foreach (var t in m.OneOutput)
        {
            values[$"one-output.L{t.L}.reverse-seconds"] = t.ReverseSeconds;
            values[$"one-output.L{t.L}.forward-seconds"] = t.ForwardSeconds;
        }
        foreach (var t in m.ManyOutputs)
        {
            values[$"many-outputs.L{t.L}.reverse-seconds"] = t.ReverseSeconds;
            values[$"many-outputs.L{t.L}.forward-seconds"] = t.ForwardSeconds;
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"reverse = forward = generated to {Num.Sci(worst)} (float64); D=K={big.D}, P=1, L={big.L}: reverse {Ms(big.ReverseSeconds)} vs forward {Ms(big.ForwardSeconds)} per Jacobian",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    internal static string Ms(double seconds) => seconds >= 1 ? $"{seconds:0.00} s" : seconds >= 1e-3 ? $"{seconds * 1e3:0.0} ms" : $"{seconds * 1e6:0} µs";

    JacobianMeasurements Measure(TutorRandom random, LessonContext context)
    {
        int d = CheckD, k = CheckK, p = CheckP, l = CheckL;
        var weights = FlatWeights(random.Fork("weights"), d, k, p, l);
        var x = new double[d];
        var xr = random.Fork("x");
        for (int i = 0; i < d; i++) x[i] = xr.NextNormal();

        var generatedReverse = Jacobian.Reverse((point, direction) => Network.ProjectGradient(point, weights, direction, d, k, p, l).dx, x, p);
        var generatedForward = GeneratedForwardJacobian(x, weights, d, k, p, l);
        var tensors = Split(weights, d, k, p, l);
        var xt = Tensor<double>.Vector(x);
        var manualReverse = Network.ReverseJacobian(xt, tensors).ToArray2D();
        var manualForward = Network.ForwardJacobian(xt, tensors).ToArray2D();
        var fd = Jacobian.FiniteDifference(point => Evaluate(point, tensors), x);

        context.Say($"{Id}: timing D=K={options.Width}, P=1 and D={options.TallInputs}, K={options.Width}, P={options.TallOutputs}");
        var oneOutput = options.Depths.Select(depth => Time(random, options.Width, options.Width, 1, depth)).ToList();
        var manyOutputs = options.Depths.Select(depth => Time(random, options.TallInputs, options.Width, options.TallOutputs, depth)).ToList();
        var generated = options.TimeGenerated ? options.Depths.Select(depth => TimeGenerated(random, options.Width, options.Width, 1, depth)).ToList() : [];

        return new JacobianMeasurements(d, k, p, l,
            new("generated reverse (ProjectGradient, one per output)", generatedReverse),
            new("generated forward (ProjectJvp, one per entry)", generatedForward),
            new("by hand, reverse (ReverseJacobian)", manualReverse),
            new("by hand, forward (ForwardJacobian)", manualForward),
            new("central differences", fd),
            oneOutput, manyOutputs, generated);
    }

    /// <summary>Forward mode through the generated JVP: ProjectJvp returns uᵀ·J·ẋ, one number, so entry (i, j) needs u = eᵢ, ẋ = eⱼ.</summary>
    static double[,] GeneratedForwardJacobian(double[] x, double[] weights, int d, int k, int p, int l)
    {
        var j = new double[p, d];
        var u = new double[p];
        var xDot = new double[d];
        for (int col = 0; col < d; col++)
        {
            xDot[col] = 1;
            for (int row = 0; row < p; row++)
            {
                u[row] = 1;
                j[row, col] = Network.ProjectJvp(x, weights, u, d, k, p, l, xDot).Tangent;
                u[row] = 0;
            }
            xDot[col] = 0;
        }
        return j;
    }

    /// <summary>f(x) with the tensors (for finite differences).</summary>
    static double[] Evaluate(double[] x, Tensor<double>[] weights)
    {
        var a = Tensor<double>.Vector(x);
        for (int l = 0; l < weights.Length - 1; l++) a = Ops.Tanh(Ops.MatMul(weights[l], a));
        return Ops.MatMul(weights[^1], a).ToArray();
    }

    /// <summary>W_1 (K×D), W_2 … W_L (K×K), W_F (P×K), entries N(0, 1) as in the seed (torch.randn), one flat array.</summary>
    internal static double[] FlatWeights(TutorRandom random, int d, int k, int p, int l)
    {
        var w = new double[k * d + (l - 1) * k * k + p * k];
        Init.Normal<double>(w, 0, 1, random);
        return w;
    }

    internal static Tensor<double>[] Split(double[] flat, int d, int k, int p, int l)
    {
        var result = new Tensor<double>[l + 1];
        result[0] = Tensor<double>.Matrix(k, d, flat.AsSpan(0, k * d));
        for (int i = 1; i < l; i++) result[i] = Tensor<double>.Matrix(k, k, flat.AsSpan(k * d + (i - 1) * k * k, k * k));
        result[l] = Tensor<double>.Matrix(p, k, flat.AsSpan(k * d + (l - 1) * k * k, p * k));
        return result;
    }

    ModeTiming Time(TutorRandom random, int d, int k, int p, int l)
    {
        var r = random.Fork($"timing-{d}-{k}-{p}-{l}");
        var tensors = Split(FlatWeights(r, d, k, p, l), d, k, p, l);
        var x = new double[d];
        for (int i = 0; i < d; i++) x[i] = r.NextNormal();
        var xt = Tensor<double>.Vector(x);
        var (rs, rn) = Repeat(() => Network.ReverseJacobian(xt, tensors));
        var (fs, fn) = Repeat(() => Network.ForwardJacobian(xt, tensors));
        return new ModeTiming(d, k, p, l, rs, rn, fs, fn);
    }

    GeneratedTiming TimeGenerated(TutorRandom random, int d, int k, int p, int l)
    {
        var r = random.Fork($"generated-{d}-{k}-{p}-{l}");
        var w = FlatWeights(r, d, k, p, l);
        var x = new double[d];
        for (int i = 0; i < d; i++) x[i] = r.NextNormal();
        var u = new double[p];
        u[0] = 1;
        var xDot = new double[d];
        xDot[0] = 1;
        Network.ProjectGradient(x, w, u, d, k, p, 1);     // warm up (JIT) on a shallow copy of the network
        Network.ProjectJvp(x, w, u, d, k, p, 1, xDot);
        var clock = Stopwatch.StartNew();
        Network.ProjectGradient(x, w, u, d, k, p, l);
        double gradient = clock.Elapsed.TotalSeconds;
        clock.Restart();
        Network.ProjectJvp(x, w, u, d, k, p, l, xDot);
        double jvp = clock.Elapsed.TotalSeconds;
        return new GeneratedTiming(d, k, p, l, gradient, jvp);
    }

    /// <summary>Rounds a timing is split into; the fastest round's mean is reported.</summary>
    internal const int TimingRounds = 5;

    /// <summary>
    /// Runs <paramref name="work"/> once to warm up, then in <see cref="TimingRounds"/> rounds, each repeating it until a
    /// fifth of <see cref="JacobianModesOptions.SecondsPerTiming"/> has passed (at least once); seconds per run in the
    /// fastest round, and the runs of all rounds. The fastest round, not the overall mean: on a shared machine a round in
    /// which the process was descheduled or other work ran measures the machine, not the mode.
    /// </summary>
    (double Seconds, int Runs) Repeat(Action work)
    {
        work();
        double best = double.MaxValue;
        int total = 0;
        for (int round = 0; round < TimingRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            int runs = 0;
            do { work(); runs++; } while (clock.Elapsed.TotalSeconds < options.SecondsPerTiming / TimingRounds);
            best = Math.Min(best, clock.Elapsed.TotalSeconds / runs);
            total += runs;
        }
        return (best, total);
    }

    /// <summary>max |a − b| / max |b|.</summary>
    public static double RelativeMaxDifference(double[,] a, double[,] b)
    {
        double scale = 0;
        foreach (var v in b) scale = Math.Max(scale, Math.Abs(v));
        return Jacobian.MaxAbsDifference(a, b) / Math.Max(scale, double.Epsilon);
    }

    /// <summary>A check that passes when <paramref name="value"/> lies in [low, high] (as a LessonCheck: the midpoint, with the half-width as tolerance).</summary>
    static List<LessonCheck> Checks(JacobianMeasurements m)
    {
        var reference = m.GeneratedReverse.Value;
        var list = new List<LessonCheck>
        {
            LessonSupport.Within("generated forward vs generated reverse: max|ΔJ|/max|J| ≤ 1e-10", RelativeMaxDifference(m.GeneratedForward.Value, reference), 0, Tolerance),
            LessonSupport.Within("reverse by hand vs generated: max|ΔJ|/max|J| ≤ 1e-10", RelativeMaxDifference(m.ManualReverse.Value, reference), 0, Tolerance),
            LessonSupport.Within("forward by hand vs generated: max|ΔJ|/max|J| ≤ 1e-10", RelativeMaxDifference(m.ManualForward.Value, reference), 0, Tolerance),
            LessonSupport.Within("central differences vs generated: max|ΔJ|/max|J| ≤ 1e-4", RelativeMaxDifference(m.FiniteDifference.Value, reference), 0, FiniteDifferenceTolerance),
        };
        foreach (var t in m.OneOutput)
            list.Add(LessonSupport.Within($"P = 1, L = {t.L}: forward time / reverse time > 1 (reverse wins)", t.ForwardOverReverse, 1, 1e9));
        foreach (var t in m.ManyOutputs)
            list.Add(LessonSupport.Within($"P = {t.P} ≫ D = {t.D}, L = {t.L}: reverse time / forward time > 1 (forward wins)", 1 / t.ForwardOverReverse, 1, 1e9));
        return list;
    }

    string TimingFigure(JacobianMeasurements m, LessonContext context)
    {
        var plot = new ScottPlot.Plot();
        void Line(IReadOnlyList<ModeTiming> rows, Func<ModeTiming, double> seconds, string label, ScottPlot.MarkerShape shape)
        {
            var s = plot.Add.Scatter(rows.Select(r => (double)r.L).ToArray(), rows.Select(r => Math.Log10(seconds(r) * 1e3)).ToArray());
            s.LegendText = label;
            s.MarkerShape = shape;
            s.MarkerSize = 8;
        }
        var a = m.OneOutput[0];
        var b = m.ManyOutputs[0];
        Line(m.OneOutput, r => r.ReverseSeconds, $"reverse, D=K={a.D}, P=1", ScottPlot.MarkerShape.FilledCircle);
        Line(m.OneOutput, r => r.ForwardSeconds, $"forward, D=K={a.D}, P=1", ScottPlot.MarkerShape.OpenSquare);
        Line(m.ManyOutputs, r => r.ReverseSeconds, $"reverse, D={b.D}, K={b.K}, P={b.P}", ScottPlot.MarkerShape.FilledCircle);
        Line(m.ManyOutputs, r => r.ForwardSeconds, $"forward, D={b.D}, K={b.K}, P={b.P}", ScottPlot.MarkerShape.OpenSquare);
        plot.Title("Time per Jacobian (float64, CPU)");
        plot.XLabel("depth L");
        plot.YLabel("log10(milliseconds)");
        plot.ShowLegend();
        return LessonSupport.Save(plot, context, Id, "timing", 720, 420);
    }
}
