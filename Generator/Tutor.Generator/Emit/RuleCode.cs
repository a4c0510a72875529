using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Tutor.Generator.Model;
using Tutor.Rules;

namespace Tutor.Generator.Emit
{
    /// <summary>
    /// Prints rule expressions (Rules/ScalarRules.cs) as C# for one step — its operands substituted, numeric
    /// constants folded — and as the lesson's notation for comments.
    /// </summary>
    internal sealed class RuleCode
    {
        readonly IReadOnlyList<Atom> args;
        readonly string result;
        readonly bool isFloat;

        /// <param name="args">The step's operands (for a, b, c).</param>
        /// <param name="result">The step's own name (for r).</param>
        /// <param name="isFloat">Whether the step computes in float: MathF and f-suffixed constants.</param>
        public RuleCode(IReadOnlyList<Atom> args, string result, bool isFloat)
        {
            this.args = args;
            this.result = result;
            this.isFloat = isFloat;
        }

        /// <summary>C# for the op itself: <c>global::System.Math.Exp(y)</c>, <c>x + t1</c>.</summary>
        public string Forward(ScalarRule rule) =>
            CSharp(new RuleCall(rule.Name, Enumerable.Range(0, rule.Arity).Select(i => (RuleExpr)new RuleSymbol((char)('a' + i))).ToArray())).Code;

        /// <summary>The partial derivative, normalised so that a leading minus comes out front: −(r/b), not (−r)/b.</summary>
        public static RuleExpr Partial(ScalarRule rule, int operand) => Normalize(RuleParser.Parse(rule.Partials[operand]));

        static RuleExpr Normalize(RuleExpr e)
        {
            if (e is RuleCall { Op: "Div" or "Mul" } call && call.Args[0] is RuleCall { Op: "Neg" } neg)
                return new RuleCall("Neg", new[] { Normalize(new RuleCall(call.Op, new[] { neg.Args[0], call.Args[1] })) });
            return e;
        }

        /// <summary>A printed expression: code, its precedence (1 sum, 2 product, 3 unary, 4 atom), and its value if constant.</summary>
        internal readonly struct Printed
        {
            public Printed(string code, int precedence, double? number) { Code = code; Precedence = precedence; Number = number; }
            public string Code { get; }
            public int Precedence { get; }
            public double? Number { get; }
            public string AtLeast(int precedence) => Precedence >= precedence ? Code : "(" + Code + ")";
        }

        public Printed CSharp(RuleExpr e)
        {
            switch (e)
            {
                case RuleNumber n:
                    return Number(n.Value);
                case RuleSymbol s when s.Index < 0:
                    return new Printed(result, 4, null);
                case RuleSymbol s:
                    var atom = args[s.Index];
                    return new Printed(atom.Code, atom.Code.StartsWith("(") || IsIdentifier(atom.Code) || atom.IsLiteral ? 4 : 1, atom.Number);
                case RuleCall call:
                    var parts = call.Args.Select(CSharp).ToArray();
                    return Call(call.Op, parts);
                default:
                    throw new InvalidOperationException("Unknown rule expression.");
            }
        }

        static bool IsIdentifier(string code) => code.Length > 0 && code.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '.');

        Printed Number(double value)
        {
            if (value < 0) return new Printed("-" + Number(-value).Code, 3, value);
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            if (isFloat && (text.Contains(".") || text.Contains("E"))) text += "f";
            return new Printed(text, 4, value);
        }

        Printed Call(string op, Printed[] a)
        {
            if (a.All(p => p.Number.HasValue) && Fold(op, a.Select(p => p.Number!.Value).ToArray()) is { } folded)
                return Number(folded);
            switch (op)
            {
                case "Add": return new Printed(a[0].AtLeast(1) + " + " + a[1].AtLeast(2), 1, null);
                case "Sub": return new Printed(a[0].AtLeast(1) + " - " + a[1].AtLeast(2), 1, null);
                case "Mul": return new Printed(a[0].AtLeast(2) + " * " + a[1].AtLeast(3), 2, null);
                case "Div": return new Printed(a[0].AtLeast(2) + " / " + a[1].AtLeast(3), 2, null);
                case "Neg": return new Printed("-" + (a[0].Code.StartsWith("-") ? "(" + a[0].Code + ")" : a[0].AtLeast(3)), 3, null);
                case "Copy": return a[0];
                case "Pow" when a[1].Number is 1.0: return a[0];
                case "Pow" when a[1].Number is 2.0 && a[0].Precedence == 4: return new Printed(a[0].Code + " * " + a[0].Code, 2, null);
            }
            var rule = ScalarRules.Find(op)!;
            return new Printed(Qualified(rule) + "(" + string.Join(", ", a.Select(p => p.Code)) + ")", 4, null);
        }

