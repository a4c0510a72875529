using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0019: <c>(Exp(x) − Exp(−x))/(Exp(x) + Exp(−x))</c> is Tanh(x); <c>(Exp(x) − Exp(−x))/2</c> is Sinh(x).</summary>
    internal sealed class HandWrittenHyperbolicRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.HandWrittenHyperbolicRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !IsExpPair(numerator, c, difference: true, out var x))
                return;
            if (IsExpPair(denominator, c, difference: false, out var x2) && c.Same(x, x2))
            {
                var fix = c.Fix(operation, $"{MathType}.Tanh({c.Arg(x)})", x);
                c.Report(Descriptor, operation, fix, "tanh", $"is NaN (∞/∞) at {c.Arg(x)} = 800 instead of 1", fix.Display);
            }
            else if (c.IsConstant(denominator, 2))
            {
                var fix = c.Fix(operation, $"{MathType}.Sinh({c.Arg(x)})", x);
                c.Report(Descriptor, operation, fix, "sinh", $"cancels: at {c.Arg(x)} = 1e−10 it returns 1.000000082740371e−10 instead of 1e−10", fix.Display);
            }
        }

        /// <summary>Exp(x) − Exp(−x) (difference) or Exp(x) + Exp(−x) in either order (sum); x is the unnegated exponent.</summary>
        static bool IsExpPair(IOperation operation, RuleContext c, bool difference, out IOperation x)
        {
            x = null!;
            var terms = c.Terms(operation);
            if (terms.Count != 2 || terms[0].Negative || terms[1].Negative != difference
                || !c.IsExp(terms[0].Term, out var a) || !c.IsExp(terms[1].Term, out var b))
                return false;
            if (c.IsNegation(b, out var minusB) && c.Same(minusB, a))
            {
                x = a;
                return true;
            }
            if (!difference && c.IsNegation(a, out var minusA) && c.Same(minusA, b))
            {
                x = b;
                return true;
            }
            return false;
        }
    }
}
