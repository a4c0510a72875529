// The one table of scalar derivative rules. This file is compiled into the generator (which turns each rule
// into C# text) and into Tutor.Runtime (whose symbolic engine builds the Derivation from the same rules), so the
// two can never drift apart. Keep it netstandard2.0-clean: no APIs newer than that, no records.
//
// Rule expressions use a tiny language: numbers, the operands a, b, c, the result r, + - * / and unary minus,
// parentheses, and calls to other ops of this table by name (Exp(a), Sigmoid(a), MaxFirst(a, b) ...).
using System;
using System.Collections.Generic;

namespace Tutor.Rules
{
    /// <summary>Where an op's forward code lives.</summary>
    internal enum RuleHome
    {
        /// <summary>A C# operator (+, −, ·, /, unary −) or a plain copy.</summary>
        Operator,
        /// <summary><c>System.Math</c> for double, <c>System.MathF</c> for float.</summary>
        Math,
        /// <summary><c>Tutor.StableMath</c>: accurate helpers such as Log1p and Softplus.</summary>
        StableMath,
        /// <summary><c>Tutor.Partials</c>: the piecewise-constant local derivatives at kinks (Sign, Step, MaxFirst...).</summary>
        Partials,
    }

    /// <summary>One op: its forward code, one local partial derivative per operand, and how to write it.</summary>
    internal sealed class ScalarRule
    {
        public ScalarRule(string name, RuleHome home, string method, int arity, string[] partials, string latex, string text, string notation)
        {
            Name = name; Home = home; Method = method; Arity = arity; Partials = partials;
            Latex = latex; Text = text; Notation = notation;
        }

        /// <summary>The op's name in rule expressions, in the IR and in traces (e.g. <c>Exp</c>, <c>LogBase</c>).</summary>
        public string Name { get; }
        public RuleHome Home { get; }
        /// <summary>The C# method name in <see cref="Home"/> (e.g. <c>Log</c> for both Log and LogBase); empty for operators.</summary>
        public string Method { get; }
        public int Arity { get; }
        /// <summary>∂r/∂operand as rule expressions over a, b, c and r; "0" for piecewise-constant ops.</summary>
        public string[] Partials { get; }
        /// <summary>LaTeX with placeholders: <c>@0</c> the operand as is, <c>#0</c> the operand in parentheses unless atomic.</summary>
        public string Latex { get; }
        /// <summary>Plain text with the same placeholders.</summary>
        public string Text { get; }
        /// <summary>The rule as a student writes it, used in comments of generated code (∂ln a/∂a = 1/a).</summary>
        public string Notation { get; }

        public bool IsPiecewiseConstant
        {
            get { foreach (var p in Partials) if (p != "0") return false; return true; }
        }
    }

    /// <summary>The table. One line per op.</summary>
    internal static class ScalarRules
    {
        static ScalarRule Op(string name, int arity, string[] partials, string latex, string text, string notation) =>
            new ScalarRule(name, RuleHome.Operator, "", arity, partials, latex, text, notation);
        static ScalarRule M(string name, int arity, string[] partials, string latex, string text, string notation, string? method = null) =>
            new ScalarRule(name, RuleHome.Math, method ?? name, arity, partials, latex, text, notation);
        static ScalarRule S(string name, int arity, string[] partials, string latex, string text, string notation) =>
            new ScalarRule(name, RuleHome.StableMath, name, arity, partials, latex, text, notation);
        static ScalarRule P(string name, int arity, string[] partials, string latex, string text, string notation) =>
            new ScalarRule(name, RuleHome.Partials, name, arity, partials, latex, text, notation);
        static string[] Z(int n) { var z = new string[n]; for (int i = 0; i < n; i++) z[i] = "0"; return z; }

