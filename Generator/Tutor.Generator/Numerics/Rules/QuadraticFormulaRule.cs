using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0024: the textbook root <c>(−b ± Sqrt(b*b − 4*a*c))/(2*a)</c>; the rewrite takes the root whose sum does not
    /// cancel and gets the other one from c/q (the identity (−b + √D)(−b − √D) = 4ac).
    /// </summary>
    internal sealed class QuadraticFormulaRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.QuadraticFormulaRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !c.IsCommuted(denominator, BinaryOperatorKind.Multiply, t => c.IsConstant(t, 2), _ => true, out _, out var a))
                return;
            var terms = c.Terms(numerator);
            if (terms.Count != 2)
                return;
            int bIndex = c.IsMathCall(terms[0].Term, "Sqrt", out _) ? 1 : 0;
            var (bTerm, rootTerm) = (terms[bIndex], terms[1 - bIndex]);
            if (!bTerm.Negative || !c.IsMathCall(rootTerm.Term, "Sqrt", out var discriminant))
                return;
            var b = bTerm.Term;
            if (c.IsGuarded(operation, b))
                return; // the branch of the stable form where this root does not cancel
            var parts = c.Terms(discriminant);
            if (parts.Count != 2 || parts[0].Negative || !parts[1].Negative || !c.IsSquare(parts[0].Term, out var b2) || !c.Same(b, b2)
                || !IsFourAC(parts[1].Term, a, c, out var cc))
                return;
            bool plus = !rootTerm.Negative;
            var sqrt = $"{MathType}.Sqrt({c.Arg(discriminant)})";
            var template = plus
                ? $"{c.Par(b)} >= 0 ? 2 * {c.Par(cc)} / ({c.Neg(b)} - {sqrt}) : ({c.Neg(b)} + {sqrt}) / (2 * {c.Par(a)})"
                : $"{c.Par(b)} <= 0 ? 2 * {c.Par(cc)} / ({c.Neg(b)} + {sqrt}) : ({c.Neg(b)} - {sqrt}) / (2 * {c.Par(a)})";
            var fix = c.Fix(operation, template, a, b, cc, discriminant);
            bool pure = RuleContext.IsPure(a) && RuleContext.IsPure(b) && RuleContext.IsPure(cc) && RuleContext.IsPure(discriminant);
            c.Report(Descriptor, operation, pure ? fix : null, c.Arg(b), c.Arg(a), c.Arg(cc), fix.Display);
        }

        /// <summary>4·a·c in any order; <paramref name="cc"/> is c.</summary>
        static bool IsFourAC(IOperation operation, IOperation a, RuleContext c, out IOperation cc)
        {
            cc = null!;
            var factors = new System.Collections.Generic.List<IOperation>();
            Factors(operation, c, factors, 0);
            if (factors.Count != 3)
                return false;
            int four = factors.FindIndex(f => c.IsConstant(f, 4));
            int ia = factors.FindIndex(f => c.Same(f, a));
            if (four < 0 || ia < 0 || four == ia)
                return false;
            cc = factors[3 - four - ia];
            return true;
        }

        static void Factors(IOperation operation, RuleContext c, System.Collections.Generic.List<IOperation> factors, int depth)
        {
            if (depth < 8 && c.IsBinary(operation, BinaryOperatorKind.Multiply, out var left, out var right))
            {
                Factors(left, c, factors, depth + 1);
                Factors(right, c, factors, depth + 1);
            }
            else
                factors.Add(operation);
        }
    }
}
