using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0022: <c>1 − Cos(x)</c> is 2·Sin(x/2)².</summary>
    internal sealed class OneMinusCosRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.OneMinusCosRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var one, out var cos) || !c.IsConstant(one, 1)
                || !c.IsMathCall(cos, "Cos", out var x))
                return;
            var fix = c.Fix(operation, $"2 * {MathType}.Pow({MathType}.Sin({c.Par(x)} / 2), 2)", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