        public static readonly ScalarRule[] All =
        {
            Op("Add", 2, new[] { "1", "1" }, "@0 + @1", "@0 + @1", "∂(a+b)/∂a = 1, ∂(a+b)/∂b = 1"),
            Op("Sub", 2, new[] { "1", "-1" }, "@0 - @1", "@0 - @1", "∂(a−b)/∂a = 1, ∂(a−b)/∂b = −1"),
            Op("Mul", 2, new[] { "b", "a" }, "@0 \\cdot @1", "@0 * @1", "∂(a·b)/∂a = b, ∂(a·b)/∂b = a"),
            Op("Div", 2, new[] { "1 / b", "-r / b" }, "\\frac{@0}{@1}", "@0 / @1", "∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²"),
            Op("Neg", 1, new[] { "-1" }, "-@0", "-@0", "∂(−a)/∂a = −1"),
            Op("Copy", 1, new[] { "1" }, "@0", "@0", "∂a/∂a = 1"),

            M("Exp", 1, new[] { "r" }, "e^{@0}", "exp(@0)", "∂eᵃ/∂a = eᵃ"),
            M("Log", 1, new[] { "1 / a" }, "\\ln #0", "ln(@0)", "∂ln a/∂a = 1/a"),
            M("LogBase", 2, new[] { "1 / (a * Log(b))", "-r / (b * Log(b))" }, "\\log_{@1} #0", "log(@0, @1)", "∂log_b a/∂a = 1/(a ln b), ∂log_b a/∂b = −log_b a/(b ln b)", "Log"),
            M("Log10", 1, new[] { "1 / (a * 2.302585092994046)" }, "\\log_{10} #0", "log10(@0)", "∂log₁₀ a/∂a = 1/(a ln 10)"),
            M("Log2", 1, new[] { "1 / (a * 0.6931471805599453)" }, "\\log_{2} #0", "log2(@0)", "∂log₂ a/∂a = 1/(a ln 2)"),
            M("Pow", 2, new[] { "b * Pow(a, b - 1)", "XLogY(r, a)" }, "#0^{@1}", "#0^#1", "∂aᵇ/∂a = b·aᵇ⁻¹, ∂aᵇ/∂b = aᵇ·ln a"),
            M("Sqrt", 1, new[] { "0.5 / r" }, "\\sqrt{@0}", "sqrt(@0)", "∂√a/∂a = 1/(2√a)"),
            M("Cbrt", 1, new[] { "1 / (3 * r * r)" }, "\\sqrt[3]{@0}", "cbrt(@0)", "∂∛a/∂a = 1/(3∛a²)"),
            M("Sin", 1, new[] { "Cos(a)" }, "\\sin #0", "sin(@0)", "∂sin a/∂a = cos a"),
            M("Cos", 1, new[] { "-Sin(a)" }, "\\cos #0", "cos(@0)", "∂cos a/∂a = −sin a"),
            M("Tan", 1, new[] { "1 + r * r" }, "\\tan #0", "tan(@0)", "∂tan a/∂a = 1 + tan² a"),
            M("Asin", 1, new[] { "1 / Sqrt(1 - a * a)" }, "\\arcsin #0", "asin(@0)", "∂asin a/∂a = 1/√(1−a²)"),
            M("Acos", 1, new[] { "-1 / Sqrt(1 - a * a)" }, "\\arccos #0", "acos(@0)", "∂acos a/∂a = −1/√(1−a²)"),
            M("Atan", 1, new[] { "1 / (1 + a * a)" }, "\\arctan #0", "atan(@0)", "∂atan a/∂a = 1/(1+a²)"),
            M("Atan2", 2, new[] { "b / (a * a + b * b)", "-a / (a * a + b * b)" }, "\\operatorname{atan2}(@0, @1)", "atan2(@0, @1)", "∂atan2(a,b)/∂a = b/(a²+b²), ∂atan2(a,b)/∂b = −a/(a²+b²)"),
            M("Sinh", 1, new[] { "Cosh(a)" }, "\\sinh #0", "sinh(@0)", "∂sinh a/∂a = cosh a"),
            M("Cosh", 1, new[] { "Sinh(a)" }, "\\cosh #0", "cosh(@0)", "∂cosh a/∂a = sinh a"),
            M("Tanh", 1, new[] { "1 - r * r" }, "\\tanh #0", "tanh(@0)", "∂tanh a/∂a = 1 − tanh² a"),
            M("Abs", 1, new[] { "Sign(a)" }, "\\left|@0\\right|", "|@0|", "∂|a|/∂a = sgn a (0 at a = 0)"),
            M("Max", 2, new[] { "MaxFirst(a, b)", "MaxSecond(a, b)" }, "\\max(@0, @1)", "max(@0, @1)", "∂max(a,b)/∂a = [a > b] (½ at a = b)"),
            M("Min", 2, new[] { "MinFirst(a, b)", "MinSecond(a, b)" }, "\\min(@0, @1)", "min(@0, @1)", "∂min(a,b)/∂a = [a < b] (½ at a = b)"),
            M("Clamp", 3, new[] { "ClampValue(a, b, c)", "ClampLow(a, b, c)", "ClampHigh(a, b, c)" }, "\\operatorname{clamp}(@0, @1, @2)", "clamp(@0, @1, @2)", "∂clamp(a,lo,hi)/∂a = [lo ≤ a ≤ hi]"),
            M("Floor", 1, Z(1), "\\lfloor @0 \\rfloor", "floor(@0)", "∂⌊a⌋/∂a = 0 (almost everywhere)"),
            M("Ceiling", 1, Z(1), "\\lceil @0 \\rceil", "ceil(@0)", "∂⌈a⌉/∂a = 0 (almost everywhere)"),
            M("Round", 1, Z(1), "\\operatorname{round}(@0)", "round(@0)", "∂round(a)/∂a = 0 (almost everywhere)"),
            M("Truncate", 1, Z(1), "\\operatorname{trunc}(@0)", "trunc(@0)", "∂trunc(a)/∂a = 0 (almost everywhere)"),

            S("Log1p", 1, new[] { "1 / (1 + a)" }, "\\ln(1 + @0)", "log1p(@0)", "∂ln(1+a)/∂a = 1/(1+a)"),
            S("Expm1", 1, new[] { "r + 1" }, "(e^{@0} - 1)", "expm1(@0)", "∂(eᵃ−1)/∂a = eᵃ"),
            S("Softplus", 1, new[] { "Sigmoid(a)" }, "\\operatorname{softplus}(@0)", "softplus(@0)", "∂softplus a/∂a = σ(a)"),
            S("Sigmoid", 1, new[] { "r * (1 - r)" }, "\\sigma(@0)", "sigmoid(@0)", "∂σ(a)/∂a = σ(a)(1−σ(a))"),
            S("LogSigmoid", 1, new[] { "Sigmoid(-a)" }, "\\ln\\sigma(@0)", "logsigmoid(@0)", "∂ln σ(a)/∂a = σ(−a)"),
            S("LogSumExp", 2, new[] { "Exp(a - r)", "Exp(b - r)" }, "\\ln(e^{@0} + e^{@1})", "logsumexp(@0, @1)", "∂lse(a,b)/∂a = e^(a−lse)"),
            S("Relu", 1, new[] { "Step(a)" }, "\\operatorname{relu}(@0)", "relu(@0)", "∂relu(a)/∂a = [a > 0] (0 at a = 0)"),
            S("Hypot", 2, new[] { "SafeDiv(a, r)", "SafeDiv(b, r)" }, "\\sqrt{@0^{2} + @1^{2}}", "hypot(@0, @1)", "∂hypot(a,b)/∂a = a/hypot (0 at the origin)"),

            P("Sign", 1, Z(1), "\\operatorname{sgn}(@0)", "sgn(@0)", "∂sgn a/∂a = 0"),
            P("Step", 1, Z(1), "[@0 > 0]", "[@0 > 0]", "∂[a>0]/∂a = 0"),
            P("MaxFirst", 2, Z(2), "[@0 > @1] + \\tfrac{1}{2}[@0 = @1]", "[@0 > @1] + ½[@0 = @1]", "indicator"),
            P("MaxSecond", 2, Z(2), "[@1 > @0] + \\tfrac{1}{2}[@0 = @1]", "[@1 > @0] + ½[@0 = @1]", "indicator"),
            P("MinFirst", 2, Z(2), "[@0 < @1] + \\tfrac{1}{2}[@0 = @1]", "[@0 < @1] + ½[@0 = @1]", "indicator"),
            P("MinSecond", 2, Z(2), "[@1 < @0] + \\tfrac{1}{2}[@0 = @1]", "[@1 < @0] + ½[@0 = @1]", "indicator"),
            P("ClampValue", 3, Z(3), "[@1 \\leq @0 \\leq @2]", "[@1 <= @0 <= @2]", "indicator"),
            P("ClampLow", 3, Z(3), "[@0 < @1]", "[@0 < @1]", "indicator"),
            P("ClampHigh", 3, Z(3), "[@0 > @2]", "[@0 > @2]", "indicator"),
            P("XLogY", 2, new[] { "Log(b)", "SafeDiv(a, b)" }, "@0 \\ln #1", "@0 * ln(@1)", "x·ln y with 0·ln 0 = 0"),
            P("SafeDiv", 2, new[] { "SafeDiv(1, b)", "-SafeDiv(r, b)" }, "\\frac{@0}{@1}", "@0 / @1", "a/b with 0 where b = 0"),
        };

