using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0002: <c>Log(Exp(a) + Exp(b) + …)</c> is LogSumExp(a, b, …).</summary>
    internal sealed class LogOfSumOfExpsRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.LogOfSumOfExpsRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsLog(operation, out var sum))
                return;
            var terms = c.Terms(sum);
            if (terms.Count < 2)
                return;
            var exponents = new IOperation[terms.Count];
            bool allShifted = true;
            for (int i = 0; i < terms.Count; i++)
            {
                if (terms[i].Negative || !c.IsExp(terms[i].Term, out exponents[i]))
                    return;
                allShifted &= c.IsBinary(exponents[i], BinaryOperatorKind.Subtract, out _, out _) || c.IsNonPositiveByForm(exponents[i]);
            }
            if (allShifted)
                return;
            var arguments = string.Join(", ", System.Linq.Enumerable.Select(exponents, c.Arg));
            var template = exponents.Length == 2 ? $"{Stable}.LogSumExp({arguments})" : $"{Stable}.LogSumExp(new {Scalar}[] {{ {arguments} }})";
            var fix = c.Fix(operation, template, exponents);
            c.Report(Descriptor, operation, fix, c.Arg(exponents[0]), fix.Display);
        }
    }
}
