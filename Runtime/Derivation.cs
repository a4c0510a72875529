using System.Text;
using Tutor.Symbolic;

namespace Tutor;

/// <summary>
/// The symbolic derivation of a <see cref="DifferentiableAttribute"/> function: its expression and the simplified
/// partial derivative for each parameter, derived with the shared rule table, printable as LaTeX or text.
/// </summary>
public sealed class Derivation
{
    readonly Dictionary<string, Expr> partials = new(StringComparer.Ordinal);
    readonly object gate = new();

    /// <summary>Creates the derivation of <paramref name="function"/>.</summary>
    /// <param name="function">The function's name.</param>
    /// <param name="parameters">All parameters, in order.</param>
    /// <param name="differentiable">The parameters to differentiate by (a subset of <paramref name="parameters"/>).</param>
    /// <param name="body">The function's value as an expression over the parameters.</param>
    public Derivation(string function, string[] parameters, string[] differentiable, Expr body)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(differentiable);
        ArgumentNullException.ThrowIfNull(body);
        foreach (var d in differentiable)
            if (Array.IndexOf(parameters, d) < 0)
                throw new ArgumentException($"'{d}' is marked differentiable but is not a parameter of {function}.", nameof(differentiable));
        Function = function;
        Parameters = (string[])parameters.Clone();
        Differentiable = (string[])differentiable.Clone();
        Body = body;
        Expression = body.Simplify();
    }

    /// <summary>
    /// The derivation of a function that has no closed form to show — one with loops or arrays, whose value depends
    /// on how many times a loop runs. Its <see cref="Latex"/> and <see cref="Text"/> say why; asking for a partial
    /// derivative or a value throws <see cref="NotSupportedException"/> pointing to the generated gradient instead.
    /// </summary>
    public static Derivation Unavailable(string function, string[] parameters, string[] differentiable, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new Derivation(function, parameters, differentiable, Expr.Opaque(function + "(…)")) { UnavailableReason = reason };
    }

    /// <summary>Why this derivation cannot be written out symbolically, or null when it can.</summary>
    public string? UnavailableReason { get; private init; }

    /// <summary>Whether the symbolic expression and its partial derivatives are available.</summary>
    public bool IsAvailable => UnavailableReason is null;

    /// <summary>The function's name.</summary>
    public string Function { get; }

    /// <summary>All parameters, in order.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The parameters the derivation differentiates by.</summary>
    public IReadOnlyList<string> Differentiable { get; }

    /// <summary>The body as the generated code built it (what <see cref="Evaluate"/> computes).</summary>
    public Expr Body { get; }

    /// <summary>The body, simplified for reading.</summary>
    public Expr Expression { get; }

    /// <summary>∂f/∂<paramref name="parameter"/>, simplified; computed on first use and cached.</summary>
    /// <exception cref="ArgumentException"><paramref name="parameter"/> is not a parameter.</exception>
    public Expr Partial(string parameter)
    {
        CheckParameter(parameter);
        ThrowIfUnavailable();
        lock (gate)
        {
            if (!partials.TryGetValue(parameter, out var d))
            {
                d = Expression.Differentiate(parameter);
                partials[parameter] = d;
            }
            return d;
        }
    }

    /// <summary>
    /// A LaTeX display block in an <c>aligned</c> environment, one equation per line, aligned at the equals sign:
    /// <c>f(x, y) &amp;= …</c> and then <c>\frac{\partial f}{\partial x} &amp;= …</c> for each differentiable parameter.
    /// Wrap it in <c>$$…$$</c> (or an equation environment) to display it.
    /// </summary>
    public string Latex
    {
        get
        {
            if (UnavailableReason is { } reason) return "\\text{" + Function + ": no symbolic derivation (" + reason + ")}";
            var sb = new StringBuilder("\\begin{aligned}\n");
            string f = LatexWriter.Identifier(Function, "\\operatorname");
            sb.Append(f).Append('(').Append(string.Join(", ", Parameters.Select(p => LatexWriter.Identifier(p, "\\mathit"))))
              .Append(") &= ").Append(Expression.ToLatex());
            foreach (var p in Differentiable)
                sb.Append(" \\\\\n").Append("\\frac{\\partial ").Append(f).Append("}{\\partial ").Append(LatexWriter.Identifier(p, "\\mathit"))
                  .Append("} &= ").Append(PartialLatex(p));
            return sb.Append("\n\\end{aligned}").ToString();
        }
    }

    /// <summary>The same as <see cref="Latex"/> in plain text, one equation per line: <c>f(x, y) = …</c>, <c>∂f/∂x = …</c>.</summary>
    public string Text
    {
        get
        {
            if (UnavailableReason is { } reason) return Function + ": no symbolic derivation (" + reason + ")";
            var sb = new StringBuilder();
            sb.Append(Function).Append('(').Append(string.Join(", ", Parameters)).Append(") = ").Append(Expression.ToText());
            foreach (var p in Differentiable)
                sb.Append('\n').Append("∂").Append(Function).Append("/∂").Append(p).Append(" = ").Append(PartialText(p));
            return sb.ToString();
        }
    }

    /// <summary>The right-hand side of ∂f/∂<paramref name="parameter"/> as LaTeX (no <c>\frac{\partial f}…=</c> prefix).</summary>
    public string PartialLatex(string parameter) => Partial(parameter).ToLatex();

    /// <summary>The right-hand side of ∂f/∂<paramref name="parameter"/> as plain text.</summary>
    public string PartialText(string parameter) => Partial(parameter).ToText();

    /// <summary>f at the given arguments, in <see cref="Parameters"/> order.</summary>
    public double Evaluate(params double[] arguments)
    {
        ThrowIfUnavailable();
        return Body.Evaluate(Bind(arguments));
    }

    /// <summary>∂f/∂<paramref name="parameter"/> at the given arguments, in <see cref="Parameters"/> order.</summary>
    public double EvaluatePartial(string parameter, params double[] arguments) => Partial(parameter).Evaluate(Bind(arguments));

    /// <summary>The same as <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    Dictionary<string, double> Bind(double[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != Parameters.Count)
            throw new ArgumentException($"{Function} takes {Parameters.Count} argument(s) ({string.Join(", ", Parameters)}), not {arguments.Length}.", nameof(arguments));
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < arguments.Length; i++) map[Parameters[i]] = arguments[i];
        return map;
    }

    void ThrowIfUnavailable()
    {
        if (UnavailableReason is { } reason)
            throw new NotSupportedException($"{Function} has no symbolic derivation: {reason}. Use {Function}Gradient for the numbers and {Function}Trace for the steps.");
    }

    void CheckParameter(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (!Parameters.Contains(parameter))
            throw new ArgumentException($"'{parameter}' is not a parameter of {Function} ({string.Join(", ", Parameters)}).", nameof(parameter));
    }
}
