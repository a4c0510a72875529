using Tutor.Lessons.Reports;

namespace Tutor.Lessons.Tests;

/// <summary>The graph and the tables, from traces built by hand (no generator involved).</summary>
public sealed class TraceReportTests
{
    /// <summary>f(x, c) = x · x + 2 at x = 3, c not differentiated: x is used twice by one step.</summary>
    static Trace Square()
    {
        var b = new TraceBuilder("Square", "float64");
        b.Input("x", 3, true);
        b.Input("c", 5, false);
        b.Forward("t1", "Mul", "x * x", ["x", "x"], 9);
        b.Forward("t2", "Add", "t1 + 2", ["t1", "2"], 11);
        b.Seed("t2");
        b.Backward("t1", "t2", 1, 1, 1, "∂(a+b)/∂a = 1");
        b.Backward("x", "t1", 1, 3, 3, "∂(a·b)/∂a = b");
        b.Backward("x", "t1", 1, 3, 6, "∂(a·b)/∂b = a");
        return b.Build(11);
    }

    [Fact]
    public void Backward_table_has_one_row_per_contribution()
    {
        var md = new MarkdownWriter().BackwardTable(Square()).ToString();
        var rows = md.Split('\n').Where(l => l.Contains("x̄ +=", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("| 3 |", rows[0], StringComparison.Ordinal);
        Assert.Contains("| 6 |", rows[1], StringComparison.Ordinal);   // x̄ after the second contribution
        Assert.Contains("t̄₂ = 1", md, StringComparison.Ordinal);        // the seed row
        ReportStructure.AssertTablesAreRectangular(md);
        Assert.Equal(2, TraceTables.ContributionCounts(Square())["x"]);
    }

    [Fact]
    public void Forward_table_lists_inputs_then_steps()
    {
        var md = new MarkdownWriter().ForwardTable(Square()).ToString();
        var rows = md.Split('\n').Where(l => l.StartsWith('|')).Skip(2).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains("input (constant)", rows[1], StringComparison.Ordinal);
        Assert.Contains("| 0 | t₁ | Mul | x * x | 9 |", rows[2], StringComparison.Ordinal);
        ReportStructure.AssertTablesAreRectangular(md);
    }

    [Fact]
    public void Graph_has_a_node_per_input_and_step_and_an_edge_per_operand()
    {
        var graph = TraceGraph.Mermaid(Square());
        Assert.StartsWith("flowchart", graph, StringComparison.Ordinal);
        Assert.Contains("n_x[\"x = 3<br/>x̄ = 6\"]:::input", graph, StringComparison.Ordinal);
        Assert.Contains("(not differentiated)", graph, StringComparison.Ordinal);
        Assert.Contains(":::output", graph, StringComparison.Ordinal);
        Assert.Equal(2, graph.Split('\n').Count(l => l.Contains("n_x -->", StringComparison.Ordinal)));   // x feeds t1 twice
        Assert.Contains("c1([\"2\"]):::constant", graph, StringComparison.Ordinal);
        Assert.Contains("c1 --> n_t2", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_without_a_backward_pass_shows_values_only()
    {
        var b = new TraceBuilder("G", "float32");
        b.Input("x", 0.5, true);
        b.Forward("t1", "Exp", "exp(x)", ["x"], Math.Exp(0.5));
        var graph = TraceGraph.Mermaid(b.Build(Math.Exp(0.5)));
        Assert.DoesNotContain("̄", graph, StringComparison.Ordinal);
        Assert.Contains("n_x --> n_t1", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_labels_escape_quotes_and_angle_brackets()
    {
        var b = new TraceBuilder("G", "float64");
        b.Input("x", 1, true);
        b.Forward("t1", "Max", "max(x, \"0\") > <1>", ["x"], 1);
        var graph = TraceGraph.Mermaid(b.Build(1));
        Assert.Contains("#quot;0#quot;) #gt; #lt;1#gt;", graph, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_use_the_lesson_notation()
    {
        Assert.Equal("t̄₃", Names.Bar("t3"));
        Assert.Equal("t̄₃", Names.Bar("t3Bar"));
        Assert.Equal("x̄", Names.Bar("x"));
        Assert.Equal("t₁₂", Names.Plain("t12"));
    }

    [Fact]
    public void Expressions_use_the_lesson_notation_for_trace_names_only()
    {
        Assert.Equal("t₁ + 2 * exp(x) + t9", Names.Expression("t1 + 2 * exp(x) + t9", Square()));
    }
}
