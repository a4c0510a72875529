using Tutor.Lessons.Reports;

namespace Tutor.Lessons.ManualBackprop;

/// <summary>One step of the hand calculation: what it is, its formula, the numbers put in, and its value.</summary>
/// <param name="Name">The quantity, in LaTeX (e.g. <c>\delta_{o_1}</c>).</param>
/// <param name="Formula">How it is computed by hand, in LaTeX.</param>
/// <param name="Substituted">The formula with the numbers put in, in LaTeX.</param>
/// <param name="Value">The value by hand (double).</param>
/// <param name="Generated">The same quantity read from the generated code (gradient or trace), or null where there is none.</param>
/// <param name="GeneratedSource">Where <paramref name="Generated"/> comes from.</param>
public sealed record HandStep(string Name, string Formula, string Substituted, double Value, double? Generated, string GeneratedSource);

/// <summary>One parameter: its value, ∂E/∂θ by hand and by the generator, and its value after the step.</summary>
public sealed record ParameterUpdate(string Name, string Latex, double Before, double HandGradient, double GeneratedGradient, double After, double Expected);

/// <summary>
/// HW3 Q4: one forward and one backward pass through the 2-2-2 network by hand (the classic Mazur values, since the
/// seed's figure is not in its text), every step checked against the generated gradient and trace, then one
/// gradient-descent step with learning rate 10.
/// </summary>
[Lesson(4)]
public sealed class ManualBackpropLesson : ILesson
{
    /// <summary>The inputs, targets and initial parameters (LESSONS.md).</summary>
    public const double X1 = 0.05, X2 = 0.10, O1 = 0.01, O2 = 0.99, LearningRate = 10;

    /// <summary>w1..w8, b_h1, b_h2, b_o1, b_o2 before the step.</summary>
    public static readonly double[] Initial = [0.15, 0.20, 0.25, 0.30, 0.40, 0.45, 0.50, 0.55, 0.35, 0.35, 0.60, 0.60];

