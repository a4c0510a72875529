using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0031 (row 21, kind S): <c>Exp(Log(x))</c> is x only for x &gt; 0; reported, not rewritten.</summary>
    internal sealed class ExpOfLogRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.ExpOfLogRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (c.IsExp(operation, out var argument) && c.IsLog(argument, out var x))
                c.Report(Descriptor, operation, null, c.Arg(x));
        }
    }
}