        static double? Fold(string op, double[] v) => op switch
        {
            "Add" => v[0] + v[1],
            "Sub" => v[0] - v[1],
            "Mul" => v[0] * v[1],
            "Div" when v[1] != 0 && Math.Abs(v[0] / v[1] - Math.Round(v[0] / v[1])) == 0 => v[0] / v[1],
            "Neg" => -v[0],
            _ => null,
        };

        string Qualified(ScalarRule rule)
        {
            switch (rule.Home)
            {
                case RuleHome.Math:
                    // Abs, Max, Min, Clamp have float overloads on Math (MathF has no Clamp); the rest use MathF for float.
                    bool generic = rule.Method is "Abs" or "Max" or "Min" or "Clamp";
                    return (isFloat && !generic ? "global::System.MathF." : "global::System.Math.") + rule.Method;
                case RuleHome.StableMath:
                    return "global::Tutor.StableMath." + rule.Method;
                default:
                    return "global::Tutor.Partials." + rule.Method;
            }
        }

        /// <summary>Whether a template is a sum outside any brackets ("[a > b] + ½[a = b]"), so it needs grouping.</summary>
        static bool HasTopLevelPlus(string template)
        {
            int depth = 0;
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (c is '(' or '[') depth++;
                else if (c is ')' or ']') depth--;
                else if (c == '+' && depth == 0) return true;
            }
            return false;
        }

        static Printed PrettyNumber(double value) =>
            value < 0 ? new Printed("−" + (-value).ToString("R", CultureInfo.InvariantCulture), 3, value)
                      : new Printed(value.ToString("R", CultureInfo.InvariantCulture), 4, value);

        /// <summary>The expression in the lesson's notation (t̄₇ · (−t₇/t₆)), for comments.</summary>
        public string Pretty(RuleExpr e) => PrettyPrinted(e).Code;

        /// <summary>Like <see cref="Pretty"/>, in parentheses when it is a sum: a factor of a product.</summary>
        public string PrettyFactor(RuleExpr e) => PrettyPrinted(e).AtLeast(2);

        /// <summary>Like <see cref="Pretty"/>, in parentheses unless atomic: ∂(t₂/t₆)/∂t₂.</summary>
        public string PrettyGrouped(RuleExpr e) => PrettyPrinted(e).AtLeast(4);

        Printed PrettyPrinted(RuleExpr e)
        {
            switch (e)
            {
                case RuleNumber n:
                    return PrettyNumber(n.Value);
                case RuleSymbol s when s.Index < 0:
                    return new Printed(MathNames.Pretty(result), 4, null);
                case RuleSymbol s:
                    var code = args[s.Index].Code;
                    return new Printed(args[s.Index].IsLiteral ? code.Trim('(', ')') : MathNames.Pretty(code), args[s.Index].Number < 0 ? 3 : 4, args[s.Index].Number);
                case RuleCall call:
                    var a = call.Args.Select(PrettyPrinted).ToArray();
                    if (a.All(p => p.Number.HasValue) && Fold(call.Op, a.Select(p => p.Number!.Value).ToArray()) is { } folded)
                        return PrettyNumber(folded);
                    switch (call.Op)
                    {
                        case "Add": return new Printed(a[0].AtLeast(1) + " + " + a[1].AtLeast(2), 1, null);
                        case "Sub": return new Printed(a[0].AtLeast(1) + " − " + a[1].AtLeast(2), 1, null);
                        case "Mul": return new Printed(a[0].AtLeast(2) + "·" + a[1].AtLeast(3), 2, null);
                        case "Div": return new Printed(a[0].AtLeast(2) + "/" + a[1].AtLeast(3), 2, null);
                        case "Neg": return new Printed("−" + a[0].AtLeast(3), 3, null);
                        case "Copy": return a[0];
                    }
                    var template = ScalarRules.Find(call.Op)!.Text;
                    bool sum = HasTopLevelPlus(template);
                    for (int i = 0; i < a.Length; i++)
                        template = template.Replace("@" + i, a[i].Code).Replace("#" + i, a[i].AtLeast(4));
                    return new Printed(template, sum ? 1 : 4, null);
                default:
                    throw new InvalidOperationException("Unknown rule expression.");
            }
        }
    }
}