    /// <summary>The parameter names in <see cref="Initial"/>'s order.</summary>
    public static readonly string[] ParameterNames = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "b_h1", "b_h2", "b_o1", "b_o2"];

    /// <summary>LESSONS.md: the parameters after one step (10 decimals).</summary>
    public static readonly double[] ExpectedAfter =
    [
        0.0829397474, 0.0658794948, 0.1751253806, 0.1502507611,
        -6.1016812443, -6.0912915178, -0.8937181955, -0.8522091622,
        -0.9912050520, -1.1474923890, -10.3590596710, -1.7492140410,
    ];

    /// <summary>LESSONS.md: the forward pass.</summary>
    public const double ExpectedH1 = 0.5932699921, ExpectedH2 = 0.5968843783, ExpectedOut1 = 1.1059059671, ExpectedOut2 = 1.2249214041, ExpectedError = 0.6280989774;

    /// <summary>LESSONS.md's tolerance (absolute; its numbers have 10 decimals).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Hand against generated: both are double computations of the same formulas, so they agree to rounding.</summary>
    public const double AgreementTolerance = 1e-12;

    public string Id => "manual-backprop";
    public string Title => "Manual backpropagation through a 2-2-2 network, checked against the generated gradient";
    public string Description => "HW3 Q4: one forward and one backward pass by hand (sigmoid hidden, linear output, lr 10), every step against the generator.";

    /// <summary>The student's source, <c>Network.Student.cs</c>, exactly as compiled.</summary>
    public static string StudentSource => ReadResource("Network.Student.cs");

    static string ReadResource(string file) => LessonSupport.StudentSource("ManualBackprop", file);

    /// <summary>E at the given parameters (the student's function, called directly).</summary>
    public static double Error(double[] p) => Network.Error(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], X1, X2, O1, O2);

    /// <summary>The generated gradient: E and the twelve partial derivatives.</summary>
    public static (double Value, double[] Gradient) Generated(double[] p)
    {
        var g = Network.ErrorGradient(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], X1, X2, O1, O2);
        return (g.Value, [g.dw1, g.dw2, g.dw3, g.dw4, g.dw5, g.dw6, g.dw7, g.dw8, g.dbh1, g.dbh2, g.dbo1, g.dbo2]);
    }

    /// <summary>The generated trace at the initial parameters.</summary>
    public static Trace TraceAt(double[] p) =>
        Network.ErrorTrace(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], X1, X2, O1, O2);

    public LessonResult Run(LessonContext context)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var p = Initial;
        var trace = TraceAt(p);
        var (value, generated) = Generated(p);
        var hand = HandCalculation.Run(p, X1, X2, O1, O2, trace);
        var updates = new List<ParameterUpdate>();
        for (int i = 0; i < p.Length; i++)
            updates.Add(new ParameterUpdate(ParameterNames[i], HandCalculation.Latex(ParameterNames[i]), p[i], hand.Gradient[i], generated[i],
                p[i] - LearningRate * hand.Gradient[i], ExpectedAfter[i]));
        var after = updates.Select(u => u.After).ToArray();
        var fd = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            const double h = 1e-6;
            var plus = (double[])p.Clone(); plus[i] += h;
            var minus = (double[])p.Clone(); minus[i] -= h;
            fd[i] = (Error(plus) - Error(minus)) / (2 * h);
        }

        var checks = new List<LessonCheck>
        {
            Absolute("h1 vs LESSONS.md", ExpectedH1, hand.H1, Tolerance),
            Absolute("h2 vs LESSONS.md", ExpectedH2, hand.H2, Tolerance),
            Absolute("ô1 vs LESSONS.md", ExpectedOut1, hand.Out1, Tolerance),
            Absolute("ô2 vs LESSONS.md", ExpectedOut2, hand.Out2, Tolerance),
            Absolute("E vs LESSONS.md", ExpectedError, hand.E, Tolerance),
            Absolute("E by hand vs ErrorGradient", value, hand.E, AgreementTolerance),
        };
        foreach (var s in hand.Steps.Where(s => s.Generated is not null))
            checks.Add(Absolute($"hand step {s.Name} vs {s.GeneratedSource}", s.Generated!.Value, s.Value, AgreementTolerance));
        foreach (var u in updates)
        {
            checks.Add(Absolute($"∂E/∂{u.Name}: hand vs ErrorGradient", u.GeneratedGradient, u.HandGradient, AgreementTolerance));
            checks.Add(Absolute($"{u.Name} after the step vs LESSONS.md", u.Expected, u.After, Tolerance));
        }
        for (int i = 0; i < p.Length; i++)
            checks.Add(Absolute($"∂E/∂{ParameterNames[i]}: ErrorGradient vs central differences", fd[i], generated[i], 1e-8));

        started.Stop();
        var markdown = new ManualBackpropReport(this, context, trace, hand, updates, fd, Error(after), checks, started.Elapsed).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);
        var worst = updates.Max(u => Math.Abs(u.After - u.Expected));
        var values = new Dictionary<string, double>
        {
            ["h1"] = hand.H1, ["h2"] = hand.H2, ["out1"] = hand.Out1, ["out2"] = hand.Out2, ["E"] = hand.E, ["E.generated"] = value,
            ["E.after"] = Error(after), ["max.hand-vs-generated"] = updates.Max(u => Math.Abs(u.HandGradient - u.GeneratedGradient)),
            ["seed"] = context.Seed,
        };
        foreach (var u in updates)
        {
            values[$"{u.Name}.after"] = u.After;
            values[$"{u.Name}.grad.hand"] = u.HandGradient;
            values[$"{u.Name}.grad.generated"] = u.GeneratedGradient;
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"E = {Num.Sig(hand.E, 10)}; after one step w5 = {Num.Pretty(after[4], 10)}, w1 = {Num.Sig(after[0], 10)}; " +
                       $"all 12 updates within {Num.Sci(worst)} of LESSONS.md, hand = generated to {Num.Sci(values["max.hand-vs-generated"])}",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    /// <summary>A check with an absolute tolerance, expressed as the relative tolerance <see cref="LessonCheck"/> holds.</summary>
    internal static LessonCheck Absolute(string name, double expected, double actual, double absolute) =>
        new(name, expected, actual, absolute / Math.Abs(expected));
}
