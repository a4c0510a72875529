using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0001: <c>Log(Exp(x)/(Exp(x) + Exp(y)))</c> is −Softplus(y − x).</summary>
    internal sealed class LogOfSoftmaxRatioRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfSoftmaxRatioRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var ratio) || !c.IsBinary(ratio, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !c.IsExp(numerator, out var x))
                return;
            if (!c.IsCommuted(denominator, BinaryOperatorKind.Add, t => c.IsExp(t, out var a) && c.Same(a, x), t => c.IsExp(t, out _), out _, out var other))
                return;
            c.IsExp(other, out var y);
            var fix = c.Fix(operation, $"-{Stable}.Softplus({c.Par(y)} - {c.Par(x)})", x, y);
            c.Report(Descriptor, operation, fix, c.Arg(x), c.Arg(y), fix.Display);
        }
    }
}