        static Dictionary<string, ScalarRule>? byName;

        /// <summary>The rule named <paramref name="name"/>, or null.</summary>
        public static ScalarRule? Find(string name)
        {
            var map = byName;
            if (map is null)
            {
                map = new Dictionary<string, ScalarRule>(StringComparer.Ordinal);
                foreach (var r in All) map[r.Name] = r;
                byName = map;
            }
            return map.TryGetValue(name, out var rule) ? rule : null;
        }

        /// <summary>
        /// The op for a call to <paramref name="home"/>.<paramref name="method"/> with <paramref name="arity"/>
        /// arguments (Math.Log with two arguments is LogBase), or null when the table has none.
        /// </summary>
        public static ScalarRule? FindMethod(RuleHome home, string method, int arity)
        {
            foreach (var r in All)
                if (r.Home == home && r.Method == method && r.Arity == arity) return r;
            return null;
        }
    }

    /// <summary>A parsed rule expression.</summary>
    internal abstract class RuleExpr { }

    internal sealed class RuleNumber : RuleExpr
    {
        public RuleNumber(double value, string text) { Value = value; Text = text; }
        public double Value { get; }
        public string Text { get; }
    }

    /// <summary>An operand (a, b, c) or the result (r).</summary>
    internal sealed class RuleSymbol : RuleExpr
    {
        public RuleSymbol(char name) { Name = name; }
        public char Name { get; }
        /// <summary>0, 1, 2 for a, b, c; -1 for r.</summary>
        public int Index => Name == 'r' ? -1 : Name - 'a';
    }

