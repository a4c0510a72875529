using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0030 (kind S): <c>Atan(y/x)</c> loses the quadrant that Atan2(y, x) keeps.</summary>
    internal sealed class AtanOfRatioRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.AtanOfRatioRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (c.IsMathCall(operation, "Atan", out var argument) && c.IsBinary(argument, BinaryOperatorKind.Divide, out var y, out var x)
                && !c.IsConstant(x))
                c.Report(Descriptor, operation, null, c.Arg(y), c.Arg(x));
        }
    }
}
