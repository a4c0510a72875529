using System.Text.RegularExpressions;

namespace Tutor.Lessons.Reports;

/// <summary>Trace names as the lessons write them: <c>t3</c> → t₃, its adjoint → t̄₃ (through <see cref="TraceNames"/>).</summary>
public static partial class Names
{
    /// <summary>The variable itself, e.g. t₃.</summary>
    public static string Plain(string name) => TraceNames.Pretty(Strip(name));

    /// <summary>The variable's adjoint, e.g. t̄₃ (accepts <c>t3</c> or <c>t3Bar</c>).</summary>
    public static string Bar(string name) => TraceNames.Pretty(Strip(name) + "Bar");

    /// <summary>An expression in code names (<c>x + t1</c>) in the lesson notation (x + t₁): only the trace's own names change.</summary>
    public static string Expression(string expression, Trace trace)
    {
        var known = new HashSet<string>(trace.Inputs.Select(i => i.Name).Concat(trace.Forward.Select(f => f.Name)), StringComparer.Ordinal);
        return Identifier().Replace(expression, m => known.Contains(m.Value) ? Plain(m.Value) : m.Value);
    }

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*\b")]
    private static partial Regex Identifier();

    static string Strip(string name) =>
        name.Length > 3 && name.EndsWith("Bar", StringComparison.Ordinal) ? name[..^3] : name;
}
