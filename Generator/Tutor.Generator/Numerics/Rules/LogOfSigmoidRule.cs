using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0008: the log of a sigmoid, <c>Log(1/(1 + Exp(−x)))</c>, is LogSigmoid(x) = −Softplus(−x).</summary>
    internal sealed class LogOfSigmoidRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfSigmoidRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var argument) || !c.IsSigmoid(argument, out var source, out bool negate))
                return;
            var z = c.SigmoidArgument(source, negate);
            var fix = c.Fix(operation, $"{Stable}.LogSigmoid({z})", source);
            c.Report(Descriptor, operation, fix, z, fix.Display);
        }
    }
}
