using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Tutor.Lessons.Reports;
using Tutor.Tensors;
using Tutor.Training;
using static Tutor.Lessons.Reports.MarkdownWriter;

namespace Tutor.Lessons.GdClosedForm;

/// <summary>
/// Seed 001 P5: gradient descent on least squares, against its closed form w_k = (I − αXᵀX)^k w0 + α Σ_{i&lt;k} (I − αXᵀX)^i Xᵀy,
/// the minimiser (XᵀX)⁻¹Xᵀy, and the step-size bound 2/λmax.
/// </summary>
[Lesson(12)]
public sealed class GdClosedFormLesson : ILesson
{
    public const string StudentFile = "LeastSquares.Student.cs";
    public const int Rows = 50, Columns = 5;
    public static readonly int[] Ks = [1, 2, 10, 100];
    public static readonly double[] Fractions = [0.5, 0.9, 0.99, 1.01, 1.1];
    public const int LongRun = 1000;
    public const double Tolerance = 1e-10;

    public string Id => "gd-closed-form";
    public string Title => "Gradient descent on least squares, in closed form";
    public string Description => "Seed 001 P5: GD iterates vs (I − αXᵀX)^k w0 + α Σ (I − αXᵀX)^i Xᵀy, convergence below 2/λmax and divergence above.";

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed);
        var r = random.Fork("data");
        var x = new double[Rows * Columns];
        for (int i = 0; i < x.Length; i++) x[i] = r.NextNormal();
        var wTrue = Enumerable.Range(0, Columns).Select(_ => r.NextNormal()).ToArray();
        var y = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            double s = 0.1 * r.NextNormal();
            for (int k = 0; k < Columns; k++) s += x[i * Columns + k] * wTrue[k];
            y[i] = s;
        }
        var w0 = Enumerable.Range(0, Columns).Select(_ => r.NextNormal()).ToArray();

        // The matrices, with the tensor runtime (CPU backend).
        var X = Tensor<double>.Matrix(Rows, Columns, x);
        var Y = Tensor<double>.Matrix(Rows, 1, y);
        var A = Ops.MatMulTransposeA(X, X);          // XᵀX, d × d
        var b = Ops.MatMulTransposeA(X, Y);          // Xᵀy, d × 1

        // Independent references from MathNet: eigenvalues of XᵀX and the least-squares solution by QR.
        var mX = Matrix<double>.Build.Dense(Rows, Columns, (i, k) => x[i * Columns + k]);
        var eig = (mX.TransposeThisAndMultiply(mX)).Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).Order().ToArray();
        double lambdaMax = eig[^1], lambdaMin = eig[0];
        var wStar = mX.QR().Solve(Vector<double>.Build.DenseOfArray(y)).ToArray();

        // The generated gradient against the closed form Xᵀ(Xw − y) at w0.
        var (_, g0) = LeastSquares.LossGradient(w0, x, y, Rows, Columns);
        var closedGradient = Ops.Sub(Ops.MatMul(A, Tensor<double>.Matrix(Columns, 1, w0)), b).ToArray();
        double gradientError = MaxAbs(g0, closedGradient) / g0.Max(Math.Abs);

        // Closed form vs gradient descent at α = 1/λmax.
        double alpha = 1 / lambdaMax;
        var closed = context.Device.Runtime is { } gpu   // --device gpu: the matrix powers on the device (GdClosedForm.Gpu.cs)
            ? GdClosedFormGpu.ClosedForm(gpu, A, b, w0, alpha, Ks)
            : ClosedForm(A, b, w0, alpha, Ks);
        var gd = new List<double[]>();
        var w = (double[])w0.Clone();
        for (int k = 1; k <= Ks.Max(); k++)
        {
            w = Step(w, x, y, alpha);
            if (Ks.Contains(k)) gd.Add((double[])w.Clone());
        }
        var kErrors = Ks.Select((k, i) => MaxAbs(closed[i], gd[i])).ToArray();

        // Convergence below 2/λmax, divergence just above.
        var curves = new List<(double Fraction, double[] Errors)>();
        foreach (var f in Fractions)
        {
            double a = f * 2 / lambdaMax;
            var errors = new double[LongRun + 1];
            var v = (double[])w0.Clone();
            errors[0] = Distance(v, wStar);
            using var bar = context.Progress($"α = {Num.Sig(f)} · 2/λmax", LongRun);
            for (int k = 1; k <= LongRun; k++) { v = Step(v, x, y, a); errors[k] = Distance(v, wStar); bar.Report(k); }
            curves.Add((f, errors));
        }

        var checks = new List<LessonCheck>();
        for (int i = 0; i < Ks.Length; i++)
            checks.Add(LessonSupport.AtMost($"max |closed-form w_{Ks[i]} − GD iterate w_{Ks[i]}|", Tolerance, kErrors[i]));
        checks.Add(LessonSupport.AtMost("generated gradient vs Xᵀ(Xw − y), relative", 1e-12, gradientError));
        foreach (var (f, errors) in curves)
            checks.Add(f < 1
                ? LessonSupport.AtMost($"‖w_{LongRun} − w*‖ for α = {Num.Sig(f)} · 2/λmax (converges)", 1e-6, errors[^1])
                : LessonSupport.AtLeast($"‖w_{LongRun} − w*‖ / ‖w_0 − w*‖ for α = {Num.Sig(f)} · 2/λmax (diverges)", 1e3, errors[^1] / errors[0]));
        clock.Stop();

        var md = Report(context, x, y, w0, wStar, eig, alpha, kErrors, closed, gd, g0, closedGradient, curves, checks, clock.Elapsed);
        var path = ReportFile.Write(context.PathFor(Id + ".md"), md, Title);
        var values = new Dictionary<string, double>
        {
            ["seed"] = context.Seed, ["lambda-max"] = lambdaMax, ["lambda-min"] = lambdaMin, ["gradient-error"] = gradientError,
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        for (int i = 0; i < Ks.Length; i++) values[$"k{Ks[i]}.max-abs-difference"] = kErrors[i];
        foreach (var (f, errors) in curves) values[$"fraction{f.ToString(CultureInfo.InvariantCulture)}.final-error"] = errors[^1];
        return new LessonResult
        {
            Id = Id,
            Headline = $"closed form = GD to {Num.Sci(kErrors.Max())} for k ∈ {{1, 2, 10, 100}}; λmax = {Num.Sig(lambdaMax, 6)}, converges at 0.99·2/λmax, diverges at 1.01·2/λmax",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    static double[] Step(double[] w, double[] x, double[] y, double alpha)
    {
        var (_, g) = LeastSquares.LossGradient(w, x, y, Rows, Columns);
        var next = new double[w.Length];
        for (int i = 0; i < w.Length; i++) next[i] = w[i] - alpha * g[i];
        return next;
    }

    /// <summary>w_k = M^k w0 + α Σ_{i&lt;k} M^i b with M = I − αA, by matrix products on the tensor runtime.</summary>
    public static List<double[]> ClosedForm(Tensor<double> A, Tensor<double> b, double[] w0, double alpha, int[] ks)
    {
        int d = A.Shape.Rows;
        var id = new double[d * d];
        for (int i = 0; i < d; i++) id[i * d + i] = 1;
        var identity = Tensor<double>.Matrix(d, d, id);
        var M = Ops.Sub(identity, Ops.Scale(A, alpha));
        var power = identity;                      // M^i
        var sum = Tensor<double>.Zeros(d, d);      // Σ_{j<i} M^j
        var W0 = Tensor<double>.Matrix(d, 1, w0);
        var result = new List<double[]>();
        for (int i = 1; i <= ks.Max(); i++)
        {
            sum = Ops.Add(sum, power);
            power = Ops.MatMul(power, M);
            if (ks.Contains(i))
                result.Add(Ops.Add(Ops.MatMul(power, W0), Ops.Scale(Ops.MatMul(sum, b), alpha)).ToArray());
        }
        return result;
    }

    static double MaxAbs(double[] a, double[] b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max();
    static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (p, q) => (p - q) * (p - q)).Sum());

    string Report(LessonContext context, double[] x, double[] y, double[] w0, double[] wStar, double[] eig, double alpha, double[] kErrors,
        List<double[]> closed, List<double[]> gd, double[] g0, double[] closedGradient, List<(double Fraction, double[] Errors)> curves,
        IReadOnlyList<LessonCheck> checks, TimeSpan elapsed)
    {
        var md = new MarkdownWriter();
        double lambdaMax = eig[^1];
        md.Heading(1, Title);
        md.Paragraph($"Lesson {Code(Id)} · seed {context.Seed.ToString(CultureInfo.InvariantCulture)} · float64 · matrix powers on the {context.Device.ReportLabel("tensor runtime's CPU backend")} · " +
                     $"took {elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s · generated by `tutor run {Id}`.");

        md.Heading(2, "The exercise");
        md.Paragraph("Seed 001, problem 5, works on paper: for the least-squares loss, find the gradient and the minimiser, write the first " +
                     "gradient-descent iterates in terms of α, w₀, X and y, generalise to w_k, and use that to show when gradient descent converges. " +
                     $"Here every step of that argument is run: on a random X ({Rows} × {Columns}, entries N(0, 1)), y = X w_true + 0.1·noise and a random w₀.");

        md.Heading(2, "The mathematics");
        md.DisplayMath(@"\mathcal{L}(w) = \tfrac{1}{2}\lVert Xw - y \rVert^2, \qquad \nabla \mathcal{L}(w) = X^\top (Xw - y), \qquad w^* = (X^\top X)^{-1} X^\top y");
        md.Paragraph("One step of gradient descent is affine in w, so the iterates unroll into a geometric sum (the seed proves it by induction):");
        md.DisplayMath(@"w_{k+1} = (I - \alpha X^\top X)\, w_k + \alpha X^\top y \quad\Longrightarrow\quad w_k = (I - \alpha X^\top X)^k w_0 + \alpha \sum_{i=0}^{k-1} (I - \alpha X^\top X)^i X^\top y");
        md.Paragraph($"The eigenvalues of {InlineMath(@"I - \alpha X^\top X")} are {InlineMath(@"1 - \alpha\lambda_j")}, with {InlineMath(@"\lambda_j")} those of {InlineMath(@"X^\top X")}. " +
                     $"When all have modulus below 1, that is when {InlineMath(@"0 < \alpha < 2/\lambda_{\max}")}, the first term vanishes and the sum tends to " +
                     $"{InlineMath(@"\alpha(\alpha X^\top X)^{-1} X^\top y = w^*")}. Just above the bound the top eigenvalue's mode has {InlineMath(@"\lvert 1 - \alpha\lambda_{\max} \rvert > 1")} and grows geometrically.");

        md.Heading(2, "The C# you write");
        md.Paragraph($"Only the loss; its gradient is generated. `Lessons/GdClosedForm/{StudentFile}`, verbatim:");
        md.CodeBlock("csharp", LessonSupport.StudentSource(StudentFile));
        md.Heading(2, "What the generator wrote");
        md.Paragraph("The backward sweep of `LossGradient` walks the rows last to first; each residual r's adjoint is r̄ = r + r (the two uses of r in `r * r`), " +
                     "and each weight collects r̄ · x_ik: that is Xᵀ(Xw − y), row by row.");
        var excerpt = LessonSupport.GeneratedExcerpt("LossGradient(double[] w, double[] x, double[] y, int n, int d)", "// Backward through the loop", 40);
        if (excerpt is not null) md.CodeBlock("csharp", excerpt);
        md.Table(["component", "generated ∂L/∂w at w₀", "Xᵀ(Xw₀ − y) (tensor runtime)"],
            g0.Select((g, i) => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), Num.Sig(g), Num.Sig(closedGradient[i])]),
            [Align.Right, Align.Right, Align.Right]);

        md.Heading(2, "The spectrum of XᵀX");
        md.Paragraph($"Eigenvalues (MathNet, symmetric eigendecomposition): {string.Join(", ", eig.Select(e => Num.Sig(e, 8)))}. " +
                     $"So {InlineMath(@"\lambda_{\max} = " + Num.Latex(lambdaMax, 10))} and the bound is {InlineMath(@"2/\lambda_{\max} = " + Num.Latex(2 / lambdaMax, 10))}; " +
                     $"the condition number is {Num.Sig(eig[^1] / eig[0], 4)}.");

        md.Heading(2, "Closed form against the iterates");
        md.Paragraph($"At {InlineMath(@"\alpha = 1/\lambda_{\max} = " + Num.Latex(alpha, 8))}, the closed form (matrix powers and the geometric sum, computed with `Ops.MatMul` on the tensor runtime) " +
                     "and k steps of gradient descent with the generated gradient:");
        md.Table(["k", "closed-form w_k", "gradient-descent w_k", "max abs difference", "tolerance"],
            Ks.Select((k, i) => (IReadOnlyList<string>)[k.ToString(CultureInfo.InvariantCulture), string.Join(", ", closed[i].Select(v => Num.Sig(v, 10))),
                string.Join(", ", gd[i].Select(v => Num.Sig(v, 10))), Num.Sci(kErrors[i]), Num.PowerOfTen(Tolerance)]),
            [Align.Right, Align.Left, Align.Left, Align.Right, Align.Right]);
        md.Paragraph($"The least-squares solution (MathNet QR, independent of both): w* = ({string.Join(", ", wStar.Select(v => Num.Sig(v, 10)))}); " +
                     $"after 100 steps the distance is {Num.Sci(Distance(gd[^1], wStar))}.");

        md.Heading(2, "Convergence and divergence around 2/λmax");
        var plot = new Plot();
        foreach (var (f, errors) in curves)
        {
            var xs = Enumerable.Range(0, errors.Length).Select(i => (double)i).ToArray();
            var line = plot.Add.ScatterLine(xs, errors.Select(e => Math.Log10(Math.Max(e, 1e-300))).ToArray());
            line.LegendText = $"α = {Num.Sig(f)} · 2/λmax";
        }
        plot.XLabel("iteration k");
        plot.YLabel("log10 ‖w_k − w*‖");
        plot.Title("Gradient descent on least squares");
        plot.ShowLegend();
        var svg = LessonSupport.Save(plot, context, Id, "convergence");
        md.Paragraph($"![Distance to the minimiser against iteration for five step sizes]({svg})");
        md.Table(["α / (2/λmax)", "α", InlineMath(@"\lvert 1 - \alpha\lambda_{\max} \rvert"), "‖w₀ − w*‖", $"‖w_{LongRun} − w*‖", "outcome"],
            curves.Select(c => (IReadOnlyList<string>)[Num.Sig(c.Fraction), Num.Sig(c.Fraction * 2 / lambdaMax, 8), Num.Sig(Math.Abs(1 - c.Fraction * 2), 4),
                Num.Sig(c.Errors[0], 6), Num.Sig(c.Errors[^1], 6), c.Errors[^1] < c.Errors[0] ? "converges" : "diverges"]),
            [Align.Right, Align.Right, Align.Right, Align.Right, Align.Right, Align.Left]);
        md.Paragraph($"At 0.99 · 2/λmax the top mode shrinks by |1 − 1.98| = 0.98 per step, slowly but surely; at 1.01 · 2/λmax it grows by 1.02 per step, " +
                     $"which after {LongRun} steps is a factor 1.02^{LongRun} ≈ {Num.Sig(Math.Pow(1.02, LongRun), 3)} — the same growth the curve shows.");

        md.Heading(2, "What it teaches");
        md.Bullets([
            "Gradient descent on a quadratic is a linear recurrence, so its whole trajectory has a closed form; the generated gradient reproduces it to rounding error (about 1e-15 here).",
            "The step size bound comes from the largest curvature alone: α < 2/λmax. The smallest eigenvalue sets how slowly the rest converges (the condition number).",
            "Crossing the bound by 1% turns convergence into geometric divergence; the TrainingMonitor's message 'the learning rate is likely above 2/λmax' is this lesson.",
        ]);
        md.Heading(2, "Checks");
        md.Table(["check", "expected", "actual", "result"],
            checks.Select(c => (IReadOnlyList<string>)[c.Name, Num.Sig(c.Expected), Num.Sig(c.Actual), c.Passed ? "pass" : "**FAIL**"]),
            [Align.Left, Align.Right, Align.Right, Align.Left]);
        return md.ToString();
    }
}
