using ScottPlot;
using Tutor.Lessons.Reports;
using static Tutor.Lessons.Reports.MarkdownWriter;

namespace Tutor.Lessons.ReluConstructions;

/// <summary>One kink: the one-sided derivatives, what the generated gradients say, and what central differences see.</summary>
public sealed record Kink(string Function, double X, double Left, double Right, double ReluGradient, double? MaxGradient, double Central);

/// <summary>How one construction compares with its piecewise definition on one grid.</summary>
public sealed record GridComparison(string Function, string Grid, int Points, int Differing, double MaxDifference, int GradientPoints, int GradientDiffering);

/// <summary>
/// Seed 001 P3: the triangle and the soft threshold built from ReLUs, compared with their piecewise definitions on
/// dense grids in [−1, 2] (s = ½), plotted, and differentiated at every kink with the convention the generator documents.
/// </summary>
[Lesson(10)]
public sealed class ReluConstructionsLesson : ILesson
{
    public const double S = 0.5, Low = -1, High = 2;

    /// <summary>The dyadic grid: step 2⁻¹⁰, every point, 2x and 1 − 2x exactly representable.</summary>
    public const double DyadicStep = 1.0 / 1024;

    /// <summary>The decimal grid: x = k/1000 (most points are not exact binary fractions).</summary>
    public const int DecimalPerUnit = 1000;

    public string Id => "relu-constructions";
    public string Title => "ReLU constructions: a triangle and a soft threshold, and their gradients at the kinks";
    public string Description => "Seed 001 P3: ReLU(−ReLU(2x−1) − ReLU(1−2x) + 1) and ReLU(x−s) − ReLU(−x−s) against their piecewise definitions; gradients at kinks.";

    public static string StudentSource => LessonSupport.StudentSource("ReluConstructions", "Relu.Student.cs");

    /// <summary>Exercise 8's definition.</summary>
    public static double TrianglePiecewise(double x) => x >= 0 && x <= 0.5 ? 2 * x : x > 0.5 && x <= 1 ? 2 * (1 - x) : 0;

    /// <summary>Its derivative away from the kinks 0, ½, 1.</summary>
    public static double TriangleSlope(double x) => x > 0 && x < 0.5 ? 2 : x > 0.5 && x < 1 ? -2 : 0;

    /// <summary>Exercise 9's definition, max(|x| − s, 0)·sign(x).</summary>
    public static double SoftThresholdPiecewise(double x, double s) => Math.Max(Math.Abs(x) - s, 0) * Math.Sign(x);

    /// <summary>Its derivative away from ±s.</summary>
    public static double SoftThresholdSlope(double x, double s) => Math.Abs(x) > s ? 1 : 0;

    public static double[] DyadicGrid() => [.. Enumerable.Range(0, (int)((High - Low) / DyadicStep) + 1).Select(k => Low + k * DyadicStep)];

    /// <summary>x = k/1000 for k = −1000 … 2000: the double nearest each decimal (not −1 + k/1000, which would inherit the 2⁻⁵² spacing of [1, 2]).</summary>
    public static double[] DecimalGrid() => [.. Enumerable.Range((int)(Low * DecimalPerUnit), (int)((High - Low) * DecimalPerUnit) + 1).Select(k => (double)k / DecimalPerUnit)];

    static readonly double[] TriangleKinks = [0, 0.5, 1];
    static readonly double[] SoftKinks = [-S, S];

    public static GridComparison Compare(string function, string gridName, double[] grid)
    {
        bool triangle = function == "triangle";
        int differing = 0, gradientPoints = 0, gradientDiffering = 0;
        double max = 0;
        var kinks = triangle ? TriangleKinks : SoftKinks;
        foreach (var x in grid)
        {
            double relu = triangle ? Relu.Triangle(x) : Relu.SoftThreshold(x, S);
            double piece = triangle ? TrianglePiecewise(x) : SoftThresholdPiecewise(x, S);
            double d = Math.Abs(relu - piece);
            if (d != 0) differing++;
            max = Math.Max(max, d);
            if (kinks.Contains(x)) continue;
            gradientPoints++;
            double g = triangle ? Relu.TriangleGradient(x).dx : Relu.SoftThresholdGradient(x, S).dx;
            if (g != (triangle ? TriangleSlope(x) : SoftThresholdSlope(x, S))) gradientDiffering++;
        }
        return new GridComparison(function, gridName, grid.Length, differing, max, gradientPoints, gradientDiffering);
    }

