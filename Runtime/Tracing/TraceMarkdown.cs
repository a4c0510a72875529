using System.Globalization;
using System.Text;

namespace Tutor;

/// <summary>
/// A <see cref="Trace"/> as a Markdown walkthrough (CommonMark with GitHub tables and a Mermaid graph): the
/// result and gradient, the computation graph, the forward pass one operation per row and the backward pass one
/// <c>+=</c> per row, with real numbers. Write it to a <c>.md</c> file and open it on GitHub or in any editor's preview.
/// </summary>
public static class TraceMarkdown
{
    /// <summary>
    /// The walkthrough of <paramref name="trace"/> as Markdown: a heading, the value and gradient, a Mermaid
    /// computation graph, the forward table (operation, expression, value, local derivatives) and the backward
    /// table (the adjoint flowing in, the local derivative, the contribution and the adjoint after it).
    /// </summary>
    /// <example><code>File.WriteAllText("walkthrough.md", Formulas.FTrace(3, 4).ToMarkdown());</code></example>
    public static string ToMarkdown(this Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var n = new TraceNotation(trace);
        var md = new StringBuilder();

        md.Append("# Walkthrough: ").Append(MarkdownText.Escape(n.Call())).Append("\n\n");
        md.Append("Computed in ").Append(trace.Precision).Append(" by the code Tutor generated for `")
          .Append(trace.Function).Append("`: the forward pass computes one operation per step; the ")
          .Append("backward pass walks the steps in reverse and adds one chain-rule contribution per line, ")
          .Append("v̄ += w̄ · ∂w/∂v, where v̄ = ∂f/∂v is the adjoint of v.\n\n");

        md.Append("## Result\n\n");
        md.Append("f = **").Append(MarkdownText.Escape(n.Num(trace.Value))).Append("**\n\n");
        var gradientRows = trace.Inputs.Select(i => new[]
        {
            n.Pretty(i.Name), n.Num(i.Value), i.Gradient is double g ? n.Num(g) : "not differentiated",
        });
        MarkdownText.Table(md, ["input", "value", "∂f/∂input"], gradientRows, "lrr");

        md.Append("## Computation graph\n\n");
        md.Append("Each node is one step with its value");
        if (trace.Backward.Count > 0) md.Append(" and its adjoint");
        md.Append("; each edge is an operand");
        if (trace.Backward.Count > 0) md.Append(", labelled with the local derivative");
        md.Append(".\n\n```mermaid\n").Append(Mermaid(trace, n)).Append("```\n\n");

        md.Append("## Forward pass\n\n");
        md.Append("One operation per step, in evaluation order.");
        if (trace.Branches.Count > 0) md.Append(" Branch decisions appear where they were made.");
        md.Append("\n\n");
        var forwardRows = new List<string[]>();
        foreach (var input in trace.Inputs)
            forwardRows.Add(["input", n.Pretty(input.Name), input.IsDifferentiable ? "input" : "input (constant)", "", n.Num(input.Value), ""]);
        int branch = 0;
        foreach (var step in trace.Forward)
        {
            for (; branch < trace.Branches.Count && trace.Branches[branch].AfterStep <= step.Index; branch++)
                forwardRows.Add(BranchRow(trace.Branches[branch]));
            forwardRows.Add([step.Index.ToString(CultureInfo.InvariantCulture), n.Pretty(step.Name), step.Op,
                n.Expression(step.Expression), n.Num(step.Value), n.LocalDerivatives(step)]);
        }
        for (; branch < trace.Branches.Count; branch++) forwardRows.Add(BranchRow(trace.Branches[branch]));
        MarkdownText.Table(md, ["step", "variable", "operation", "expression", "value", "local derivatives"], forwardRows, "rlllrl");

        md.Append("## Backward pass\n\n");
        if (trace.Forward.Count > 0)
            md.Append("Seed: ").Append(MarkdownText.Escape(n.Bar(trace.Forward[^1].Name))).Append(" = ∂f/∂f = 1. ");
        md.Append("Then one row per contribution, in the order the backward pass ran: target̄ += sourcē · ∂source/∂target. ")
          .Append("A variable used twice receives two rows.\n\n");
        var backwardRows = trace.Backward.Select(b => new[]
        {
            b.Index.ToString(CultureInfo.InvariantCulture), n.Update(b), n.Num(b.SourceAdjoint), n.Num(b.LocalDerivative),
            n.Num(b.Contribution), $"{n.Bar(b.Target)} = {n.Num(b.TargetAdjoint)}", b.Rule,
        });
        MarkdownText.Table(md, ["step", "update", "adjoint flowing in", "local derivative", "contribution", "adjoint after", "rule"],
            backwardRows, "rlrrrrl");

        md.Append("## Gradient\n\n");
        foreach (var input in trace.Inputs.Where(i => i.Gradient is not null))
            md.Append("- ∂f/∂").Append(MarkdownText.Escape(n.Pretty(input.Name))).Append(" = ")
              .Append(MarkdownText.Escape(n.Bar(input.Name))).Append(" = **").Append(MarkdownText.Escape(n.Num(input.Gradient!.Value)))
              .Append("**\n");
        return md.ToString();
    }

