using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0005: Log of a softmax ratio Exp(xᵢ)/Σ Exp(xⱼ) (log-softmax, cross-entropy) is xᵢ − LogSumExp(x).</summary>
    internal sealed class LogOfSoftmaxRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfSoftmaxRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !IsSoftmaxRatio(argument, c, out var exponent, out var sum))
                return;
            if (c.SpanText(sum.Collection) is { } span)
            {
                var fix = c.Fix(operation, $"{c.Par(exponent)} - {Stable}.LogSumExp({span})", exponent, sum.Collection!);
                if (fix.Fixable)
                {
                    c.Report(Descriptor, operation, fix, ": " + fix.Display);
                    return;
                }
            }
            c.Report(Descriptor, operation, null, " (StableMath.LogSoftmax(x, destination) computes all of them)");
        }

        static bool IsSoftmaxRatio(IOperation operation, RuleContext c, out IOperation exponent, out ExpSum sum)
        {
            exponent = null!;
            sum = null!;
            if (c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator))
                return c.IsExpLike(numerator, out exponent) && c.IsExpSum(denominator, out sum) && !sum.Shifted;
            // p[k] after p[i] = Exp(x[i]); … p[i] /= s;
            if (c.Value(operation) is IArrayElementReferenceOperation element && c.IsExpLike(element, out exponent))
            {
                var array = RuleContext.StripConversions(element.ArrayReference) switch
                {
                    ILocalReferenceOperation local => (ISymbol)local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (array is null)
                    return false;
                foreach (var write in c.Facts.ElementWritesTo(array))
                    if (write is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Divide } divide
                        && c.IsExpSum(divide.Value, out sum) && !sum.Shifted)
                    {
                        sum = sum with { Collection = null };
                        return true;
                    }
            }
            return false;
        }
    }
}
