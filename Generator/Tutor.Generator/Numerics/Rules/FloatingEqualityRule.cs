using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0032 (row 30, kind S): == or != between computed floating-point values. Comparisons with 0 or ±∞ and the
    /// NaN test x != x are deliberate and not reported.
    /// </summary>
    internal sealed class FloatingEqualityRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.FloatingEqualityRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals, OperatorMethod: null } binary
                || !RuleContext.IsFloating(binary.LeftOperand.Type) && !RuleContext.IsFloating(binary.RightOperand.Type))
                return;
            var (left, right) = (binary.LeftOperand, binary.RightOperand);
            if (IsExactSentinel(left, c) || IsExactSentinel(right, c) || c.Same(left, right))
                return;
            if (!IsComputed(left, c) && !IsComputed(right, c) && !(c.IsConstant(left) || c.IsConstant(right)))
                return;
            c.Report(Descriptor, operation, null, operation.Syntax.ToString(), "rounding makes equal real numbers differ");
        }

        static bool IsExactSentinel(IOperation operation, RuleContext c) =>
            c.ConstantOf(operation) is { } value && (value == 0 || double.IsInfinity(value) || double.IsNaN(value) || value == 1 || value == -1)
            && RuleContext.StripConversions(operation) is ILiteralOperation or IFieldReferenceOperation or IUnaryOperation;

        static bool IsComputed(IOperation operation, RuleContext c) =>
            RuleContext.StripConversions(operation) is IBinaryOperation or IInvocationOperation;
    }
}
