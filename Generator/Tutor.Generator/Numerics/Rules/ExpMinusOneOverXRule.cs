using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0014: <c>(Exp(x) − 1)/x</c> is Expm1(x)/x.</summary>
    internal sealed class ExpMinusOneOverXRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.ExpMinusOneOverXRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var numerator, out var denominator)
                || !c.IsBinary(numerator, BinaryOperatorKind.Subtract, out var exp, out var one) || !c.IsConstant(one, 1)
                || !c.IsExp(exp, out var x) || !c.Same(x, denominator))
                return;
            var fix = c.Fix(operation, $"{Stable}.Expm1({c.Arg(x)}) / {c.Par(denominator)}", x, denominator);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
