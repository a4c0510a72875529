using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0021: <c>Log(Exp(x))</c> is x.</summary>
    internal sealed class LogOfExpRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfExpRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsExp(argument, out var x))
                return;
            c.Report(Descriptor, operation, c.Fix(operation, c.Par(x), x), c.Arg(x));
        }
    }
}
