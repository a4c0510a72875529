using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0010: binary cross-entropy <c>−(y·Log(p) + (1 − y)·Log(1 − p))</c> with p = σ(z) is
    /// Max(z, 0) − z·y + Log1p(Exp(−|z|)). (With p a plain input there is no exact rewrite; not reported.)
    /// </summary>
    internal sealed class BinaryCrossEntropyRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.BinaryCrossEntropyRule;
        public override ImmutableArray<OperationKind> Triggers { get; } = ImmutableArray.Create(OperationKind.Binary, OperationKind.Unary);

        public override void Analyze(IOperation operation, RuleContext c)
        {
            var terms = c.Terms(operation);
            if (terms.Count != 2)
                return;
            // negative: both terms enter with a minus (the loss); the y·Log(p) factor may carry the minus itself.
            int yIndex;
            if (Match(terms[0].Term, terms[1].Term, c, out var y, out var source, out bool negate, out bool flipped))
                yIndex = 0;
            else if (Match(terms[1].Term, terms[0].Term, c, out y, out source, out negate, out flipped))
                yIndex = 1;
            else
                return;
            bool negative = terms[yIndex].Negative ^ flipped;
            if (terms[1 - yIndex].Negative != negative)
                return;
            var z = negate ? "(" + c.Neg(source) + ")" : c.Par(source);
            var body = $"{MathType}.Max({z}, 0) - {z} * {c.Par(y)} + {Stable}.Log1p({MathType}.Exp(-{MathType}.Abs({z})))";
            var fix = c.Fix(operation, negative ? body : $"-({body})", y, source);
            c.Report(Descriptor, operation, fix, c.SigmoidArgument(source, negate), c.Arg(y), fix.Display);
        }

        /// <summary>y·Log(p) (or −y·Log(p), <paramref name="flipped"/>) and (1 − y)·Log(1 − p) with p = σ(z).</summary>
        static bool Match(IOperation first, IOperation second, RuleContext c, out IOperation y, out IOperation source, out bool negate, out bool flipped)
        {
            source = null!;
            negate = false;
            flipped = false;
            IOperation p = null!, oneMinusY = null!, oneMinusP = null!;
            if (!c.IsCommuted(first, BinaryOperatorKind.Multiply, t => !c.IsLog(t, out _), t => c.IsLog(t, out p), out y, out _)
                || !c.IsCommuted(second, BinaryOperatorKind.Multiply, t => !c.IsLog(t, out _), t => c.IsLog(t, out oneMinusP), out oneMinusY, out _))
                return false;
            if (c.IsNegation(y, out var inner))
                (y, flipped) = (inner, true);
            if (!c.IsBinary(oneMinusY, BinaryOperatorKind.Subtract, out var one, out var y2) || !c.IsConstant(one, 1) || !c.Same(y, y2))
                return false;
            if (!c.IsBinary(oneMinusP, BinaryOperatorKind.Subtract, out one, out var p2) || !c.IsConstant(one, 1) || !c.Same(p, p2))
                return false;
            return c.IsSigmoid(p, out source, out negate);
        }
    }
}
