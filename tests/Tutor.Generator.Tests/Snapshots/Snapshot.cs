using System.Text;
using Microsoft.CodeAnalysis;
using Tutor.Generator.Tests.Harness;

namespace Tutor.Generator.Tests.Snapshots;

/// <summary>The text a snapshot holds: every generated file, then the generator's diagnostics.</summary>
public static class Snapshot
{
    /// <summary>Generated source of a scenario that must compile cleanly.</summary>
    public static string OfGeneratedSource(string members)
    {
        string source = StudentSource.Class(members);
        var run = GeneratorHarness.Run(source);
        GeneratorHarness.AssertNoGeneratorException(run);
        GeneratorHarness.Load(run);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"Unexpected diagnostics:\n{string.Join("\n", run.GeneratorDiagnostics)}");
        return Text(run, source);
    }

    /// <summary>Generated source of a whole student file (for scenarios that need their own usings) that must compile cleanly.</summary>
    public static string OfGeneratedFile(string source)
    {
        var run = GeneratorHarness.Run(source);
        GeneratorHarness.AssertNoGeneratorException(run);
        GeneratorHarness.Load(run);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, $"Unexpected diagnostics:\n{string.Join("\n", run.GeneratorDiagnostics)}");
        return Text(run, source);
    }

    /// <summary>Diagnostics (id, severity, span, message) and whatever was generated, for a scenario that has errors.</summary>
    public static string OfDiagnostics(string members)
    {
        string source = StudentSource.Class(members);
        var run = GeneratorHarness.Run(source);
        GeneratorHarness.AssertNoGeneratorException(run);
        Assert.False(run.GeneratorDiagnostics.IsEmpty, "Expected diagnostics, the generator reported none.");
        return Text(run, source);
    }

    static string Text(GeneratorRun run, string source)
    {
        var sb = new StringBuilder();
        sb.AppendLine("// ===== diagnostics =====");
        if (run.GeneratorDiagnostics.IsEmpty) sb.AppendLine("// (none)");
        foreach (var d in run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
            sb.AppendLine($"// {Describe(d, source)}");
        foreach (var (hint, text) in run.Sources)
        {
            sb.AppendLine();
            sb.AppendLine($"// ===== {hint} =====");
            sb.Append(text.Replace("\r\n", "\n"));
            if (!text.EndsWith('\n')) sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>Id, severity, line span, the text under the span (from <paramref name="source"/>) and message.</summary>
    public static string Describe(Diagnostic d, string? source = null)
    {
        string where = "(no location)";
        if (d.Location.Kind is LocationKind.SourceFile or LocationKind.ExternalFile)
        {
            var line = d.Location.GetLineSpan();
            var span = d.Location.SourceSpan;
            string? text = d.Location.SourceTree?.GetText().ToString(span)
                ?? (source is not null && span.End <= source.Length ? source.Substring(span.Start, span.Length) : null);
            where = $"({line.StartLinePosition.Line + 1},{line.StartLinePosition.Character + 1})-({line.EndLinePosition.Line + 1},{line.EndLinePosition.Character + 1})"
                + (text is null ? "" : $" '{text}'");
        }
        return $"{d.Id} {d.Severity} {where}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
