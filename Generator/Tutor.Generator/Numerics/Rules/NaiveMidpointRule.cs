using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>NUM0028: <c>(a + b)/2</c> is a + (b − a)/2.</summary>
    internal sealed class NaiveMidpointRule : NumericsRule
    {
        static bool IsReference(IOperation operation) =>
            operation is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
                or IPropertyReferenceOperation or IArrayElementReferenceOperation;

        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.NaiveMidpointRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            IOperation sum;
            if (c.IsBinary(operation, BinaryOperatorKind.Divide, out var left, out var two) && c.IsConstant(two, 2))
                sum = left;
            else if (!c.IsCommuted(operation, BinaryOperatorKind.Multiply, t => c.IsConstant(t, 0.5), _ => true, out _, out sum))
                return;
            var terms = c.Terms(sum);
            if (terms.Count != 2 || terms[0].Negative || terms[1].Negative || c.IsConstant(terms[0].Term) || c.IsConstant(terms[1].Term))
                return;
            var (a, b) = (terms[0].Term, terms[1].Term);
            if (!IsReference(c.Value(a)) || !IsReference(c.Value(b)))
                return; // (lo + hi)/2 of two variables is the bisection midpoint; other sums rarely reach 1e308
            if (!c.IsBinary(sum, BinaryOperatorKind.Add, out _, out _))
                return;
            var fix = c.Fix(operation, $"{c.Par(a)} + ({c.Par(b)} - {c.Par(a)}) / 2", a, b);
            c.Report(Descriptor, operation, RuleContext.IsPure(a) ? fix : null, c.Arg(a), c.Arg(b), fix.Display);
        }
    }
}