    public static IReadOnlyList<Kink> Kinks()
    {
        const double h = 1e-6;
        var list = new List<Kink>();
        foreach (var k in TriangleKinks)
            list.Add(new Kink("triangle", k, TriangleSlope(k - 0.25), TriangleSlope(k + 0.25), Relu.TriangleGradient(k).dx, Relu.TriangleWithMaxGradient(k).dx,
                (Relu.Triangle(k + h) - Relu.Triangle(k - h)) / (2 * h)));
        foreach (var k in SoftKinks)
            list.Add(new Kink("soft threshold", k, SoftThresholdSlope(k - 0.25, S), SoftThresholdSlope(k + 0.25, S), Relu.SoftThresholdGradient(k, S).dx, null,
                (Relu.SoftThreshold(k + h, S) - Relu.SoftThreshold(k - h, S)) / (2 * h)));
        return list;
    }

    public LessonResult Run(LessonContext context)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var dyadic = DyadicGrid();
        var decimalGrid = DecimalGrid();
        var comparisons = new[]
        {
            Compare("triangle", "dyadic, step 2⁻¹⁰", dyadic), Compare("soft threshold", "dyadic, step 2⁻¹⁰", dyadic),
            Compare("triangle", "decimal k/1000", decimalGrid), Compare("soft threshold", "decimal k/1000", decimalGrid),
        };
        var kinks = Kinks();
        var figures = Figures(context, dyadic);

        var checks = new List<LessonCheck>();
        foreach (var c in comparisons.Where(c => c.Grid.StartsWith("dyadic", StringComparison.Ordinal)))
        {
            checks.Add(new($"{c.Function}: points differing from the definition ({c.Grid})", 0, c.Differing, 0));
            checks.Add(new($"{c.Function}: max |difference| ({c.Grid})", 0, c.MaxDifference, 0));
        }
        foreach (var c in comparisons)
            checks.Add(new($"{c.Function}: gradient ≠ piecewise slope off the kinks ({c.Grid})", 0, c.GradientDiffering, 0));
        foreach (var c in comparisons.Where(c => c.Grid.StartsWith("decimal", StringComparison.Ordinal)))
            checks.Add(new($"{c.Function}: max |difference| within 2⁻⁵³ ({c.Grid})", Math.Pow(2, -53), Math.Max(c.MaxDifference, Math.Pow(2, -53)), 0));
        foreach (var k in kinks)
            checks.Add(new($"{k.Function}: generated gradient at x = {Num.Sig(k.X)} is 0 (StableMath.Relu′(0) = 0)", 0, k.ReluGradient, 0));

