using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0026: <c>x*x − y*y</c> is (x + y)·(x − y).</summary>
    internal sealed class DifferenceOfSquaresRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.DifferenceOfSquaresRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var left, out var right)
                || !c.IsSquare(left, out var x) || !c.IsSquare(right, out var y) || c.IsConstant(x) || c.IsConstant(y))
                return;
            var fix = c.Fix(operation, $"({c.Par(x)} + {c.Par(y)}) * ({c.Par(x)} - {c.Par(y)})", x, y);
            c.Report(Descriptor, operation, RuleContext.IsPure(x) && RuleContext.IsPure(y) ? fix : null, c.Arg(x), c.Arg(y), fix.Display);
        }
    }
}
