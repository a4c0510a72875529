using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Tutor.Generator.Analyzers;

namespace Tutor.Analyzers.Tests;

/// <summary>Runs <see cref="DeclarationAnalyzer"/> (and a fixer) over test sources with the offline references.</summary>
static class Verify
{
    /// <summary>The usings every test source starts with, so the snippets stay short.</summary>
    public const string Usings = "using System;\nusing Tutor;\n\n";

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<DeclarationAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<DeclarationAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        TestReferences.AddTo(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task CodeFixAsync<TFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new() =>
        CodeFixAsync<TFix>([source], [fixedSource], expected);

    /// <summary>One or more documents; every fixable diagnostic is fixed one by one and, separately, by Fix All.</summary>
    public static Task CodeFixAsync<TFix>(string[] sources, string[] fixedSources, params DiagnosticResult[] expected)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<DeclarationAnalyzer, TFix, DefaultVerifier>();
        foreach (var source in sources)
            test.TestState.Sources.Add(Usings + source);
        foreach (var fixedSource in fixedSources)
            test.FixedState.Sources.Add(Usings + fixedSource);
        TestReferences.AddTo(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
