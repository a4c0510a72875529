using System.Text;
using Tutor.Generator.Tests.Harness;
using Tutor.Generator.Tests.Oracles;

namespace Tutor.Generator.Tests.Properties;

/// <summary>What went wrong with one tree: the generated member's answer against complex step's.</summary>
public sealed record TreeFailure(TreeCase Case, string What)
{
    public override string ToString() => $"{Case}\n    {What}";
}

/// <summary>
/// Many trees compiled as one class (one compilation per batch: compiling dominates), each checked through
/// its generated Gradient and Jvp against complex step.
/// </summary>
public static class TreeBatch
{
    public const double Tolerance = 1e-10;
    const string Type = "Demo.Batch";

    static int checkedCount, skippedCount;

    /// <summary>Trees compared so far, and trees skipped because the function overflowed at the point.</summary>
    public static (int Checked, int Skipped) Counts => (Volatile.Read(ref checkedCount), Volatile.Read(ref skippedCount));

    /// <summary>Float trees are compared to the double complex step with this (scale-aware) tolerance.</summary>
    public const double SingleTolerance = 1e-3;

    public static string Source(IReadOnlyList<TreeCase> cases, bool single = false)
    {
        var members = new StringBuilder();
        for (int i = 0; i < cases.Count; i++) members.AppendLine(cases[i].Method("T" + i, single)).AppendLine();
        return StudentSource.Class(members.ToString(), "Batch");
    }

    /// <summary>The failures in the batch (one per failing tree). Compile errors and generator exceptions throw.</summary>
    public static List<TreeFailure> Failures(IReadOnlyList<TreeCase> cases, bool single = false)
    {
        var assembly = GeneratorHarness.CompileAndLoad(Source(cases, single));
        var failures = new List<TreeFailure>();
        for (int i = 0; i < cases.Count; i++)
            if (Check(assembly, "T" + i, cases[i], single ? SingleTolerance : Tolerance) is { } what) failures.Add(new TreeFailure(cases[i], what));
        return failures;
    }

    static string? Check(LoadedAssembly assembly, string name, TreeCase c, double tolerance)
    {
        var vars = TreeCase.Vars;
        double value = Derivatives.Value(c.Tree, vars, c.Point);
        var expected = Derivatives.ComplexStepGradient(c.Tree, vars, c.Point);
        double expectedTangent = Derivatives.ComplexStepDirectional(c.Tree, vars, c.Point, c.Direction);
        if (!double.IsFinite(value) || expected.Any(g => !double.IsFinite(g)) || !double.IsFinite(expectedTangent)
            || (tolerance > Tolerance && new[] { value, expectedTangent }.Concat(expected).Any(v => Math.Abs(v) > 1e30)))
        {
            Interlocked.Increment(ref skippedCount);
            return null;
        }
        Interlocked.Increment(ref checkedCount);

        object[] point = [.. c.Point.Select(p => (object)p)];
        double[] gradient, jvp;
        try
        {
            gradient = assembly.CallTuple(Type, name + "Gradient", point);
            jvp = assembly.CallTuple(Type, name + "Jvp", [.. point, .. c.Direction.Select(d => (object)d)]);
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().Name}: {e.Message}";
        }
        if (gradient.Length != 4) return $"Gradient returned {gradient.Length} values, expected 4";
        string[] labels = ["Value", "∂x", "∂y", "∂z"];
        double[] want = [value, .. expected];
        for (int k = 0; k < 4; k++)
            if (!Derivatives.Close(gradient[k], want[k], tolerance))
                return $"Gradient {labels[k]} = {gradient[k]:R}, complex step {want[k]:R}";
        if (!Derivatives.Close(jvp[0], value, tolerance)) return $"Jvp Value = {jvp[0]:R}, expected {value:R}";
        if (!Derivatives.Close(jvp[1], expectedTangent, tolerance)) return $"Jvp Tangent = {jvp[1]:R}, complex step {expectedTangent:R}";
        return null;
    }

    /// <summary>
    /// Greedy structural shrinking of one failing tree: each round compiles every one-step simplification
    /// (a node replaced by a child, by x, or by 1) in a single batch and keeps the smallest that still fails.
    /// </summary>
    public static TreeFailure Shrink(TreeFailure failure, bool single = false, int maxRounds = 12)
    {
        for (int round = 0; round < maxRounds; round++)
        {
            var candidates = Simplifications(failure.Case.Tree).Distinct()
                .Where(t => t.Size < failure.Case.Tree.Size)
                .Select(t => failure.Case with { Tree = t })
                .Take(120).ToList();
            if (candidates.Count == 0) break;
            List<TreeFailure> failing;
            try { failing = Failures(candidates, single); }
            catch { break; }
            var smallest = failing.OrderBy(f => f.Case.Tree.Size).FirstOrDefault();
            if (smallest is null) break;
            failure = smallest;
        }
        return failure;
    }

    static IEnumerable<Expr> Simplifications(Expr e)
    {
        foreach (var child in e.Children) yield return child;
        if (e is not Expr.Var) yield return Expr.X;
        if (e is not Expr.Const) yield return 1.0;
        switch (e)
        {
            case Expr.Neg n:
                foreach (var a in Simplifications(n.A)) yield return new Expr.Neg(a);
                break;
            case Expr.Bin b:
                foreach (var a in Simplifications(b.A)) yield return b with { A = a };
                foreach (var a in Simplifications(b.B)) yield return b with { B = a };
                break;
            case Expr.Call c:
                for (int i = 0; i < c.Args.Length; i++)
                    foreach (var a in Simplifications(c.Args[i]))
                    {
                        var args = (Expr[])c.Args.Clone();
                        args[i] = a;
                        yield return c with { Args = args };
                    }
                break;
        }
    }
}
