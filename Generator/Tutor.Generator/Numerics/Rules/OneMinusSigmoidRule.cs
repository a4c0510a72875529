using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0009: <c>1 − 1/(1 + Exp(−x))</c> is Sigmoid(−x).</summary>
    internal sealed class OneMinusSigmoidRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.OneMinusSigmoidRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var one, out var sigmoid) || !c.IsConstant(one, 1)
                || !c.IsSigmoid(sigmoid, out var source, out bool negate))
                return;
            if (RuleContext.Consumer(operation) is { } consumer && c.IsLog(consumer, out _))
                return; // Log(1 − p) belongs to the cross-entropy (NUM0010) or to NUM0013
            var minusZ = negate ? c.Arg(source) : c.Neg(source);
            var fix = c.Fix(operation, $"{Stable}.Sigmoid({minusZ})", source);
            c.Report(Descriptor, operation, fix, c.SigmoidArgument(source, negate), fix.Display);
        }
    }
}
