namespace Tutor.Lessons.Reports;

/// <summary>The forward and backward tables of a <see cref="Trace"/>.</summary>
public static class TraceTables
{
    /// <summary>One row per forward step: step, variable, operation, expression, value.</summary>
    public static MarkdownWriter ForwardTable(this MarkdownWriter md, Trace trace)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var input in trace.Inputs)
            rows.Add(["input", input.Name, input.IsDifferentiable ? "input" : "input (constant)", input.Name, Num.ForPrecision(input.Value, trace.Precision)]);
        foreach (var step in trace.Forward)
            rows.Add([step.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), Names.Plain(step.Name), step.Op, Names.Expression(step.Expression, trace), Num.ForPrecision(step.Value, trace.Precision)]);
        return md.Table(["step", "variable", "operation", "expression", "value"], rows,
            [Align.Right, Align.Left, Align.Left, Align.Left, Align.Right]);
    }

    /// <summary>
    /// One row per <c>+=</c>: target̄ += sourcē · ∂source/∂target, with each factor and the target's adjoint after
    /// the update, so a variable used twice visibly receives two contributions. The seed comes first.
    /// </summary>
    public static MarkdownWriter BackwardTable(this MarkdownWriter md, Trace trace)
    {
        var p = trace.Precision;
        var rows = new List<IReadOnlyList<string>>();
        if (trace.Forward.Count > 0)
        {
            var output = trace.Forward[^1].Name;
            rows.Add(["seed", $"{Names.Bar(output)} = 1", "", "", "", "1", "∂f/∂f = 1"]);
        }
        foreach (var b in trace.Backward)
        {
            var update = $"{Names.Bar(b.Target)} += {Names.Bar(b.Source)} · ∂{Names.Plain(b.Source)}/∂{Names.Plain(b.Target)}";
            rows.Add([b.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), update,
                Num.ForPrecision(b.SourceAdjoint, p), Num.ForPrecision(b.LocalDerivative, p), Num.ForPrecision(b.Contribution, p),
                Num.ForPrecision(b.TargetAdjoint, p), b.Rule]);
        }
        return md.Table(["step", "update", "sourcē", "local derivative", "contribution", "target̄ after", "rule"], rows,
            [Align.Right, Align.Left, Align.Right, Align.Right, Align.Right, Align.Right, Align.Left]);
    }

    /// <summary>How many contributions each variable's adjoint received (a variable used twice receives two).</summary>
    public static IReadOnlyDictionary<string, int> ContributionCounts(Trace trace) =>
        trace.Backward.GroupBy(b => b.Target, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
