using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0020: <c>Log(x + Sqrt(x*x + 1))</c> is Asinh(x); <c>Log(x + Sqrt(x*x − 1))</c> is Acosh(x).</summary>
    internal sealed class HandWrittenInverseHyperbolicRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.HandWrittenInverseHyperbolicRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            IOperation root = null!;
            if (!c.IsLog(operation, out var argument)
                || !c.IsCommuted(argument, BinaryOperatorKind.Add, _ => true, t => c.IsMathCall(t, "Sqrt", out root), out var x, out _))
                return;
            var terms = c.Terms(root);
            if (terms.Count != 2 || terms[0].Negative || !c.IsSquare(terms[0].Term, out var y) || !c.Same(x, y) || !c.IsConstant(terms[1].Term, 1))
                return;
            bool asinh = !terms[1].Negative;
            var fix = c.Fix(operation, $"{MathType}.{(asinh ? "Asinh" : "Acosh")}({c.Arg(x)})", x);
            var failure = asinh
                ? $"returns −∞ at {c.Arg(x)} = −1e10 instead of −23.7189981105004"
                : $"returns ∞ at {c.Arg(x)} = 1e200 instead of 461.2101657793691";
            c.Report(Descriptor, operation, fix, asinh ? "asinh" : "acosh", c.Arg(x), failure, fix.Display);
        }
    }
}
