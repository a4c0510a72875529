using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0018: <c>Log(Cosh(x))</c> is LogSumExp(x, −x) − ln 2 = |x| + Log1p(Exp(−2|x|)) − ln 2.</summary>
    internal sealed class LogCoshRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogCoshRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsMathCall(argument, "Cosh", out var x))
                return;
            var fix = c.Fix(operation, $"{Stable}.LogSumExp({c.Arg(x)}, {c.Neg(x)}) - {MathType}.Log(2)", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
