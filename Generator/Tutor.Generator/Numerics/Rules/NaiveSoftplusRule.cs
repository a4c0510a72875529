using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0006: <c>Log(1 + Exp(x))</c> (also <c>StableMath.Log1p(Exp(x))</c>) is Softplus(x).</summary>
    internal sealed class NaiveSoftplusRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.NaiveSoftplusRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            IOperation exp;
            if (c.IsLog(operation, out var argument))
            {
                if (!c.IsOnePlus(argument, out exp))
                    return;
            }
            else if (operation is IInvocationOperation { TargetMethod.Name: "Log1p", Arguments.Length: 1 } call && c.Symbols.IsStableMath(call.TargetMethod))
                exp = call.Arguments[0].Value;
            else
                return;
            if (!c.IsExp(exp, out var x) || c.IsNonPositiveByForm(x))
                return;
            var fix = c.Fix(operation, $"{Stable}.Softplus({c.Arg(x)})", x);
            c.Report(Descriptor, operation, fix, c.Arg(x), fix.Display);
        }
    }
}
