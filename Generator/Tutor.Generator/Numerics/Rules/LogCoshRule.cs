using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0018: <c>Log(Cosh(x))</c> overflows for |x| &gt; 710; the fix is <c>StableMath.LogCosh(x)</c>. Not the
    /// identity |x| + Log1p(Exp(−2|x|)) − ln 2 (= LogSumExp(x, −x) − ln 2) written out: for small |x| it cancels down to
    /// rounding noise (ln cosh x ≈ x²/2), no better than the naive form on [−1000, 1000] (docs/numerics.md, row 18).
    /// </summary>
    internal sealed class LogCoshRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogCoshRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsMathCall(argument, "Cosh", out var x))
                return;
            var fix = c.Fix(operation, $"{Stable}.LogCosh({c.Arg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
