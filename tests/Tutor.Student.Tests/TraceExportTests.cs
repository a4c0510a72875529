using System.Xml;
using System.Xml.Linq;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Tutor.Student.Tests;

public sealed class TraceExportTests
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>A trace whose names and condition contain every character Markdown or HTML could misread.</summary>
    internal static Trace Awkward()
    {
        var b = new TraceBuilder("Awk_ward", "float64");
        b.Input("my_var", 2, true);
        b.Input("k", 3, false);
        b.Branch("my_var > 1 && k < 5 | k == *3* `x` [a](b) <b>", true);
        b.Forward("t1", "Mul", "my_var * my_var", ["my_var", "my_var"], 4);
        b.Forward("t2", "Add", "t1 + k", ["t1", "k"], 7);
        b.Seed("t2");
        b.Backward("t1", "t2", 1, 1, 1, "∂(a+b)/∂a = 1");
        b.Backward("my_var", "t1", 1, 2, 2, "∂(a·b)/∂a = b");
        b.Backward("my_var", "t1", 1, 2, 4, "∂(a·b)/∂b = a <&>");
        return b.Build(7);
    }

    static List<Table> Tables(string markdown) => Markdown.Parse(markdown, Pipeline).Descendants<Table>().ToList();

    [Fact]
    public void Markdown_has_a_result_forward_and_backward_table_with_one_row_per_input_step_and_contribution()
    {
        var trace = Functions.FirstTrace(2, 3);
        var md = trace.ToMarkdown();
        var tables = Tables(md);

        Assert.Equal(3, tables.Count);
        Assert.Equal(1 + trace.Inputs.Count, tables[0].Count);                               // header + inputs
        Assert.Equal(1 + trace.Inputs.Count + trace.Forward.Count, tables[1].Count);        // header + inputs + steps
        Assert.Equal(1 + trace.Backward.Count, tables[2].Count);                            // header + one row per +=
        Assert.StartsWith("# Walkthrough: First(x = 2, y = 3)", md, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart TD\n", md, StringComparison.Ordinal);
        Assert.Contains("∂f/∂x = x̄ = **2.5838531634528574**", md, StringComparison.Ordinal);
        Assert.Contains("∂f/∂y = ȳ = **2**", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_shows_a_variable_used_twice_receiving_two_contributions_and_the_branch_taken()
    {
        var trace = Functions.BranchyTrace(2);
        var md = trace.ToMarkdown();
        var html = Markdown.ToHtml(md, Pipeline);

        int contributionsToX = trace.Backward.Count(b => b.Target == "x");
        Assert.True(contributionsToX >= 3, trace.ToText());   // x·x gives two, ln x one
        Assert.Equal(contributionsToX, CountOccurrences(html, "x̄ += "));
        Assert.Contains(">if</td>", html, StringComparison.Ordinal);
        Assert.Contains("x &gt; 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_what_markdown_would_misread_so_every_cell_survives_as_text()
    {
        var md = Awkward().ToMarkdown();
        var tables = Tables(md);
        Assert.Equal(3, tables.Count);
        // The pipe in the condition does not split the branch row into more cells.
        foreach (var table in tables)
        {
            int columns = ((TableRow)table[0]).Count;
            Assert.All(table.Cast<TableRow>(), row => Assert.Equal(columns, row.Count));
        }
        var html = Markdown.ToHtml(md, Pipeline);
        Assert.Contains("my_var &gt; 1 &amp;&amp; k &lt; 5 | k == *3* `x` [a](b) &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<em>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("Awk_ward", html, StringComparison.Ordinal);
        Assert.Contains("∂(a·b)/∂b = a &lt;&amp;&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_a_well_formed_document_with_escaped_cells_and_the_same_rows_as_the_markdown()
    {
        var trace = Awkward();
        var html = trace.ToHtml();
        var doc = ParseXml(html);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        var tables = doc.Descendants("table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(trace.Inputs.Count, tables[0].Descendants("tbody").Single().Elements("tr").Count());
        Assert.Equal(trace.Inputs.Count + trace.Forward.Count + trace.Branches.Count, tables[1].Descendants("tbody").Single().Elements("tr").Count());
        Assert.Equal(trace.Backward.Count, tables[2].Descendants("tbody").Single().Elements("tr").Count());
        var cells = doc.Descendants("td").Select(td => td.Value).ToList();
        Assert.Contains("my_var > 1 && k < 5 | k == *3* `x` [a](b) <b>", cells);
        Assert.Contains("∂(a·b)/∂b = a <&>", cells);
        Assert.Equal("Walkthrough: Awk_ward(my_var = 2, k = 3)", doc.Descendants("title").Single().Value);
    }

    [Fact]
    public void Html_of_a_generated_trace_lists_the_gradient()
    {
        var doc = ParseXml(Functions.FirstTrace(2, 3).ToHtml());
        var items = doc.Descendants("li").Select(li => li.Value).ToList();
        Assert.Equal(["∂f/∂x = x̄ = 2.5838531634528574", "∂f/∂y = ȳ = 2"], items);
    }

    [Fact]
    public void Float32_traces_print_float_digits()
    {
        var b = new TraceBuilder("G", "float32");
        b.Input("x", 0.1f, true);
        b.Forward("t1", "Mul", "x * x", ["x", "x"], 0.1f * 0.1f);
        b.Seed("t1");
        var md = b.Build(0.1f * 0.1f).ToMarkdown();
        Assert.Contains("| x | 0.1 |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("0.10000000149", md, StringComparison.Ordinal);
    }

    static XDocument ParseXml(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
