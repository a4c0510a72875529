using System.Globalization;
using System.Text;
using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>
/// Shared printing logic for LaTeX and plain text: precedence, minimal parentheses, and the rule table's templates
/// (<c>@0</c> the operand as is, <c>#0</c> the operand in parentheses unless atomic).
/// </summary>
internal abstract class ExprWriter
{
    /// <summary>Binding strength: how much a rendering can sit next to without parentheses.</summary>
    protected const int Logic = -1, Comparison = 0, Sum = 1, Product = 2, Prefix = 3, Power = 4, Atom = 5;

    /// <summary>A rendering: its text, its precedence, whether it starts with a minus sign, and whether it ends
    /// in an undelimited operand (<c>\ln x</c>), which must not be followed by a product sign.</summary>
    protected readonly record struct Rendered(string Text, int Prec, bool LeadingMinus = false, bool OpenRight = false);

    public string Write(Expr e) => Render(e).Text;

    protected Rendered Render(Expr e) => e switch
    {
        NumberExpr n => RenderNumber(n.Value),
        VariableExpr v => new(Variable(v.Name), Atom),
        ConstantExpr c => new(ConstantName(c.Name), Atom),
        OpaqueExpr o => new(Opaque(o.Text), IsSimpleCode(o.Text) ? Atom : Sum),
        CallExpr c => RenderCall(c),
        CompareExpr c => new($"{Wrap(Render(c.Left), Sum)} {CompareSymbol(c.Op)} {Wrap(Render(c.Right), Sum)}", Comparison),
        LogicExpr { Op: LogicOp.Not } l => new(NotSign + Wrap(Render(l.Children[0]), Atom), Prefix),
        LogicExpr l => new($"{Wrap(Render(l.Children[0]), Comparison)} {(l.Op == LogicOp.And ? AndSign : OrSign)} {Wrap(Render(l.Children[1]), Comparison)}", Logic),
        PiecewiseExpr p => RenderPiecewise(Render(p.Condition).Text, Render(p.WhenTrue).Text, Render(p.WhenFalse).Text),
        // f(x, y): the call's own parentheses, plain in both notations.
        ApplyExpr a => new(FunctionName(a.Function) + "(" + string.Join(", ", a.Args.Select(x => Render(x).Text)) + ")", Atom),
        _ => throw new InvalidOperationException($"Unknown expression node {e.GetType().Name}."),
    };

    Rendered RenderCall(CallExpr c)
    {
        switch (c.Op)
        {
            case "Copy":
                return Render(c.Args[0]);
            case "Add":
            case "Sub":
            {
                var a = Render(c.Args[0]);
                var b = Render(c.Args[1]);
                string left = Wrap(a, Sum);
                // a − (b + c) needs them; a + (−b) keeps them so the two signs do not run together.
                string right = b.LeadingMinus || b.Prec < Sum || (c.Op == "Sub" && b.Prec == Sum) ? Parenthesize(b.Text) : b.Text;
                return new($"{left} {(c.Op == "Add" ? "+" : "-")} {right}", Sum, a.LeadingMinus);
            }
            case "Mul":
            {
                var a = Render(c.Args[0]);
                var b = Render(c.Args[1]);
                string left = a.Prec < Product || a.OpenRight ? Parenthesize(a.Text) : a.Text;
                string right = b.Prec < Product || b.LeadingMinus ? Parenthesize(b.Text) : b.Text;
                bool leftMinus = a.LeadingMinus && left == a.Text;
                return new($"{left} {MulSign} {right}", Product, leftMinus, b.OpenRight && right == b.Text);
            }
            case "Div":
                return RenderDiv(Render(c.Args[0]), Render(c.Args[1]));
            case "Neg":
            {
                var a = Render(c.Args[0]);
                bool wrap = a.Prec < Product || a.LeadingMinus;
                return new("-" + (wrap ? Parenthesize(a.Text) : a.Text), wrap ? Prefix : Math.Min(Prefix, a.Prec), true, !wrap && a.OpenRight);
            }
            default:
                return RenderTemplate(c);
        }
    }

