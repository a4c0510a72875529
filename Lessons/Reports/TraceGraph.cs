using System.Text;

namespace Tutor.Lessons.Reports;

/// <summary>
/// A Mermaid computation graph of a <see cref="Trace"/>, the lesson's counterpart of torchviz's <c>make_dot</c>:
/// one node per input and per forward step with its value, an edge from each operand to the step that uses it,
/// constants as small separate nodes, and (when the trace has a backward pass) the adjoint on every node and the
/// local derivative on every edge.
/// </summary>
public static class TraceGraph
{
    /// <summary>The diagram text (without the <c>```mermaid</c> fence).</summary>
    public static string Mermaid(Trace trace)
    {
        var digits = trace.Precision == "float32" ? 6 : 8;   // graph labels stay short; the tables carry every digit
        bool backward = trace.Backward.Count > 0;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var g = new StringBuilder();
        g.AppendLine("flowchart TD");
        g.AppendLine("  classDef input fill:#dbeafe,stroke:#1d4ed8,color:#111");
        g.AppendLine("  classDef step fill:#ffffff,stroke:#4b5563,color:#111");
        g.AppendLine("  classDef output fill:#dcfce7,stroke:#15803d,color:#111");
        g.AppendLine("  classDef constant fill:#f3f4f6,stroke:#9ca3af,color:#374151");

        foreach (var input in trace.Inputs)
        {
            var id = Id(input.Name, ids);
            var label = $"{input.Name} = {Num.Sig(input.Value, digits)}";
            if (backward && input.IsDifferentiable && input.Gradient is double gradient)
                label += $"<br/>{Names.Bar(input.Name)} = {Num.Sig(gradient, digits)}";
            else if (!input.IsDifferentiable)
                label += "<br/>(not differentiated)";
            g.AppendLine($"  {id}[\"{Escape(label)}\"]:::input");
        }

        int constants = 0;
        var last = trace.Forward.Count > 0 ? trace.Forward[^1] : null;
        foreach (var step in trace.Forward)
        {
            var label = $"{Names.Plain(step.Name)} = {Names.Expression(step.Expression, trace)}<br/>{step.Op}: {Num.Sig(step.Value, digits)}";
            if (backward) label += $"<br/>{Names.Bar(step.Name)} = {Num.Sig(step.Adjoint, digits)}";
            var id = Id(step.Name, ids);
            g.AppendLine($"  {id}[\"{Escape(label)}\"]:::{(ReferenceEquals(step, last) ? "output" : "step")}");

            for (int k = 0; k < step.Operands.Count; k++)
            {
                var operand = step.Operands[k];
                string from;
                if (ids.TryGetValue(operand, out var known)) from = known;
                else
                {
                    from = $"c{++constants}";
                    g.AppendLine($"  {from}([\"{Escape(operand)}\"]):::constant");
                }
                var local = k < step.LocalDerivatives.Count ? step.LocalDerivatives[k] : null;
                bool isConstant = !ids.ContainsKey(operand);
                if (backward && local is double d && !isConstant)
                    g.AppendLine($"  {from} -->|\"{Escape($"∂{Names.Plain(step.Name)}/∂{Names.Plain(operand)} = {Num.Sig(d, digits)}")}\"| {id}");
                else
                    g.AppendLine($"  {from} --> {id}");
            }
        }
        return g.ToString().TrimEnd();
    }

    /// <summary>A Mermaid-safe node id for a trace name, unique within the diagram.</summary>
    static string Id(string name, Dictionary<string, string> ids)
    {
        if (ids.TryGetValue(name, out var existing)) return existing;
        var id = "n_" + new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        while (ids.ContainsValue(id)) id += "_";
        ids[name] = id;
        return id;
    }

    /// <summary>Mermaid's entity codes for the characters that would end or break a quoted label.</summary>
    static string Escape(string label) => label
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<br/>", "\u0001", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("\u0001", "<br/>", StringComparison.Ordinal);
}
