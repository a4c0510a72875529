using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0004: softmax written as Exp(xᵢ)/Σ Exp(xⱼ) (a division or <c>e[i] /= s</c>) and
    /// <c>TensorPrimitives.SoftMax</c>, neither of which subtracts the maximum.
    /// </summary>
    internal sealed class SoftmaxWithoutShiftRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.SoftmaxWithoutShiftRule;
        public override ImmutableArray<OperationKind> Triggers { get; } =
            ImmutableArray.Create(OperationKind.Binary, OperationKind.CompoundAssignment, OperationKind.Invocation);

        public override void Analyze(IOperation operation, RuleContext c)
        {
            switch (operation)
            {
                case IInvocationOperation call:
                    AnalyzeTensorPrimitives(call, c);
                    break;
                case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide } compound:
                    if (c.IsExpLike(compound.Target, out _) && c.IsExpSum(compound.Value, out var total) && !total.Shifted)
                        c.Report(Descriptor, operation, null, "Softmax by hand", "; subtract the maximum first (StableMath.Softmax(x, destination) does)");
                    break;
                case IBinaryOperation:
                    AnalyzeRatio(operation, c);
                    break;
            }
        }

        void AnalyzeRatio(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !c.IsExpLike(numerator, out var exponent) || !c.IsExpSum(denominator, out var sum) || sum.Shifted)
                return;
            if (RuleContext.Consumer(operation) is { } consumer && c.IsLog(consumer, out _))
                return; // NUM0005 reports the log of the ratio
            if (c.SpanText(sum.Collection) is { } span)
            {
                var fix = c.Fix(operation, $"{MathType}.Exp({c.Par(exponent)} - {Stable}.LogSumExp({span}))", exponent, sum.Collection!);
                bool hoisted = c.IsInvariantInEnclosingLoop(operation, sum.Collection!);
                if (hoisted)
                    fix.Hoist($"{Stable}.LogSumExp({span})", $"{MathType}.Exp({c.Par(exponent)} - {Rewrite.HoistedLocal})", RuleContext.IsSingle(operation));
                c.Report(Descriptor, operation, fix, "Softmax by hand", "; use " + fix.Display
                    + (hoisted ? " (the fix computes the LogSumExp once, before the loop)" : ""));
            }
            else
            {
                c.Report(Descriptor, operation, null, "Softmax by hand", "; subtract the maximum first (StableMath.Softmax(x, destination) does)");
            }
        }

        void AnalyzeTensorPrimitives(IInvocationOperation call, RuleContext c)
        {
            if (call.TargetMethod.Name != "SoftMax" || !c.Symbols.IsTensorPrimitives(call.TargetMethod) || call.Arguments.Length != 2)
                return;
            var x = RuleContext.ArgumentAt(call, 0);
            var destination = RuleContext.ArgumentAt(call, 1);
            bool scalar = x.Type is INamedTypeSymbol { TypeArguments.Length: 1 } span && RuleContext.IsFloating(span.TypeArguments[0]);
            var fix = c.Fix(call, $"{Stable}.Softmax({c.Arg(x)}, {c.Arg(destination)})", x, destination);
            c.Report(Descriptor, call, scalar ? fix : null, "TensorPrimitives.SoftMax", "; use " + fix.Display);
        }
    }
}
