using Tutor.Generator.Numerics;

namespace Tutor.Numerics.Tests;

/// <summary>Every rule has its page in docs/rules, a row in the index, the category Numerics and a help link to its page.</summary>
public class DocumentationTests
{
    static readonly string RulesDirectory = Path.Combine(FindRepositoryRoot(), "docs", "rules");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in new NumericsAnalyzer().SupportedDiagnostics)
            data.Add(descriptor.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_page_index_row_and_help_link(string id)
    {
        var descriptor = new NumericsAnalyzer().SupportedDiagnostics.Single(d => d.Id == id);
        Assert.Equal("Numerics", descriptor.Category);
        Assert.Equal($"https://github.com/tutor-autograd/tutor/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var page = Path.Combine(RulesDirectory, id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        Assert.StartsWith("# " + id, File.ReadAllText(page));
        Assert.Contains($"[{id}]({id}.md)", File.ReadAllText(Path.Combine(RulesDirectory, "README.md")));
    }

    [Fact]
    public void Ids_are_unique_and_numbered_from_one()
    {
        var ids = new NumericsAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"NUM{i:D4}"), ids.Order());
    }

    static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Tutor.sln")))
                return directory.FullName;
        throw new InvalidOperationException("Tutor.sln not found above " + AppContext.BaseDirectory);
    }
}
