using Tutor.Lessons.Reports;

namespace Tutor.Lessons.FormulaGradient;

/// <summary>A function's value and its two partial derivatives, in the precision they were computed in.</summary>
public readonly record struct Gradient2(double Value, double Dx, double Dy);

/// <summary>What the generated code computed at (x, y).</summary>
/// <param name="Float64">FGradient: reverse mode in double.</param>
/// <param name="ForwardMode">FJvp with tangents (1, 0) and (0, 1): forward mode in double.</param>
/// <param name="Float32">F32Gradient: reverse mode in float.</param>
/// <param name="Trace64">FTrace: every forward and backward step with its value.</param>
/// <param name="Derivation">FDerivation: the symbolic derivative.</param>
public sealed record Measurements(Gradient2 Float64, Gradient2 ForwardMode, Gradient2 Float32, Trace Trace64, Derivation Derivation);

/// <summary>
/// HW3 Q1: the gradient of f(x, y) = (x + eʸ) / (ln x + (x − y)³) at (3, 4), by the generated reverse mode,
/// checked against forward mode, the symbolic derivative, central differences and the seed's PyTorch numbers,
/// with the computation graph and an explanation of the digits float32 loses.
/// </summary>
[Lesson(1)]
public sealed partial class FormulaGradientLesson : ILesson
{
    /// <summary>The point of the exercise.</summary>
    public const double X = 3, Y = 4;

    /// <summary>The central-difference step: small enough that truncation (∝ h²) is below 1e-9 here, large enough that rounding (∝ ε/h) is too.</summary>
    public const double FiniteDifferenceStep = 1e-6;

    /// <summary>How close the gradient must be to central differences.</summary>
    public const double FiniteDifferenceTolerance = 1e-8;

    /// <summary>The numbers LESSONS.md requires (float64 from the exact function, float32 from the seed's PyTorch run).</summary>
    public static class Expected
    {
        public const double Value = 584.086940999788;
        public const double Dx = -19733.407431082;
        public const double Dy = 18322.858108625;
        public const double Float64Tolerance = 1e-12;
        public const double Dx32 = -19733.3965;
        public const double Dy32 = 18322.8477;
        public const double Float32Tolerance = 1e-6;
    }

    /// <summary>The name of the embedded copy of <c>Formula.cs</c> (see the project file).</summary>
    public const string StudentSourceResource = "Tutor.Lessons.FormulaGradient.Formula.cs";

    public string Id => "formula-gradient";
    public string Title => "Formula gradient: reverse mode on (x + eʸ) / (ln x + (x − y)³)";
    public string Description => "HW3 Q1: ∂f/∂x, ∂f/∂y at (3, 4) in float64 and float32, graph, tables, finite differences, cancellation.";

    /// <summary>The student's source, <c>Formula.cs</c>, exactly as it is compiled.</summary>
    public static string StudentSource
    {
        get
        {
            using var stream = typeof(FormulaGradientLesson).Assembly.GetManifestResourceStream(StudentSourceResource)
                ?? throw new InvalidOperationException($"The resource {StudentSourceResource} is missing; see Tutor.Lessons.csproj.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public LessonResult Run(LessonContext context)
    {
        var measured = Measure(X, Y);
        var (fdDx, fdDy) = FiniteDifferences.Central(Formula.F, X, Y, FiniteDifferenceStep);
        var checks = Checks(measured, fdDx, fdDy);

        var markdown = new FormulaGradientReport(this, context, measured, checks).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);

        var fdError = Math.Max(FiniteDifferences.RelativeError(measured.Float64.Dx, fdDx), FiniteDifferences.RelativeError(measured.Float64.Dy, fdDy));
        var fdText = fdError <= FiniteDifferenceTolerance
            ? $"matches finite differences to {Num.PowerOfTen(FiniteDifferenceTolerance)}"
            : $"differs from finite differences by {Num.Sci(fdError)}";
        return new LessonResult
        {
            Id = Id,
            Headline = $"∂f/∂x = {Num.Pretty(measured.Float64.Dx, 14)}, ∂f/∂y = {Num.Pretty(measured.Float64.Dy, 14)} (float64); {fdText}",
            ReportPath = path,
            Checks = checks,
            Values = new Dictionary<string, double>
            {
                ["float64.f"] = measured.Float64.Value,
                ["float64.dfdx"] = measured.Float64.Dx,
                ["float64.dfdy"] = measured.Float64.Dy,
                ["float32.f"] = measured.Float32.Value,
                ["float32.dfdx"] = measured.Float32.Dx,
                ["float32.dfdy"] = measured.Float32.Dy,
                ["forward.dfdx"] = measured.ForwardMode.Dx,
                ["forward.dfdy"] = measured.ForwardMode.Dy,
                ["finite-difference.dfdx"] = fdDx,
                ["finite-difference.dfdy"] = fdDy,
                ["seed"] = context.Seed,
            },
        };
    }

    static List<LessonCheck> Checks(Measurements m, double fdDx, double fdDy)
    {
        var d = m.Derivation;
        return
        [
            new("f (float64) vs LESSONS.md", Expected.Value, m.Float64.Value, Expected.Float64Tolerance),
            new("∂f/∂x (float64) vs LESSONS.md", Expected.Dx, m.Float64.Dx, Expected.Float64Tolerance),
            new("∂f/∂y (float64) vs LESSONS.md", Expected.Dy, m.Float64.Dy, Expected.Float64Tolerance),
            new("∂f/∂x (float32) vs PyTorch", Expected.Dx32, m.Float32.Dx, Expected.Float32Tolerance),
            new("∂f/∂y (float32) vs PyTorch", Expected.Dy32, m.Float32.Dy, Expected.Float32Tolerance),
            new("∂f/∂x reverse vs forward mode", m.ForwardMode.Dx, m.Float64.Dx, 1e-12),
            new("∂f/∂y reverse vs forward mode", m.ForwardMode.Dy, m.Float64.Dy, 1e-12),
            new("∂f/∂x reverse vs symbolic derivative", d.EvaluatePartial("x", X, Y), m.Float64.Dx, 1e-12),
            new("∂f/∂y reverse vs symbolic derivative", d.EvaluatePartial("y", X, Y), m.Float64.Dy, 1e-12),
            new("f trace vs FGradient", m.Float64.Value, m.Trace64.Value, 1e-15),
            new("∂f/∂x vs central differences", fdDx, m.Float64.Dx, FiniteDifferenceTolerance),
            new("∂f/∂y vs central differences", fdDy, m.Float64.Dy, FiniteDifferenceTolerance),
        ];
    }
}
