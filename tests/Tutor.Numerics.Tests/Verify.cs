using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Tutor.CodeFixes.Numerics;
using Tutor.Generator.Numerics;

namespace Tutor.Numerics.Tests;

/// <summary>
/// Runs <see cref="NumericsAnalyzer"/> and <see cref="NumericsCodeFixProvider"/> over test sources. Sources use
/// <c>{|NUM0001:…|}</c> markup; every source starts with <see cref="Usings"/>.
/// </summary>
static class Verify
{
    public const string Usings = "using System;\nusing System.Linq;\nusing Tutor;\n\n";

    /// <summary>The analyzer finds exactly the marked diagnostics.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<NumericsAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        TestReferences.AddTo(test.TestState);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Nothing is reported.</summary>
    public static Task CleanAsync(string source) => AnalyzerAsync(source);

    /// <summary>
    /// Each marked diagnostic is fixed one by one and, separately, by Fix All in document, project and solution
    /// scope; both must give <paramref name="fixedSource"/>. <paramref name="usings"/> and <paramref name="fixedUsings"/> replace the default header.
    /// </summary>
    public static Task FixAsync(string source, string fixedSource, string? usings = null, string? fixedUsings = null)
    {
        var test = new CSharpCodeFixTest<NumericsAnalyzer, NumericsCodeFixProvider, DefaultVerifier>
        {
            TestCode = (usings ?? Usings) + source,
            FixedCode = (fixedUsings ?? usings ?? Usings) + fixedSource,
        };
        TestReferences.AddTo(test.TestState);
        TestReferences.AddTo(test.FixedState);
        return test.RunAsync();
    }

    /// <summary>The diagnostic is reported but offers no fix (the source stays as it is).</summary>
    public static Task NoFixAsync(string source)
    {
        var test = new CSharpCodeFixTest<NumericsAnalyzer, NumericsCodeFixProvider, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + source,
        };
        TestReferences.AddTo(test.TestState);
        return test.RunAsync();
    }

    /// <summary>An .editorconfig line raises or lowers the rules; the diagnostic must come out with that severity.</summary>
    public static Task WithEditorConfigAsync(string source, string editorConfigLine, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<NumericsAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        TestReferences.AddTo(test.TestState);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfigLine + "\n"));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) =>
        new DiagnosticResult(id, severity);
}
