using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.Diagnostics;

/// <summary>Whatever a student types, the generator reports or stays silent; it never throws.</summary>
public class RobustnessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string, string> WeirdInputs => new()
    {
        { "empty body", StudentSource.Class("[Differentiable] public static double F(double x) { }") },
        { "empty expression", StudentSource.Class("[Differentiable] public static double F(double x) => ;") },
        { "syntax error", StudentSource.Class("[Differentiable] public static double F(double x) => (x + ;") },
        { "no body", StudentSource.Class("[Differentiable] public static partial double F(double x);") },
        { "missing usings", "namespace Demo; public static partial class C { [Tutor.Differentiable] public static double F(double x) => Math.Exp(x); }" },
        { "attribute without using", "namespace Demo; public static partial class C { [Differentiable] public static double F(double x) => x; }" },
        { "unknown identifier", StudentSource.Class("[Differentiable] public static double F(double x) => x * y + Foo(x);") },
        { "unknown type", StudentSource.Class("[Differentiable] public static double F(Vector3 v, double x) => x;") },
        { "named like a generated member", StudentSource.Class("[Differentiable] public static double FGradient(double x) => x; [Differentiable] public static double F(double x) => x;") },
        { "generated name of a generated name", StudentSource.Class("[Differentiable] public static double F(double x) => x; [Differentiable] public static double FJvp(double x) => x;") },
        { "recursion", StudentSource.Class("[Differentiable] public static double F(double x) => x < 1 ? x : F(x / 2);") },
        { "mutual recursion", StudentSource.Class("[Differentiable] public static double F(double x) => x < 1 ? x : G(x / 2); [Differentiable] public static double G(double x) => F(x) * 2;") },
        { "instance method", "using Tutor; namespace Demo; public partial class C { [Differentiable] public double F(double x) => x; }" },
        { "not partial", "using Tutor; namespace Demo; public static class C { [Differentiable] public static double F(double x) => x; }" },
        { "generic", StudentSource.Class("[Differentiable] public static T F<T>(T x) => x;") },
        { "returns int", StudentSource.Class("[Differentiable] public static int F(double x) => (int)x;") },
        { "nested types", "using Tutor; namespace Demo; public static partial class Outer { public static partial class Inner { [Differentiable] public static double F(double x) => x * x; } }" },
        { "global namespace", "using System; using Tutor; public static partial class C { [Differentiable] public static double F(double x) => Math.Sin(x); }" },
        { "struct and record", "using Tutor; namespace Demo; public partial struct S { [Differentiable] public static double F(double x) => x; } public partial record R { [Differentiable] public static double G(double x) => x; }" },
        { "throw expression", StudentSource.Class("[Differentiable] public static double F(double x) => x > 0 ? x : throw new ArgumentException();") },
        { "switch expression", StudentSource.Class("[Differentiable] public static double F(double x) => x switch { > 0 => x, _ => -x };") },
        { "local function", StudentSource.Class("[Differentiable] public static double F(double x) { double Sq(double t) => t * t; return Sq(x); }") },
        { "tuple deconstruction", StudentSource.Class("[Differentiable] public static double F(double x, double y) { var (a, b) = (x, y); return a * b; }") },
        { "casts and checked", StudentSource.Class("[Differentiable] public static double F(double x) => checked((double)(float)x + (int)x);") },
        { "string interpolation effect", StudentSource.Class("[Differentiable] public static double F(double x) { Console.WriteLine($\"x = {x}\"); return x; }") },
        { "default and optional", StudentSource.Class("[Differentiable] public static double F(double x, double y = 2) => x * y + default(double);") },
        { "increment", StudentSource.Class("[Differentiable] public static double F(double x) { double s = x; s++; --s; return s * s; }") },
        { "unreachable after return", StudentSource.Class("[Differentiable] public static double F(double x) { return x; x = 2; }") },
        { "try catch", StudentSource.Class("[Differentiable] public static double F(double x) { try { return x; } catch { return 0; } }") },
        { "using and lock", StudentSource.Class("[Differentiable] public static double F(double x) { lock (typeof(Formulas)) { return x; } }") },
        { "ref local", StudentSource.Class("[Differentiable] public static double F(double x) { ref double r = ref x; r = r * 2; return r; }") },
        { "struct field", "using System; using Tutor; namespace Demo; public struct P { public double V; } public static partial class C { [Differentiable] public static double F(double x) { var p = new P { V = x }; return p.V * 2; } }" },
        { "decimal and long", StudentSource.Class("[Differentiable] public static double F(double x, long n, decimal m) => x * n * (double)m;") },
        { "NaN and infinity literals", StudentSource.Class("[Differentiable] public static double F(double x) => x * double.NaN + double.PositiveInfinity;") },
        { "unicode names", StudentSource.Class("[Differentiable] public static double Fλ(double α, double β) => α * Math.Exp(β);") },
        { "verbatim keyword names", StudentSource.Class("[Differentiable] public static double @double(double @in, double @out) => @in * @out;") },
        { "conflicting param names", StudentSource.Class("[Differentiable] public static double F(double Value, double dx, double xDot, double t0) => Value * dx * xDot * t0;") },
        { "deep nesting", StudentSource.Class("[Differentiable] public static double F(double x) => " + string.Concat(Enumerable.Repeat("Math.Sin(", 200)) + "x" + new string(')', 200) + ";") },
        { "long sum", StudentSource.Class("[Differentiable] public static double F(double x) => " + string.Join(" + ", Enumerable.Range(0, 150).Select(i => $"x * {i}")) + ";") },
    };

    [Theory]
    [MemberData(nameof(WeirdInputs))]
    public void The_generator_never_throws(string what, string source)
    {
        var run = GeneratorHarness.Run(source);
        foreach (var d in run.GeneratorDiagnostics) output.WriteLine(Snapshots.Snapshot.Describe(d, source));
        var thrown = run.RunResult.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null);
        Assert.True(thrown is null, $"{what}: the generator threw {thrown}");
        var internalErrors = run.GeneratorDiagnostics.Concat(run.OutputDiagnostics).Where(d => d.Id is "TUT0099" or "CS8785" or "AD0001").ToList();
        Assert.True(internalErrors.Count == 0, $"{what}: {string.Join("\n", internalErrors)}\n\n{run.DescribeSources()}");
    }

    /// <summary>Inputs that are valid C# and differentiable must also produce code that compiles.</summary>
    [Theory]
    [InlineData("nested types", "using Tutor; namespace Demo; public static partial class Outer { public static partial class Inner { [Differentiable] public static double F(double x) => x * x; } }")]
    [InlineData("global namespace", "using System; using Tutor; public static partial class C { [Differentiable] public static double F(double x) => Math.Sin(x); }")]
    [InlineData("internal class", "using Tutor; namespace Demo; internal static partial class C { [Differentiable] internal static double F(double x) => x * x; }")]
    [InlineData("conflicting param names", "using Tutor; namespace Demo; public static partial class C { [Differentiable] public static double F(double Value, double dx, double xDot, double t0) => Value * dx * xDot * t0; }")]
    [InlineData("unicode names", "using System; using Tutor; namespace Demo; public static partial class C { [Differentiable] public static double Fλ(double α, double β) => α * Math.Exp(β); }")]
    [InlineData("verbatim keyword names", "using Tutor; namespace Demo; public static partial class C { [Differentiable] public static double Mul(double @in, double @out) => @in * @out; }")]
    [InlineData("file-scoped usings elsewhere", "namespace Demo { using System; using Tutor; public static partial class C { [Differentiable] public static double F(double x) => Math.Exp(x); } }")]
    [InlineData("parameters named like generated tangents and adjoints", "using System; using Tutor; namespace Demo; public static partial class C { [Differentiable] public static double F(double x, double xDot, double xBar) => x * xDot + Math.Exp(xBar) * x; }")]
    [InlineData("recursion", "using Tutor; namespace Demo; public static partial class C { [Differentiable] public static double F(double x) => x < 1 ? x : F(x / 2); }")]
    public void Valid_differentiable_input_compiles(string what, string source)
    {
        _ = what;
        GeneratorHarness.CompileAndLoad(source);
    }
}
