using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>Writes an expression as LaTeX math: <c>\frac</c>, <c>e^{…}</c>, <c>\ln</c>, <c>\cdot</c>, <c>\begin{cases}</c>.</summary>
internal sealed class LatexWriter : ExprWriter
{
    static readonly Dictionary<string, string> Greek = BuildGreek();

    protected override string MulSign => "\\cdot";
    protected override string NotSign => "\\lnot ";
    protected override string AndSign => "\\land";
    protected override string OrSign => "\\lor";
    protected override string NaN => "\\mathrm{NaN}";
    protected override string Infinity => "\\infty";

    protected override string Template(ScalarRule rule) => rule.Latex;

    protected override string Parenthesize(string text) => "\\left(" + text + "\\right)";

    protected override string NumberBody(string roundTrip)
    {
        int e = roundTrip.IndexOf('E');
        if (e < 0) return roundTrip;
        string mantissa = roundTrip[..e];
        string exponent = roundTrip[(e + 1)..].TrimStart('+');
        return mantissa == "1" ? $"10^{{{exponent}}}" : $"{mantissa} \\times 10^{{{exponent}}}";
    }

    /// <summary>Math names: <c>alpha</c> → \alpha, <c>x1</c> and <c>x_1</c> → x_{1}, multi-letter names upright-italic.</summary>
    protected override string Variable(string name) => Identifier(name, "\\mathit");

    protected override string ConstantName(string name) => Identifier(name, "\\mathrm");

    protected override string FunctionName(string name) =>
        Greek.TryGetValue(name, out var g) ? g : name.Length == 1 ? name : "\\operatorname{" + Escape(name) + "}";

    protected override string Opaque(string text) => "\\texttt{" + Escape(text) + "}";

    protected override string CompareSymbol(string op) => op switch
    {
        "<=" => "\\leq", ">=" => "\\geq", "==" => "=", "!=" => "\\neq", _ => op,
    };

    // \frac delimits both operands, so neither needs parentheses; as a power base it does (Power < Atom).
    protected override Rendered RenderDiv(Rendered a, Rendered b) => new($"\\frac{{{a.Text}}}{{{b.Text}}}", Power);

    protected override Rendered RenderPiecewise(string condition, string whenTrue, string whenFalse) =>
        new($"\\begin{{cases}} {whenTrue} & \\text{{if }} {condition} \\\\ {whenFalse} & \\text{{otherwise}} \\end{{cases}}", Power);

    internal static string Identifier(string name, string multiLetterStyle)
    {
        if (Greek.TryGetValue(name, out var g)) return g;
        string baseName = name, sub = "";
        int underscore = name.IndexOf('_');
        if (underscore > 0 && underscore < name.Length - 1) { baseName = name[..underscore]; sub = name[(underscore + 1)..]; }
        else
        {
            int d = name.Length;
            while (d > 1 && char.IsAsciiDigit(name[d - 1])) d--;
            if (d < name.Length && char.IsLetter(name[d - 1])) { baseName = name[..d]; sub = name[d..]; }
        }
        string head = Greek.TryGetValue(baseName, out var gb) ? gb
            : baseName.Length == 1 ? baseName : multiLetterStyle + "{" + Escape(baseName) + "}";
        return sub.Length == 0 ? head : head + "_{" + Identifier(sub, multiLetterStyle) + "}";
    }

    static string Escape(string s) => s.Replace("\\", "\\backslash ").Replace("_", "\\_").Replace("{", "\\{").Replace("}", "\\}")
        .Replace("&", "\\&").Replace("%", "\\%").Replace("#", "\\#").Replace("$", "\\$");

    static Dictionary<string, string> BuildGreek()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] names = { "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega" };
        string letters = "αβγδεζηθικλμνξπρστυφχψω";
        for (int i = 0; i < names.Length; i++)
        {
            map[names[i]] = "\\" + names[i];
            map[letters[i].ToString()] = "\\" + names[i];
        }
        foreach (var upper in new[] { "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega" })
            map[upper] = "\\" + upper;
        return map;
    }
}