    /// <summary>An op of the table applied to arguments; operators are Add, Sub, Mul, Div, Neg.</summary>
    internal sealed class RuleCall : RuleExpr
    {
        public RuleCall(string op, RuleExpr[] args) { Op = op; Args = args; }
        public string Op { get; }
        public RuleExpr[] Args { get; }
    }

    /// <summary>Parses rule expressions. Throws <see cref="FormatException"/> on a malformed rule (a bug in the table).</summary>
    internal sealed class RuleParser
    {
        readonly string s;
        int i;

        RuleParser(string s) { this.s = s; }

        static Dictionary<string, RuleExpr>? cache;

        public static RuleExpr Parse(string text)
        {
            var c = cache ??= new Dictionary<string, RuleExpr>(StringComparer.Ordinal);
            lock (c)
            {
                if (c.TryGetValue(text, out var e)) return e;
                var p = new RuleParser(text);
                e = p.Sum();
                p.Skip();
                if (p.i != text.Length) throw new FormatException($"Unexpected '{text[p.i]}' at {p.i} in rule '{text}'.");
                c[text] = e;
                return e;
            }
        }

        void Skip() { while (i < s.Length && s[i] == ' ') i++; }

        bool Eat(char ch)
        {
            Skip();
            if (i < s.Length && s[i] == ch) { i++; return true; }
            return false;
        }

        RuleExpr Sum()
        {
            var left = Product();
            while (true)
            {
                if (Eat('+')) left = new RuleCall("Add", new[] { left, Product() });
                else if (Eat('-')) left = new RuleCall("Sub", new[] { left, Product() });
                else return left;
            }
        }

        RuleExpr Product()
        {
            var left = Unary();
            while (true)
            {
                if (Eat('*')) left = new RuleCall("Mul", new[] { left, Unary() });
                else if (Eat('/')) left = new RuleCall("Div", new[] { left, Unary() });
                else return left;
            }
        }

        RuleExpr Unary() => Eat('-') ? new RuleCall("Neg", new[] { Unary() }) : Primary();

        RuleExpr Primary()
        {
            Skip();
            if (Eat('('))
            {
                var e = Sum();
                if (!Eat(')')) throw new FormatException($"Missing ')' in rule '{s}'.");
                return e;
            }
            int start = i;
            if (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.'))
            {
                while (i < s.Length && (char.IsDigit(s[i]) || s[i] == '.')) i++;
                var text = s.Substring(start, i - start);
                return new RuleNumber(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), text);
            }
            while (i < s.Length && char.IsLetterOrDigit(s[i])) i++;
            if (start == i) throw new FormatException($"Unexpected character at {i} in rule '{s}'.");
            var name = s.Substring(start, i - start);
            if (name.Length == 1 && (name[0] == 'a' || name[0] == 'b' || name[0] == 'c' || name[0] == 'r'))
                return new RuleSymbol(name[0]);
            if (!Eat('(')) throw new FormatException($"'{name}' must be called in rule '{s}'.");
            var args = new List<RuleExpr>();
            if (!Eat(')'))
            {
                do args.Add(Sum()); while (Eat(','));
                if (!Eat(')')) throw new FormatException($"Missing ')' after arguments of {name} in rule '{s}'.");
            }
            if (ScalarRules.Find(name) is null) throw new FormatException($"Rule '{s}' calls '{name}', which is not in the table.");
            return new RuleCall(name, args.ToArray());
        }
    }
}