    Rendered RenderTemplate(CallExpr c)
    {
        string template = Template(c.Rule);
        int prec = Classify(template, out bool openRight);
        var sb = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < template.Length; i++)
        {
            char ch = template[i];
            if ((ch == '@' || ch == '#') && i + 1 < template.Length && char.IsAsciiDigit(template[i + 1]))
            {
                var r = Render(c.Args[template[i + 1] - '0']);
                bool wrap = ch == '#'
                    ? r.Prec < Atom
                    // An operand "as is" at the top level of an operator-like template still needs parentheses
                    // when it binds more loosely than the template (x·ln y with x = a + b).
                    : depth == 0 && prec < Atom && (r.Prec <= prec || r.LeadingMinus && i > 0);
                sb.Append(wrap ? Parenthesize(r.Text) : r.Text);
                i++;
                continue;
            }
            if (ch is '(' or '{' or '[') depth++;
            else if (ch is ')' or '}' or ']') depth--;
            sb.Append(ch);
        }
        return new(sb.ToString(), prec, template.StartsWith('-'), openRight);
    }

    /// <summary>The precedence of a template: delimited forms (<c>f(@0)</c>, <c>\sqrt{@0}</c>, <c>[@0 &gt; 0]</c>) are
    /// atoms; powers bind tighter than products; prefix functions (<c>\ln #0</c>) leave their operand open.</summary>
    protected static int Classify(string t, out bool openRight)
    {
        openRight = false;
        int head = 0;
        if (head < t.Length && t[head] == '\\') head++;
        while (head < t.Length && char.IsLetterOrDigit(t[head])) head++;
        if (t.StartsWith("\\operatorname{", StringComparison.Ordinal)) head = t.IndexOf('}') + 1;
        bool call = head > 0 && head < t.Length && t[head] == '(' && t.EndsWith(')');
        bool delimited = (t.StartsWith("\\sqrt", StringComparison.Ordinal) && t.EndsWith('}'))
            || (t.StartsWith("\\left|", StringComparison.Ordinal) && t.EndsWith("\\right|", StringComparison.Ordinal))
            || (t.StartsWith("\\lfloor", StringComparison.Ordinal) && t.EndsWith("\\rfloor", StringComparison.Ordinal))
            || (t.StartsWith("\\lceil", StringComparison.Ordinal) && t.EndsWith("\\rceil", StringComparison.Ordinal))
            || (t.StartsWith('|') && t.EndsWith('|')) || (t.StartsWith('[') && t.EndsWith(']')) || (t.StartsWith('(') && t.EndsWith(')'));
        if (call || delimited) return Atom;
        if (t.Contains('^') || t.StartsWith("\\frac", StringComparison.Ordinal)) return Power;
        openRight = t.EndsWith("#0", StringComparison.Ordinal) || t.EndsWith("#1", StringComparison.Ordinal) || t.EndsWith("#2", StringComparison.Ordinal);
        if (t.StartsWith('@') || t.StartsWith('#')) return t.Contains(" + ", StringComparison.Ordinal) || t.Contains(" - ", StringComparison.Ordinal) ? Sum : Product;
        return Prefix;
    }

    Rendered RenderNumber(double v)
    {
        if (v == 0) return new("0", Atom);
        if (double.IsNaN(v)) return new(NaN, Atom);
        string body = double.IsInfinity(v) ? Infinity : NumberBody(Math.Abs(v).ToString("R", CultureInfo.InvariantCulture));
        bool scientific = body.Contains('E') || body.Contains("10^", StringComparison.Ordinal);
        return v < 0 ? new("-" + body, Prefix, true) : new(body, scientific ? Product : Atom);
    }

    protected string Wrap(Rendered r, int minPrec) => r.Prec < minPrec ? Parenthesize(r.Text) : r.Text;

    /// <summary>Whether opaque code reads as one unit (a name, a member access, an indexer) and needs no parentheses.</summary>
    static bool IsSimpleCode(string text) => text.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.' or '[' or ']');

    protected abstract string MulSign { get; }
    protected abstract string NotSign { get; }
    protected abstract string AndSign { get; }
    protected abstract string OrSign { get; }
    protected abstract string NaN { get; }
    protected abstract string Infinity { get; }
    protected abstract string Template(ScalarRule rule);
    protected abstract string Parenthesize(string text);
    /// <summary>A non-negative number's digits as round-trip text gives them (<c>1E-20</c>), in the writer's notation.</summary>
    protected abstract string NumberBody(string roundTrip);
    protected abstract string Variable(string name);
    protected abstract string ConstantName(string name);
    protected abstract string FunctionName(string name);
    protected abstract string Opaque(string text);
    protected abstract string CompareSymbol(string op);
    protected abstract Rendered RenderDiv(Rendered a, Rendered b);
    protected abstract Rendered RenderPiecewise(string condition, string whenTrue, string whenFalse);
}
