using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0015: <c>Log(1 − Exp(−a))</c> is Log1mExp(a) (Mächler).</summary>
    internal sealed class LogOneMinusExpRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOneMinusExpRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsBinary(argument, BinaryOperatorKind.Subtract, out var one, out var exp)
                || !c.IsConstant(one, 1) || !c.IsExp(exp, out var u))
                return;
            var a = c.Neg(u);
            var fix = c.Fix(operation, $"{Stable}.Log1mExp({a})", u);
            c.Report(Descriptor, operation, fix, a, fix.Display);
        }
    }
}
