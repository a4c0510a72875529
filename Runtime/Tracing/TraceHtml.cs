using System.Globalization;
using System.Net;
using System.Text;

namespace Tutor;

/// <summary>
/// A <see cref="Trace"/> as a self-contained HTML page: the same walkthrough as <see cref="TraceMarkdown.ToMarkdown"/>
/// (result, gradient, forward table, backward table) written directly as escaped HTML tables, with a small inline
/// style sheet and no scripts, so it opens in any browser without a network.
/// </summary>
public static class TraceHtml
{
    /// <summary>The walkthrough of <paramref name="trace"/> as a complete HTML5 document (UTF-8).</summary>
    /// <example><code>File.WriteAllText("walkthrough.html", Formulas.FTrace(3, 4).ToHtml());</code></example>
    public static string ToHtml(this Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var n = new TraceNotation(trace);
        var h = new StringBuilder();
        string title = "Walkthrough: " + n.Call();

        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        h.Append("<title>").Append(E(title)).Append("</title>\n");
        h.Append("<style>\n")
         .Append("body { font-family: system-ui, sans-serif; margin: 2rem; color: #111; max-width: 72rem; }\n")
         .Append("table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }\n")
         .Append("th, td { border: 1px solid #d1d5db; padding: 0.25rem 0.6rem; text-align: left; }\n")
         .Append("th { background: #f3f4f6; }\n")
         .Append("td.num { text-align: right; font-variant-numeric: tabular-nums; }\n")
         .Append("tr.branch td { background: #fef9c3; }\n")
         .Append("code { font-family: ui-monospace, monospace; }\n")
         .Append("</style>\n</head>\n<body>\n");

        h.Append("<h1>").Append(E(title)).Append("</h1>\n");
        h.Append("<p>Computed in ").Append(E(trace.Precision)).Append(" by the code Tutor generated for <code>")
         .Append(E(trace.Function)).Append("</code>: the forward pass computes one operation per step; the backward pass ")
         .Append("walks the steps in reverse and adds one chain-rule contribution per line, v̄ += w̄ · ∂w/∂v, ")
         .Append("where v̄ = ∂f/∂v is the adjoint of v.</p>\n");

        h.Append("<h2>Result</h2>\n<p>f = <strong>").Append(E(n.Num(trace.Value))).Append("</strong></p>\n");
        Table(h, ["input", "value", "∂f/∂input"], "lrr",
            trace.Inputs.Select(i => (Cells: new[] { n.Pretty(i.Name), n.Num(i.Value), i.Gradient is double g ? n.Num(g) : "not differentiated" }, Css: (string?)null)));

        h.Append("<h2>Forward pass</h2>\n<p>One operation per step, in evaluation order.</p>\n");
        var forward = new List<(string[] Cells, string? Css)>();
        foreach (var input in trace.Inputs)
            forward.Add(([ "input", n.Pretty(input.Name), input.IsDifferentiable ? "input" : "input (constant)", "", n.Num(input.Value), "" ], null));
        int branch = 0;
        foreach (var step in trace.Forward)
        {
            for (; branch < trace.Branches.Count && trace.Branches[branch].AfterStep <= step.Index; branch++)
                forward.Add((BranchRow(trace.Branches[branch]), "branch"));
            forward.Add(([ step.Index.ToString(CultureInfo.InvariantCulture), n.Pretty(step.Name), step.Op, n.Expression(step.Expression),
                n.Num(step.Value), n.LocalDerivatives(step) ], null));
        }
        for (; branch < trace.Branches.Count; branch++) forward.Add((BranchRow(trace.Branches[branch]), "branch"));
        Table(h, ["step", "variable", "operation", "expression", "value", "local derivatives"], "rlllrl", forward);

        h.Append("<h2>Backward pass</h2>\n<p>");
        if (trace.Forward.Count > 0) h.Append("Seed: ").Append(E(n.Bar(trace.Forward[^1].Name))).Append(" = ∂f/∂f = 1. ");
        h.Append("Then one row per contribution, in the order the backward pass ran: target̄ += sourcē · ∂source/∂target. ")
         .Append("A variable used twice receives two rows.</p>\n");
        Table(h, ["step", "update", "adjoint flowing in", "local derivative", "contribution", "adjoint after", "rule"], "rlrrrrl",
            trace.Backward.Select(b => (Cells: new[]
            {
                b.Index.ToString(CultureInfo.InvariantCulture), n.Update(b), n.Num(b.SourceAdjoint), n.Num(b.LocalDerivative),
                n.Num(b.Contribution), $"{n.Bar(b.Target)} = {n.Num(b.TargetAdjoint)}", b.Rule,
            }, Css: (string?)null)));

        h.Append("<h2>Gradient</h2>\n<ul>\n");
        foreach (var input in trace.Inputs.Where(i => i.Gradient is not null))
            h.Append("<li>∂f/∂").Append(E(n.Pretty(input.Name))).Append(" = ").Append(E(n.Bar(input.Name)))
             .Append(" = <strong>").Append(E(n.Num(input.Gradient!.Value))).Append("</strong></li>\n");
        h.Append("</ul>\n</body>\n</html>\n");
        return h.ToString();
    }

    static string[] BranchRow(TraceBranch b) => ["if", "", "branch", b.Condition, b.Taken ? "true" : "false", ""];

    /// <summary>HTML-encodes text for element content and attribute values (&amp; &lt; &gt; &quot; &#39;).</summary>
    static string E(string text) => WebUtility.HtmlEncode(text);

    static void Table(StringBuilder h, string[] header, string align, IEnumerable<(string[] Cells, string? Css)> rows)
    {
        h.Append("<table>\n<thead>\n<tr>");
        foreach (var cell in header) h.Append("<th scope=\"col\">").Append(E(cell)).Append("</th>");
        h.Append("</tr>\n</thead>\n<tbody>\n");
        int count = 0;
        foreach (var (cells, css) in rows)
        {
            h.Append(css is null ? "<tr>" : $"<tr class=\"{E(css)}\">");
            for (int c = 0; c < cells.Length; c++)
                h.Append(c < align.Length && align[c] == 'r' ? "<td class=\"num\">" : "<td>").Append(E(cells[c])).Append("</td>");
            h.Append("</tr>\n");
            count++;
        }
        if (count == 0) h.Append("<tr><td colspan=\"").Append(header.Length.ToString(CultureInfo.InvariantCulture)).Append("\">(none)</td></tr>\n");
        h.Append("</tbody>\n</table>\n");
    }
}
