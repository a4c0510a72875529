using System.Collections.Immutable;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Tutor.Generator.Tests.Harness;

/// <summary>What one run of the generator produced.</summary>
/// <param name="Sources">Generated sources, hint name → text, in hint-name order.</param>
/// <param name="GeneratorDiagnostics">Diagnostics the generator reported.</param>
/// <param name="OutputDiagnostics">The compiler's diagnostics for the input plus the generated sources.</param>
public sealed record GeneratorRun(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> OutputDiagnostics,
    Compilation Output,
    GeneratorDriver Driver)
{
    public GeneratorDriverRunResult RunResult => Driver.GetRunResult();

    public IEnumerable<Diagnostic> Errors => OutputDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Every generated source with line numbers, for failure messages.</summary>
    public string DescribeSources()
    {
        var sb = new StringBuilder();
        foreach (var (hint, text) in Sources)
        {
            sb.AppendLine($"===== {hint} =====");
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++) sb.Append((i + 1).ToString().PadLeft(4)).Append("  ").AppendLine(lines[i].TrimEnd('\r'));
        }
        if (Sources.Count == 0) sb.AppendLine("(the generator produced no source)");
        return sb.ToString();
    }
}

/// <summary>
/// Runs <c>DifferentiableGenerator</c> the way the compiler does, on C# text, and compiles and loads the result.
/// Every failure message carries the compiler errors and the generated source: that is what a generator author
/// reads first.
/// </summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        optimizationLevel: OptimizationLevel.Release,
        concurrentBuild: false);

    /// <summary>The framework (the runtime directory's trusted assemblies) plus Tutor.Runtime.</summary>
    public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), runtimeDir, StringComparison.Ordinal))
            .ToList();
        paths.Add(TutorRuntimePath);
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Tutor.Runtime.dll, copied next to the tests by the project reference.</summary>
    public static string TutorRuntimePath => Path.Combine(AppContext.BaseDirectory, "Tutor.Runtime.dll");

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Student" + Guid.NewGuid().ToString("N"),
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(SourceText.From(s, System.Text.Encoding.UTF8), ParseOptions, path: $"Student{i}.cs")),
            References.Value,
            CompilationOptions);

    public static IIncrementalGenerator CreateGenerator() => new DifferentiableGenerator();

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [CreateGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(params string[] sources) => Run(CreateCompilation(sources));

    public static GeneratorRun Run(Compilation input)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var sources = result.Results
            .SelectMany(r => r.GeneratedSources)
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorRun(sources, generatorDiagnostics, output.GetDiagnostics(), output, driver);
    }

    /// <summary>Runs the generator, asserts it did not throw, compiles its output and loads it.</summary>
    public static LoadedAssembly CompileAndLoad(params string[] sources)
    {
        var run = Run(sources);
        AssertNoGeneratorException(run);
        return Load(run);
    }

    public static void AssertNoGeneratorException(GeneratorRun run)
    {
        foreach (var r in run.RunResult.Results)
            if (r.Exception is not null)
                Assert.Fail($"The generator threw:\n{r.Exception}\n\n{run.DescribeSources()}");
        var internalErrors = run.GeneratorDiagnostics.Where(d => d.Id == "TUT0099" || d.Id == "CS8785").ToList();
        if (internalErrors.Count > 0)
            Assert.Fail($"The generator reported an internal error:\n{string.Join("\n", internalErrors)}\n\n{run.DescribeSources()}");
    }

    /// <summary>Emits the output compilation and loads it; fails with the errors and the generated source.</summary>
    public static LoadedAssembly Load(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        using var pdb = new MemoryStream();   // line numbers in stack traces, as a student's Debug or Release build has
        var emit = run.Output.Emit(stream, pdb, options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
        if (!emit.Success)
        {
            var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Concat(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
                .Distinct()
                .Take(40);
            Assert.Fail($"The generated code does not compile:\n{string.Join("\n", errors)}\n\n{run.DescribeSources()}");
        }
        stream.Position = 0;
        pdb.Position = 0;
        var context = new AssemblyLoadContext("Student", isCollectible: true);
        return new LoadedAssembly(context.LoadFromStream(stream, pdb), run);
    }
}
