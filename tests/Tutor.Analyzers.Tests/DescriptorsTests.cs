using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Tutor.Generator.Analyzers;

namespace Tutor.Analyzers.Tests;

/// <summary>The catalogue of TUT diagnostics agrees with its help links, its docs and the release-tracking files.</summary>
public partial class DescriptorsTests
{
    static readonly DiagnosticDescriptor[] All = typeof(DeclarationAnalyzer).Assembly
        .GetType("Tutor.Generator.Diagnostics.Descriptors", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void CatalogueHasDistinctTutIds()
    {
        Assert.NotEmpty(All);
        Assert.All(All, d => Assert.Matches("^TUT[0-9]{4}$", d.Id));
        Assert.Equal(All.Length, All.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void EveryHelpLinkPointsAtItsOwnAnchor() =>
        Assert.All(All, d => Assert.EndsWith("#" + d.Id.ToLowerInvariant(), d.HelpLinkUri, StringComparison.Ordinal));

    [Fact]
    public void EveryRuleIsInTheUnshippedReleaseWithItsCategoryAndSeverity()
    {
        var path = Path.Combine(RepositoryRoot(), "Generator", "Tutor.Generator", "AnalyzerReleases.Unshipped.md");
        var rows = File.ReadLines(path)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(cells => cells.Length >= 3 && cells[0].StartsWith("TUT", StringComparison.Ordinal))
            .ToDictionary(cells => cells[0], cells => (Category: cells[1], Severity: cells[2]));
        Assert.Equal(All.Select(d => d.Id).Order(), rows.Keys.Order());
        Assert.All(All, d => Assert.Equal((d.Category, d.DefaultSeverity.ToString()), rows[d.Id]));
    }

    [Fact]
    public void EveryRuleHasAHeadingInTheGeneratorDocs()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "generator.md"));
        var anchors = Headings().Matches(markdown).Select(m => GitHubSlug(m.Groups[1].Value))
            .Concat(ExplicitAnchors().Matches(markdown).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(All, d => Assert.Contains(d.Id.ToLowerInvariant(), anchors));
    }

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens.</summary>
    static string GitHubSlug(string heading) =>
        new string(heading.Trim().ToLowerInvariant()
            .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')
            .Select(c => c == ' ' ? '-' : c)
            .ToArray());

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Headings();

    [GeneratedRegex(@"<a\s+(?:id|name)=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitAnchors();

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("No Directory.Packages.props above " + AppContext.BaseDirectory);
    }
}
