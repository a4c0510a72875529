using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0016: <c>Pow(1 + r, n)</c> is Exp(n·Log1p(r)) (reported when n is not a small constant).</summary>
    internal sealed class PowOnePlusRule : NumericsRule
    {
        const double SmallExponent = 16;

        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.PowOnePlusRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsMathCall(operation, "Pow", out var @base, out var n) || !c.IsOnePlus(@base, out var r) || c.IsConstant(r))
                return;
            if (c.ConstantOf(n) is { } exponent && System.Math.Abs(exponent) <= SmallExponent)
                return;
            var fix = c.Fix(operation, $"{MathType}.Exp({c.Par(n)} * {Stable}.Log1p({c.Arg(r)}))", n, r);
            c.Report(Descriptor, operation, fix, c.Arg(r), c.Arg(n), fix.Display);
        }
    }
}
