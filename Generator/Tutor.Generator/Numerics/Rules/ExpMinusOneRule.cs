using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0012: <c>Exp(x) − 1</c> is Expm1(x).</summary>
    internal sealed class ExpMinusOneRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.ExpMinusOneRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var exp, out var one) || !c.IsConstant(one, 1) || !c.IsExp(exp, out var x))
                return;
            var fix = c.Fix(operation, $"{Stable}.Expm1({c.Arg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
