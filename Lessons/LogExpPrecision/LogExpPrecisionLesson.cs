using System.Globalization;
using Tutor.Lessons.Reports;
using static Tutor.Lessons.Reports.MarkdownWriter;

namespace Tutor.Lessons.LogExpPrecision;

/// <summary>z and its gradient at one point, by one of the three forms (float32).</summary>
public sealed record LogExpPoint(string Form, float X, float Y, float Z, float Dx, float Dy);

/// <summary>
/// HW3 Q3: z = −log(eˣ/(eˣ + eʸ)) in float32, naive and stable. At (2, 3) both agree with the seed; at (50, 100)
/// e¹⁰⁰ overflows float32 and the naive gradient is NaN, while softplus(y − x) gives −1, 1. Shows the analyzer's
/// NUM0001 warning on the naive line and the code fix's rewrite, and NUM0006 on the seed's own "stable" form.
/// </summary>
[Lesson(3)]
public sealed class LogExpPrecisionLesson : ILesson
{
    /// <summary>The build's message for the naive line (Lessons/LogExpPrecision/LogExp.Student.cs without its pragma), as the compiler printed it.</summary>
    public const string Num0001Message = "Log of a softmax ratio overflows: at x = 0, y = 800 this returns −∞ instead of −800 (and NaN at x = y = 1000); use -StableMath.Softplus(y - x)";

    /// <summary>The build's message for the seed's stable_log_exp line, as the compiler printed it.</summary>
    public const string Num0006Message = "Log(1 + Exp(y - x)) overflows: at y - x = 800 it returns ∞ instead of 800, and at y - x = −40 it returns 0 instead of 4.25e−18; use StableMath.Softplus(y - x)";

    /// <summary>The naive line, and what the NUM0001 code fix turns it into (the fix replaces the Log call and parenthesises it under the unary minus).</summary>
    public const string NaiveLine = "public static float Naive(float x, float y) => -MathF.Log(MathF.Exp(x) / (MathF.Exp(x) + MathF.Exp(y)));";
    public const string FixedLine = "public static float Naive(float x, float y) => -(-StableMath.Softplus(y - x));";

    /// <summary>The seed's printed values (4 decimals): half a unit in the last place.</summary>
    public const double SeedTolerance = 5e-5;

    public string Id => "log-exp-precision";
    public string Title => "Numerical precision: −log(eˣ/(eˣ + eʸ)) naive and stable, in float32";
    public string Description => "HW3 Q3: the naive log_exp gives NaN gradients at (50, 100) in float32; softplus(y − x) gives −1, 1. Analyzer NUM0001 and its fix.";

    public static string StudentSource => LessonSupport.StudentSource("LogExpPrecision", "LogExp.Student.cs");

    public static LogExpPoint Evaluate(string form, float x, float y)
    {
        var (z, dx, dy) = form switch
        {
            "naive" => LogExp.NaiveGradient(x, y),
            "stable" => LogExp.StableGradient(x, y),
            "seed stable" => LogExp.SeedStableGradient(x, y),
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        return new LogExpPoint(form, x, y, z, dx, dy);
    }

    /// <summary>The exact values in double: z = softplus(y − x), ∂z/∂x = −σ(y − x), ∂z/∂y = σ(y − x).</summary>
    public static (double Z, double Dx, double Dy) Exact(double x, double y) =>
        (StableMath.Softplus(y - x), -StableMath.Sigmoid(y - x), StableMath.Sigmoid(y - x));

    static readonly (float X, float Y)[] Points = [(2, 3), (50, 100), (0, 100), (100, 50), (-3, 40), (0, 0)];
    static readonly string[] Forms = ["naive", "stable", "seed stable"];

    public LessonResult Run(LessonContext context)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var table = Points.SelectMany(p => Forms.Select(f => Evaluate(f, p.X, p.Y))).ToList();
        LogExpPoint At(string form, float x, float y) => table.First(r => r.Form == form && r.X == x && r.Y == y);
        var n23 = At("naive", 2, 3);
        var s23 = At("stable", 2, 3);
        var nHard = At("naive", 50, 100);
        var sHard = At("stable", 50, 100);
        var checks = new List<LessonCheck>
        {
            new("naive z at (2, 3) vs seed 1.3133", 1.3133, n23.Z, SeedTolerance / 1.3133),
            new("naive ∂z/∂x at (2, 3) vs seed −0.7311", -0.7311, n23.Dx, SeedTolerance / 0.7311),
            new("naive ∂z/∂y at (2, 3) vs seed 0.7311", 0.7311, n23.Dy, SeedTolerance / 0.7311),
            new("stable z at (2, 3) vs seed 1.3133", 1.3133, s23.Z, SeedTolerance / 1.3133),
            new("stable ∂z/∂x at (2, 3) vs naive", n23.Dx, s23.Dx, 1e-6),
            new("naive ∂z/∂x at (50, 100) is NaN (1 = yes)", 1, float.IsNaN(nHard.Dx) ? 1 : 0, 0),
            new("naive ∂z/∂y at (50, 100) is NaN (1 = yes)", 1, float.IsNaN(nHard.Dy) ? 1 : 0, 0),
            new("stable ∂z/∂x at (50, 100) = −1", -1, sHard.Dx, 0),
            new("stable ∂z/∂y at (50, 100) = 1", 1, sHard.Dy, 0),
            new("stable z at (50, 100) = 50", 50, sHard.Z, 0),
        };
        foreach (var p in Points)
        {
            var s = At("stable", p.X, p.Y);
            var e = Exact(p.X, p.Y);
            checks.Add(new($"stable ∂z/∂y at ({p.X}, {p.Y}) vs exact σ(y − x) (float32 rounding)", e.Dy, s.Dy, 1e-6));
        }
        var fdh = 1e-4f;
        var fdDx = (LogExp.Stable(2 + fdh, 3) - LogExp.Stable(2 - fdh, 3)) / (2 * fdh);
        checks.Add(new("stable ∂z/∂x at (2, 3) vs float32 central difference (h = 1e-4)", fdDx, s23.Dx, 1e-2));

        started.Stop();
        var md = new LogExpReport(this, context, table, checks, started.Elapsed, fdDx).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), md, Title);
        var values = new Dictionary<string, double> { ["seed"] = context.Seed };
        foreach (var r in table)
        {
            var key = $"{r.Form.Replace(' ', '-')}({r.X.ToString(CultureInfo.InvariantCulture)},{r.Y.ToString(CultureInfo.InvariantCulture)})";
            values[key + ".z"] = r.Z;
            values[key + ".dx"] = r.Dx;
            values[key + ".dy"] = r.Dy;
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"float32 at (2, 3): z = {n23.Z:0.0000}, ∂z/∂x = {Num.Pretty(Math.Round(n23.Dx, 4))}; at (50, 100): naive ∂z/∂x = {nHard.Dx}, stable {Num.Pretty(sHard.Dx)}, {sHard.Dy}",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }
}
