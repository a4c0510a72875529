using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0007: <c>Exp(x)/(1 + Exp(x))</c> is Sigmoid(x) (unless a guard on the sign of x makes it the stable branch).</summary>
    internal sealed class SigmoidRatioRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.SigmoidRatioRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !c.IsExp(numerator, out var x) || !c.IsOnePlus(denominator, out var other)
                || !c.IsExp(other, out var y) || !c.Same(x, y) || c.IsNonPositiveByForm(x) || c.IsGuarded(operation, x))
                return;
            var fix = c.Fix(operation, $"{Stable}.Sigmoid({c.Arg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
