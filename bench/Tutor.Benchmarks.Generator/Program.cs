using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Tutor.Generator;

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);

/// <summary>
/// How long the generator takes on a file with 200 [Differentiable] methods (a mix of formulas, branches and loops),
/// from scratch and after an unrelated edit (which the incremental pipeline should make nearly free).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    CSharpCompilation compilation = null!;
    GeneratorDriver warm = null!;
    SyntaxTree unrelated = null!;

    [GlobalSetup]
    public void Setup()
    {
        var source = new StringBuilder("using System; using Tutor; namespace Bench; public static partial class Many {\n");
        for (int i = 0; i < 200; i++)
        {
            source.AppendLine((i % 3) switch
            {
                0 => $"[Differentiable] public static double F{i}(double x, double y) => (x + Math.Exp(y * {i % 7 + 1})) / (Math.Log(x) + Math.Pow(x - y, 3)) + Math.Tanh(x * y);",
                1 => $"[Differentiable] public static double F{i}(double x, double y) {{ var s = x * y; if (s > {i}) s = Math.Sqrt(s); else s = -s * x; return s + Math.Max(x, y); }}",
                _ => $"[Differentiable] public static double F{i}(double[] w, double b) {{ double s = b; for (int k = 0; k < w.Length; k++) s += Math.Sin(w[k] * {i}) * w[k]; return s; }}",
            });
        }
        source.Append('}');
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p)).Append(MetadataReference.CreateFromFile(typeof(Tutor.DifferentiableAttribute).Assembly.Location));
        compilation = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText(source.ToString()) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        warm = CSharpGeneratorDriver.Create(new DifferentiableGenerator()).RunGenerators(compilation);
        unrelated = CSharpSyntaxTree.ParseText("namespace Bench; public static class Other { public static int Answer => 42; }");
        var generated = warm.GetRunResult().GeneratedTrees.Length;
        if (generated != 200) throw new InvalidOperationException($"expected 200 generated files, got {generated}");
    }

    [Benchmark(Baseline = true)]
    public int FromScratch() => CSharpGeneratorDriver.Create(new DifferentiableGenerator()).RunGenerators(compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int AfterUnrelatedEdit() => warm.RunGenerators(compilation.AddSyntaxTrees(unrelated)).GetRunResult().GeneratedTrees.Length;
}
