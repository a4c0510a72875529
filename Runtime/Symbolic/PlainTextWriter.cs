using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>Writes an expression as plain text: <c>exp(y)</c>, <c>ln(x)</c>, <c>x^2</c>, <c>a / (b + c)</c>, <c>(c ? a : b)</c>.</summary>
internal sealed class PlainTextWriter : ExprWriter
{
    static readonly Dictionary<string, string> Spelled = new(StringComparer.Ordinal)
    {
        ["π"] = "pi", ["τ"] = "tau", ["φ"] = "phi", ["ε"] = "epsilon", ["γ"] = "gamma",
    };

    protected override string MulSign => "*";
    protected override string NotSign => "!";
    protected override string AndSign => "&&";
    protected override string OrSign => "||";
    protected override string NaN => "NaN";
    protected override string Infinity => "∞";

    protected override string Template(ScalarRule rule) => rule.Text;

    protected override string Parenthesize(string text) => "(" + text + ")";

    protected override string NumberBody(string roundTrip) => roundTrip;

    protected override string Variable(string name) => name;

    protected override string ConstantName(string name) => Spelled.TryGetValue(name, out var s) ? s : name;

    protected override string FunctionName(string name) => name;

    protected override string Opaque(string text) => text;

    protected override string CompareSymbol(string op) => op;

    protected override Rendered RenderDiv(Rendered a, Rendered b)
    {
        string left = a.Prec < Product || a.OpenRight ? Parenthesize(a.Text) : a.Text;
        // a / (b * c) and a / (b / c): the right operand must bind tighter than the division itself.
        string right = b.Prec <= Product || b.LeadingMinus ? Parenthesize(b.Text) : b.Text;
        return new($"{left} / {right}", Product, a.LeadingMinus && left == a.Text);
    }

    protected override Rendered RenderPiecewise(string condition, string whenTrue, string whenFalse) =>
        new($"({condition} ? {whenTrue} : {whenFalse})", Atom);
}
