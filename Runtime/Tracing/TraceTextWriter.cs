using System.Globalization;
using System.Text;

namespace Tutor;

/// <summary>Writes a <see cref="Trace"/> as aligned plain-text tables (see <see cref="Trace.ToText"/>).</summary>
internal static class TraceTextWriter
{
    public static string Write(Trace trace)
    {
        var sb = new StringBuilder();
        string Num(double v) => FormatNumber(v, trace.Precision);

        sb.Append("Trace of ").Append(trace.Function).Append(" (").Append(trace.Precision).Append("): value ")
          .Append(Num(trace.Value)).Append('\n');

        sb.Append("\nInputs\n");
        var inputs = new List<string[]> { new[] { "name", "value", "gradient" } };
        foreach (var i in trace.Inputs)
            inputs.Add(new[] { TraceNames.Pretty(i.Name), Num(i.Value), i.Gradient is double g ? Num(g) : "(not differentiable)" });
        AppendTable(sb, inputs);

        sb.Append("\nForward (evaluation order)\n");
        var fwd = new List<string[]> { new[] { "#", "name", "op", "expression", "value", "local derivatives", "adjoint" } };
        int branch = 0;
        foreach (var s in trace.Forward)
        {
            AddBranches(fwd, trace.Branches, ref branch, s.Index);
            fwd.Add(new[]
            {
                s.Index.ToString(CultureInfo.InvariantCulture), TraceNames.Pretty(s.Name), s.Op, s.Expression, Num(s.Value),
                LocalDerivatives(s, Num), Num(s.Adjoint),
            });
        }
        AddBranches(fwd, trace.Branches, ref branch, int.MaxValue);
        AppendTable(sb, fwd);

        sb.Append("\nBackward (the order it ran: reverse evaluation order; each line is one target̄ += sourcē · ∂source/∂target)\n");
        var bwd = new List<string[]> { new[] { "#", "contribution", "sourcē", "local", "product", "target after", "rule" } };
        foreach (var b in trace.Backward)
        {
            string target = TraceNames.Pretty(b.Target), source = TraceNames.Pretty(b.Source);
            bwd.Add(new[]
            {
                b.Index.ToString(CultureInfo.InvariantCulture),
                $"{Bar(b.Target)} += {Bar(b.Source)} · ∂{source}/∂{target}",
                Num(b.SourceAdjoint), Num(b.LocalDerivative), Num(b.Contribution),
                $"{Bar(b.Target)} = {Num(b.TargetAdjoint)}", b.Rule,
            });
        }
        AppendTable(sb, bwd);
        return sb.ToString();
    }

    static void AddBranches(List<string[]> rows, IReadOnlyList<TraceBranch> branches, ref int next, int beforeStep)
    {
        for (; next < branches.Count && branches[next].AfterStep <= beforeStep; next++)
        {
            var br = branches[next];
            rows.Add(new[] { "", "if", br.Condition, br.Taken ? "→ true" : "→ false", "", "", "" });
        }
    }

    static string LocalDerivatives(ForwardStep s, Func<double, string> num)
    {
        var parts = new List<string>();
        for (int k = 0; k < s.Operands.Count; k++)
            if (s.LocalDerivatives[k] is double d)
                parts.Add($"∂{TraceNames.Pretty(s.Name)}/∂{TraceNames.Pretty(s.Operands[k])} = {num(d)}");
        return parts.Count == 0 ? "—" : string.Join(", ", parts);
    }

    static string Bar(string name)
    {
        string pretty = TraceNames.Pretty(name + "Bar");
        return pretty == name + "Bar" ? "adj(" + name + ")" : pretty;
    }

    /// <summary>Shortest round-trip text; float32 values print as floats (0.1, not 0.10000000149011612).</summary>
    internal static string FormatNumber(double v, string precision) =>
        precision == "float32"
            ? ((float)v).ToString("R", CultureInfo.InvariantCulture)
            : v.ToString("R", CultureInfo.InvariantCulture);

    static void AppendTable(StringBuilder sb, List<string[]> rows)
    {
        int columns = rows[0].Length;
        var widths = new int[columns];
        foreach (var row in rows)
            for (int c = 0; c < columns; c++) widths[c] = Math.Max(widths[c], DisplayWidth(row[c]));
        foreach (var row in rows)
        {
            var line = new StringBuilder("  ");
            for (int c = 0; c < columns; c++)
            {
                line.Append(row[c]);
                if (c < columns - 1) line.Append(' ', widths[c] - DisplayWidth(row[c]) + 2);
            }
            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    // Combining accents (x̄, ẋ) take no column of their own, so count text elements, not chars.
    static int DisplayWidth(string s) => new StringInfo(s).LengthInTextElements;
}
