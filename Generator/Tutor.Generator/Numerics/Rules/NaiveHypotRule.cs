using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0017: <c>Sqrt(x*x + y*y)</c> is double.Hypot(x, y).</summary>
    internal sealed class NaiveHypotRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.NaiveHypotRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsMathCall(operation, "Sqrt", out var argument))
                return;
            var terms = c.Terms(argument);
            if (terms.Count != 2 || terms[0].Negative || terms[1].Negative
                || !c.IsSquare(terms[0].Term, out var x) || !c.IsSquare(terms[1].Term, out var y))
                return;
            var fix = c.Fix(operation, $"{Scalar}.Hypot({c.Arg(x)}, {c.Arg(y)})", x, y);
            c.Report(Descriptor, operation, fix, c.Arg(x), c.Arg(y), fix.Display);
        }
    }
}
