using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0003: the log of Σ Exp(xᵢ) over a collection, summed by a loop or LINQ, without the maximum shift.</summary>
    internal sealed class LogOfExpSumRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfExpSumRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsExpSum(argument, out var sum) || sum.Shifted)
                return;
            var exponent = sum.Exponent is null ? "x" : c.Arg(sum.Exponent);
            if (c.SpanText(sum.Collection) is { } span)
            {
                var fix = c.Fix(operation, $"{Stable}.LogSumExp({span})", sum.Collection!);
                c.Report(Descriptor, operation, fix, exponent, "; use " + fix.Display);
            }
            else
            {
                c.Report(Descriptor, operation, null, exponent, " (StableMath.LogSumExp(xs) does)");
            }
        }
    }
}
