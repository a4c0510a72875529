using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Tutor.Lessons.Reports;

namespace Tutor.Lessons.Tests;

/// <summary>Structural checks every report must pass, made on the Markdig syntax tree of the report.</summary>
public static class ReportStructure
{
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, ReportFile.Pipeline);

    /// <summary>Every table's source lines (header, delimiter row, body rows) have as many cells as the header.</summary>
    public static void AssertTablesAreRectangular(string markdown)
    {
        var tables = Parse(markdown).Descendants<Table>().ToList();
        foreach (var table in tables)
        {
            var lines = markdown.Substring(table.Span.Start, table.Span.Length).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length >= 2, $"Table at line {table.Line + 1} has no delimiter row.");
            int header = CountCells(lines[0]);
            foreach (var line in lines)
                Assert.True(CountCells(line) == header, $"Table at line {table.Line + 1}: '{line}' has {CountCells(line)} cells, the header has {header}.");
            foreach (var row in table.OfType<TableRow>())
                Assert.Equal(header, row.Count);
        }
    }

    /// <summary>Every <c>$</c> opened a math span that closed: no literal text keeps a dollar sign.</summary>
    public static void AssertMathCloses(string markdown)
    {
        var document = Parse(markdown);
        foreach (var literal in document.Descendants<LiteralInline>())
            Assert.False(literal.Content.ToString().Contains('$'), $"Unclosed math near line {literal.Line + 1}: '{literal.Content}'");
        foreach (var block in document.Descendants<MathBlock>())
        {
            var source = markdown.Substring(block.Span.Start, block.Span.Length).Trim();
            Assert.True(source.StartsWith("$$", StringComparison.Ordinal) && source.EndsWith("$$", StringComparison.Ordinal) && source.Length > 4,
                $"Display math at line {block.Line + 1} does not close.");
        }
    }

    public static IReadOnlyList<string> Headings(string markdown) =>
        [.. Parse(markdown).Descendants<HeadingBlock>().Select(h => string.Concat(h.Inline!.Descendants<LiteralInline>().Select(l => l.Content.ToString())))];

    public static IReadOnlyList<FencedCodeBlock> CodeBlocks(string markdown, string info) =>
        [.. Parse(markdown).Descendants<FencedCodeBlock>().Where(b => b.Info == info)];

    public static int MathSpans(string markdown) =>
        Parse(markdown).Descendants<MathInline>().Count() + Parse(markdown).Descendants<MathBlock>().Count();

    /// <summary>The cells of a table source line: split on pipes that are not escaped, minus the outer ones.</summary>
    public static int CountCells(string line)
    {
        var t = line.Trim();
        int pipes = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] == '\\') { i++; continue; }
            if (t[i] == '|') pipes++;
        }
        if (t.StartsWith('|')) pipes--;
        if (t.EndsWith('|') && !t.EndsWith("\\|", StringComparison.Ordinal)) pipes--;
        return pipes + 1;
    }
}
