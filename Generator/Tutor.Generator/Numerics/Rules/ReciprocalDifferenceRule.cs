using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0025: <c>1/x − 1/(x + k)</c> is k/(x·(x + k)).</summary>
    internal sealed class ReciprocalDifferenceRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.ReciprocalDifferenceRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var left, out var right)
                || !c.IsBinary(left, BinaryOperatorKind.Divide, out var one, out var x) || !c.IsConstant(one, 1)
                || !c.IsBinary(right, BinaryOperatorKind.Divide, out var one2, out var y) || !c.IsConstant(one2, 1))
                return;
            var terms = c.Terms(y);
            if (terms.Count != 2)
                return;
            for (int i = 0; i < 2; i++)
            {
                var (variable, constant) = (terms[i], terms[1 - i]);
                if (variable.Negative || !c.IsConstant(constant.Term) || !c.Same(variable.Term, x))
                    continue;
                var k = (constant.Negative ? "-" : "") + c.Par(constant.Term);
                var fix = c.Fix(operation, $"{k} / ({c.Par(x)} * {c.Par(y)})", x, y);
                c.Report(Descriptor, operation, fix, c.Arg(x), k, fix.Display);
                return;
            }
        }
    }
}
