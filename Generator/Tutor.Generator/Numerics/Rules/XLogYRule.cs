using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0029 (kind S): <c>x*Log(y)</c> is NaN at x = y = 0; entropy wants 0·log 0 = 0.</summary>
    internal sealed class XLogYRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.XLogYRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            IOperation y = null!;
            if (!c.IsCommuted(operation, BinaryOperatorKind.Multiply, t => !c.IsConstant(t) && !c.IsLog(t, out _), t => c.IsLog(t, out y), out var x, out _)
                || c.IsConstant(y) || c.IsGuarded(operation, x))
                return;
            c.Report(Descriptor, operation, null, c.Par(x), c.Arg(y));
        }
    }
}