    static string[] BranchRow(TraceBranch b) => ["if", "", "branch", b.Condition, b.Taken ? "true" : "false", ""];

    /// <summary>A Mermaid flowchart: inputs and steps as nodes (value, adjoint), operands as edges (local derivative).</summary>
    static string Mermaid(Trace trace, TraceNotation n)
    {
        var g = new StringBuilder("flowchart TD\n");
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        bool backward = trace.Backward.Count > 0;
        string Id(string name)
        {
            if (!ids.TryGetValue(name, out var id)) ids[name] = id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            return id;
        }
        foreach (var input in trace.Inputs)
        {
            var label = $"{n.Pretty(input.Name)} = {n.Num(input.Value)}";
            if (backward && input.Gradient is double grad) label += $"<br/>{n.Bar(input.Name)} = {n.Num(grad)}";
            g.Append("  ").Append(Id(input.Name)).Append("[\"").Append(MermaidLabel(label)).Append("\"]\n");
        }
        int constants = 0;
        foreach (var step in trace.Forward)
        {
            var label = $"{n.Pretty(step.Name)} = {n.Expression(step.Expression)}<br/>= {n.Num(step.Value)}";
            if (backward) label += $"<br/>{n.Bar(step.Name)} = {n.Num(step.Adjoint)}";
            var id = Id(step.Name);
            for (int k = 0; k < step.Operands.Count; k++)
            {
                var operand = step.Operands[k];
                string from;
                bool isConstant = !ids.ContainsKey(operand);
                if (isConstant)
                {
                    from = "c" + (++constants).ToString(CultureInfo.InvariantCulture);
                    g.Append("  ").Append(from).Append("([\"").Append(MermaidLabel(operand)).Append("\"])\n");
                }
                else from = ids[operand];
                var local = k < step.LocalDerivatives.Count ? step.LocalDerivatives[k] : null;
                g.Append("  ").Append(from).Append(" -->");
                if (backward && !isConstant && local is double d)
                    g.Append("|\"").Append(MermaidLabel($"∂{n.Pretty(step.Name)}/∂{n.Pretty(operand)} = {n.Num(d)}")).Append("\"|");
                g.Append(' ');
                g.Append(id).Append('\n');
            }
            g.Append("  ").Append(id).Append("[\"").Append(MermaidLabel(label)).Append("\"]\n");
        }
        return g.ToString();
    }