        started.Stop();
        var md = Report(context, comparisons, kinks, figures, checks, started.Elapsed);
        var path = ReportFile.Write(context.PathFor(Id + ".md"), md, Title);
        var values = new Dictionary<string, double> { ["seed"] = context.Seed };
        foreach (var c in comparisons)
        {
            var key = (c.Function == "triangle" ? "triangle" : "soft") + "." + (c.Grid.StartsWith("dyadic", StringComparison.Ordinal) ? "dyadic" : "decimal");
            values[key + ".points"] = c.Points;
            values[key + ".differing"] = c.Differing;
            values[key + ".max"] = c.MaxDifference;
            values[key + ".gradient-differing"] = c.GradientDiffering;
        }
        foreach (var k in kinks)
        {
            var key = (k.Function == "triangle" ? "triangle" : "soft") + ".kink." + Num.R(k.X);
            values[key] = k.ReluGradient;
            values[key + ".central"] = k.Central;
            if (k.MaxGradient is double m) values[key + ".max"] = m;
        }
        return new LessonResult
        {
            Id = Id,
            Headline = $"both constructions equal their piecewise definitions exactly on {dyadic.Length} dyadic points in [−1, 2]; gradient 0 at all {kinks.Count} kinks (ReLU′(0) = 0)",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    IReadOnlyDictionary<string, string> Figures(LessonContext context, double[] grid)
    {
        var result = new Dictionary<string, string>();
        double[] tri = [.. grid.Select(Relu.Triangle)], triDef = [.. grid.Select(TrianglePiecewise)];
        double[] soft = [.. grid.Select(x => Relu.SoftThreshold(x, S))], softDef = [.. grid.Select(x => SoftThresholdPiecewise(x, S))];

        var p = new Plot();
        ReluFigures.Line(p, grid, triDef, "piecewise definition", Colors.LightGray, 7);
        ReluFigures.Line(p, grid, tri, "ReLU(−ReLU(2x−1) − ReLU(1−2x) + 1)", Colors.Blue, 2);
        ReluFigures.Line(p, grid, softDef, "max(|x| − s, 0)·sign(x)", Colors.Wheat, 7);
        ReluFigures.Line(p, grid, soft, "ReLU(x − s) − ReLU(−x − s), s = 0.5", Colors.DarkOrange, 2);
        p.Title("The two constructions (lines) over their definitions (wide, pale)");
        p.XLabel("x");
        p.YLabel("f(x)");
        p.ShowLegend(Alignment.UpperLeft);
        result["functions"] = ReluFigures.Save(p, context, Id, "functions");

        var q = new Plot();
        ReluFigures.Line(q, grid, [.. grid.Select(x => Relu.TriangleGradient(x).dx)], "triangle: TriangleGradient", Colors.Blue, 2);
        ReluFigures.Line(q, grid, [.. grid.Select(x => Relu.SoftThresholdGradient(x, S).dx)], "soft threshold: SoftThresholdGradient", Colors.DarkOrange, 2, dashed: true);
        q.Title("Generated derivatives on the grid (jumps at the kinks)");
        q.XLabel("x");
        q.YLabel("df/dx");
        q.ShowLegend(Alignment.LowerLeft);
        result["gradients"] = ReluFigures.Save(q, context, Id, "gradients");
        return result;
    }

    string Report(LessonContext context, IReadOnlyList<GridComparison> comparisons, IReadOnlyList<Kink> kinks, IReadOnlyDictionary<string, string> figures,
        IReadOnlyList<LessonCheck> checks, TimeSpan elapsed)
    {
        var md = new MarkdownWriter();
        md.Heading(1, Title);
        md.Paragraph($"Lesson {Code(Id)} · seed {context.Seed} (no random numbers) · float64 · CPU · {elapsed.TotalSeconds:0.00} s · generated by `tutor run {Id}`.");

        md.Heading(2, "The exercise");
        md.Paragraph("Seed 001, problem 3, asks for two piecewise-linear functions written with ReLU units only. Exercise 8, the triangle:");
        md.DisplayMath(@"f(x) = \begin{cases} 2x & 0 \le x \le \tfrac12 \\ 2(1 - x) & \tfrac12 \le x \le 1 \\ 0 & \text{otherwise} \end{cases} \;=\; \mathrm{ReLU}\big(-\mathrm{ReLU}(2x - 1) - \mathrm{ReLU}(1 - 2x) + 1\big)");
        md.Paragraph("The seed's reasoning: ReLU(2x − 1) + ReLU(1 − 2x) = |2x − 1| is a V with its tip at ½; flipped and lifted by 1 it is 1 − |2x − 1|, " +
                     "which is the triangle on [0, 1] and negative outside; the outer ReLU cuts the negative part to 0. Exercise 9, the soft threshold:");
        md.DisplayMath(@"g(x) = \max(|x| - s, 0)\,\operatorname{sign}(x) \;=\; \mathrm{ReLU}(x - s) - \mathrm{ReLU}(-x - s)");
        md.Paragraph("Here s = 0.5. Both are checked on a dense grid in [−1, 2] against the definitions, and differentiated at every kink.");

        md.Heading(2, "The C# you write");
        md.Paragraph("`Lessons/ReluConstructions/Relu.Student.cs`, verbatim. `TriangleWithMax` is the same triangle with ReLU written as `Math.Max(0, ·)`, to show that the two spellings differ at the kinks:");
        md.CodeBlock("csharp", StudentSource);

        md.Heading(2, "What the generator wrote");
        var file = GeneratedSource.FindFileContaining("TriangleGradient(");
        var excerpt = file is null ? null : GeneratedSource.ExtractMember(File.ReadAllText(file), "TriangleGradient(");
        if (excerpt is null) md.Paragraph("The generated file was not found next to this build (press F12 on `TriangleGradient`).");
        else
        {
            md.Paragraph("`TriangleGradient`: each ReLU's local derivative is an indicator, 1 when its argument is > 0 and 0 otherwise (also at 0):");
            md.CodeBlock("csharp", excerpt);
        }

        var tTrace = Relu.TriangleTrace(0.25);
        md.Heading(2, "The computation graph");
        md.Paragraph("The triangle at x = 0.25, with values and adjoints:");
        md.Mermaid(TraceGraph.Mermaid(tTrace));
        md.Heading(2, "Forward pass");
        md.ForwardTable(tTrace);
        md.Heading(2, "Backward pass");
        md.BackwardTable(tTrace);
        md.Paragraph($"df/dx at 0.25 is {Num.Sig(tTrace.Inputs[0].Gradient ?? double.NaN)}: the slope 2 of the rising edge. ReLU(2x − 1) is off (its indicator is 0), so no gradient flows through it.");

        md.Heading(2, "Agreement with the definitions on a dense grid");
        md.Table(["function", "grid", "points", "points that differ", "max |difference|", "gradient points (kinks excluded)", "gradient ≠ slope"],
            comparisons.Select(c => (IReadOnlyList<string>)[c.Function, c.Grid, c.Points.ToString(), c.Differing.ToString(), Num.Sig(c.MaxDifference, 3),
                c.GradientPoints.ToString(), c.GradientDiffering.ToString()]),
            [Align.Left, Align.Left, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right]);
        var tdec = comparisons.First(c => c.Function == "triangle" && c.Grid.StartsWith("decimal", StringComparison.Ordinal));
        md.Paragraph("On the dyadic grid (x = −1 + k·2⁻¹⁰) every x, 2x, 2x − 1 and 1 − 2x is an exact binary fraction, so both constructions compute " +
                     "exactly the definition: **zero** points differ. On the decimal grid (x = −1 + k/1000) most x are not representable; " +
                     $"1 − 2x is then rounded and 1 − (1 − 2x) need not give back 2x: {tdec.Differing} of {tdec.Points} triangle values differ from 2x by " +
                     $"at most {Num.Sig(tdec.MaxDifference, 3)} (2⁻⁵³ ≈ 1.1e-16, half an ulp of 1). The construction is exact; the arithmetic is not. " +
                     "The soft threshold has no such cancellation: x − s and −x − s are rounded the same way as |x| − s, so it agrees everywhere. " +
                     "Away from the kinks the generated derivative equals the slope of the piece (2, −2, 0; 1, 0) at every grid point.");
        md.Paragraph($"![The two constructions over their piecewise definitions]({figures["functions"]})");
        md.Paragraph($"![Their derivatives from the generated code]({figures["gradients"]})");

        md.Heading(2, "The gradient at each kink");
        md.Paragraph("At a kink the function has no derivative; autodiff must still return a number. docs/generator.md documents the rules " +
                     "(the same as PyTorch's): `StableMath.Relu`′(0) = 0, and `Math.Max(a, b)` gives ½ to each argument when a = b. Central " +
                     "differences, knowing nothing of rules, return the average of the one-sided slopes:");
        md.Table(["function", "x", "left slope", "right slope", "generated (StableMath.Relu)", "generated (Math.Max)", "central difference"],
            kinks.Select(k => (IReadOnlyList<string>)[k.Function, Num.Sig(k.X), Num.Sig(k.Left), Num.Sig(k.Right), Num.Sig(k.ReluGradient),
                k.MaxGradient is double m ? Num.Sig(m) : "—", Num.Sig(k.Central, 6)]),
            [Align.Left, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Right]);
        md.Paragraph("With `StableMath.Relu` every kink gets gradient 0. Why, step by step, at x = ½: 2x − 1 = 0 and 1 − 2x = 0, so both inner " +
                     "indicators are 0 and no gradient reaches x, whatever the outer ReLU does. At x = 0: the outer argument is −0 − 1 + 1 = 0, so " +
                     "the outer indicator is 0 and stops everything. At x = 1 likewise. For the soft threshold at x = ±s one ReLU has argument 0 " +
                     "and the other a negative one. Each 0 lies between the left and right slopes, so it is a valid subgradient of these " +
                     "particular functions (at ½, of the concave triangle, any value in [−2, 2] is a supergradient).");
        md.Paragraph("With `Math.Max` the same triangle gets other numbers at 0 and 1: there the outer Max has a tie (0 = 0) and passes ½ of the " +
                     "inner slope, giving the average of the one-sided slopes — the same as central differences. Same function, same values, " +
                     "different derivative at a single point: the value at a kink is a convention, not mathematics, and it is worth knowing which one your tool uses.");

        md.Heading(2, "What this teaches");
        md.Bullets([
            "Any piecewise-linear function is a sum of shifted, scaled ReLUs: each kink needs one unit, and an outer ReLU clips.",
            "Checking a construction on a grid should use exactly representable points if you want exact equality; on decimal points expect rounding at the level of 2⁻⁵³.",
            "At a kink, autodiff returns a convention (here ReLU′(0) = 0); `Math.Max` with its ½ rule gives a different, equally valid, number.",
        ]);

        md.Heading(2, "Checks");
        md.Table(["check", "expected", "actual", "result"],
            checks.Select(c => (IReadOnlyList<string>)[c.Name, Num.Sig(c.Expected, 6), Num.Sig(c.Actual, 6), c.Passed ? "pass" : "**FAIL**"]),
            [Align.Left, Align.Right, Align.Right, Align.Left]);
        return md.ToString();
    }
}
