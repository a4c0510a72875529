namespace Tutor.Lessons;

/// <summary>One check a lesson makes: a number it computed against the number it must reproduce.</summary>
/// <param name="Name">What is checked, e.g. <c>∂f/∂x (float64) vs LESSONS.md</c>.</param>
/// <param name="Expected">The reference value.</param>
/// <param name="Actual">The value the lesson computed.</param>
/// <param name="RelativeTolerance">The largest relative error that passes.</param>
public sealed record LessonCheck(string Name, double Expected, double Actual, double RelativeTolerance)
{
    /// <summary>|actual − expected| / max(|expected|, tiny).</summary>
    public double RelativeError => Math.Abs(Actual - Expected) / Math.Max(Math.Abs(Expected), double.Epsilon);

    /// <summary>True when <see cref="RelativeError"/> is within <see cref="RelativeTolerance"/> (NaN fails).</summary>
    public bool Passed => RelativeError <= RelativeTolerance;

    /// <summary>
    /// For a bound check (<see cref="Reports.LessonSupport.AtLeast"/>, <c>AtMost</c>, <c>Within</c>), whose
    /// <see cref="Actual"/> is the distance from the bound: what is measured, e.g. <c>training misclassification</c>.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>For a bound check: the measured value itself.</summary>
    public double? Measured { get; init; }

    /// <summary>For a bound check: what <see cref="Measured"/> must satisfy, e.g. <c>≤ 0.02</c>.</summary>
    public string? Requirement { get; init; }

    /// <summary>One line: what was measured against what was required, e.g. <c>training misclassification: measured 0.0403 (needs ≤ 0.02)</c>.</summary>
    public string Explain() =>
        Measured is { } measured
            ? $"{Subject ?? Name}: measured {Reports.Num.Sig(measured, 4)} (needs {Requirement})"
            : Expected == 0 && RelativeTolerance == 0
                ? $"{Name}: got {Actual:R}, should be 0"
                : $"{Name}: expected {Expected:R}, got {Actual:R} (relative error {RelativeError:E2} > {RelativeTolerance:E0})";
}

/// <summary>What a lesson found: a headline for the terminal, the report it wrote, its checks and its key numbers.</summary>
public sealed record LessonResult
{
    public required string Id { get; init; }

    /// <summary>One line with the lesson's main result, e.g. the gradient and how well it matches.</summary>
    public required string Headline { get; init; }

    /// <summary>The full path of the Markdown report.</summary>
    public required string ReportPath { get; init; }

    /// <summary>Every check the lesson made; the lesson passes when all pass.</summary>
    public IReadOnlyList<LessonCheck> Checks { get; init; } = [];

    /// <summary>The lesson's key numbers by name (e.g. <c>float64.dfdx</c>), for tests and tools.</summary>
    public IReadOnlyDictionary<string, double> Values { get; init; } = new Dictionary<string, double>();

    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}