    /// <summary>Mermaid entity codes for what would end a quoted label or be read as HTML; keeps the <c>&lt;br/&gt;</c> line breaks.</summary>
    static string MermaidLabel(string label) => label
        .Replace("<br/>", "\u0001", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\u0001", "<br/>", StringComparison.Ordinal);
}

/// <summary>Markdown escaping and GitHub tables.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Backslash-escapes the characters Markdown could read as inline syntax inside a paragraph or a table cell
    /// (emphasis, code, links, HTML, entities, cell separators, strikethrough, math) and folds line breaks. Numbers
    /// and operators such as <c>-</c> and <c>+</c> stay as they are, so the file reads well as plain text too.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\r' or '\n') { sb.Append(' '); continue; }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' or '$' or '&')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A GitHub table; <paramref name="align"/> has one letter per column: l, r or c.</summary>
    public static void Table(StringBuilder md, string[] header, IEnumerable<string[]> rows, string align)
    {
        md.Append('|');
        foreach (var h in header) md.Append(' ').Append(Escape(h)).Append(" |");
        md.Append("\n|");
        foreach (char a in align) md.Append(a switch { 'r' => " ---: |", 'c' => " :---: |", _ => " --- |" });
        md.Append('\n');
        int count = 0;
        foreach (var row in rows)
        {
            md.Append('|');
            foreach (var cell in row) md.Append(' ').Append(cell.Length == 0 ? "" : Escape(cell)).Append(" |");
            md.Append('\n');
            count++;
        }
        if (count == 0)
        {
            md.Append('|');
            for (int i = 0; i < header.Length; i++) md.Append(i == 0 ? " (none) |" : "  |");
            md.Append('\n');
        }
        md.Append('\n');
    }
}

/// <summary>The lesson notation for one trace: pretty names (t₃, t̄₃), numbers in the trace's precision, expressions.</summary>
internal sealed class TraceNotation
{
    readonly Trace trace;
    readonly HashSet<string> known;

    public TraceNotation(Trace trace)
    {
        this.trace = trace;
        known = new HashSet<string>(trace.Inputs.Select(i => i.Name).Concat(trace.Forward.Select(f => f.Name)), StringComparer.Ordinal);
    }

    /// <summary>Shortest round-trip text in the trace's precision.</summary>
    public string Num(double value) => TraceTextWriter.FormatNumber(value, trace.Precision);

    /// <summary>t3 → t₃.</summary>
    public string Pretty(string name) => TraceNames.Pretty(name);

    /// <summary>t3 → t̄₃; a name with no bar form becomes adj(name).</summary>
    public string Bar(string name)
    {
        string pretty = TraceNames.Pretty(name + "Bar");
        return pretty == name + "Bar" ? "adj(" + name + ")" : pretty;
    }

    /// <summary><c>F(x = 3, y = 4)</c>.</summary>
    public string Call() =>
        $"{trace.Function}({string.Join(", ", trace.Inputs.Select(i => $"{Pretty(i.Name)} = {Num(i.Value)}"))})";

    /// <summary>An expression in code names with the trace's own names in lesson notation (<c>x + t1</c> → x + t₁).</summary>
    public string Expression(string expression)
    {
        var sb = new StringBuilder(expression.Length);
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '_')) i++;
                var word = expression[start..i];
                bool member = start > 0 && expression[start - 1] == '.';
                sb.Append(!member && known.Contains(word) ? Pretty(word) : word);
            }
            else if (char.IsDigit(c))
            {
                // A number (1e-5, 2.5) is copied whole so its exponent letters are not read as a name.
                int start = i;
                while (i < expression.Length && (char.IsLetterOrDigit(expression[i]) || expression[i] == '.')) i++;
                sb.Append(expression, start, i - start);
            }
            else { sb.Append(c); i++; }
        }
        return sb.ToString();
    }

    /// <summary><c>∂t₃/∂x = 0.33</c> for each operand that received a contribution, or an em dash.</summary>
    public string LocalDerivatives(ForwardStep s)
    {
        var parts = new List<string>();
        for (int k = 0; k < s.Operands.Count && k < s.LocalDerivatives.Count; k++)
            if (s.LocalDerivatives[k] is double d)
                parts.Add($"∂{Pretty(s.Name)}/∂{Pretty(s.Operands[k])} = {Num(d)}");
        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }

    /// <summary><c>x̄ += t̄₃ · ∂t₃/∂x</c>.</summary>
    public string Update(BackwardStep b) => $"{Bar(b.Target)} += {Bar(b.Source)} · ∂{Pretty(b.Source)}/∂{Pretty(b.Target)}";
}
