using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0011: <c>Log(1 + x)</c> is Log1p(x).</summary>
    internal sealed class LogOnePlusRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOnePlusRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsOnePlus(argument, out var x) || c.IsConstant(x))
                return;
            if (c.IsExp(x, out var u) && !c.IsNonPositiveByForm(u))
                return; // softplus, NUM0006
            var fix = c.Fix(operation, $"{Stable}.Log1p({c.Arg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
