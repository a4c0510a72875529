using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0013: <c>Log(1 − x)</c> is Log1p(−x).</summary>
    internal sealed class LogOneMinusRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOneMinusRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsBinary(argument, BinaryOperatorKind.Subtract, out var one, out var x)
                || !c.IsConstant(one, 1) || c.IsConstant(x))
                return;
            if (c.IsExp(x, out _) || c.IsSigmoid(x, out _, out _))
                return; // NUM0015 and NUM0010 own these
            var fix = c.Fix(operation, $"{Stable}.Log1p({c.Neg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
