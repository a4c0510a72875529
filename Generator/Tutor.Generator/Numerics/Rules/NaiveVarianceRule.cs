using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static Tutor.Generator.Numerics.Rewrite;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0027: variance as Σx²/n − mean² (the squares summed by a loop or LINQ); rewritten to StableMath.Variance
    /// when the squares and the mean run over the same array.
    /// </summary>
    internal sealed class NaiveVarianceRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.NaiveVarianceRule;
        public override ImmutableArray<OperationKind> Triggers => Binary;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsBinary(operation, BinaryOperatorKind.Subtract, out var left, out var right)
                || !c.IsSquare(right, out var mean) || !IsMeanOfSquares(left, c, out var squares))
                return;
            var fix = c.Fix(operation, $"{Stable}.Variance({c.SpanText(squares)})", squares ?? operation);
            bool exact = squares is not null && c.SpanText(squares) is not null && IsMeanOf(mean, squares, c);
            c.Report(Descriptor, operation, exact ? fix : null, exact ? "; use " + fix.Display : "; use a two-pass or Welford variance (StableMath.Variance)");
        }

        /// <summary>Σx²/n or the LINQ Average of squares; <paramref name="collection"/> is the data when known.</summary>
        static bool IsMeanOfSquares(IOperation operation, RuleContext c, out IOperation? collection)
        {
            collection = null;
            if (c.Value(operation) is IInvocationOperation { TargetMethod.Name: "Average" } average && c.Symbols.IsEnumerable(average.TargetMethod)
                && average.Arguments.Length == 2 && IsSquareSelector(RuleContext.ArgumentAt(average, 1), c))
            {
                collection = RuleContext.StripImplicit(RuleContext.ArgumentAt(average, 0));
                return true;
            }
            if (!c.IsBinary(operation, BinaryOperatorKind.Divide, out var sum, out _))
                return false;
            return IsAccumulated(sum, c, square: true, out collection);
        }

        static bool IsMeanOf(IOperation mean, IOperation collection, RuleContext c)
        {
            var value = c.Value(mean);
            if (value is IInvocationOperation { TargetMethod.Name: "Average", Arguments.Length: 1 } average && c.Symbols.IsEnumerable(average.TargetMethod))
                return c.Same(RuleContext.StripImplicit(RuleContext.ArgumentAt(average, 0)), collection);
            return c.IsBinary(value, BinaryOperatorKind.Divide, out var sum, out _)
                && IsAccumulated(sum, c, square: false, out var summed) && summed is not null && c.Same(summed, collection);
        }

        static bool IsSquareSelector(IOperation selector, RuleContext c) =>
            RuleContext.StripConversions(selector) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            && lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
            && c.IsSquare(returned, out _);

        /// <summary>A local that starts at 0 and gets v (or v·v) added in a loop over a collection.</summary>
        static bool IsAccumulated(IOperation operation, RuleContext c, bool square, out IOperation? collection)
        {
            collection = null;
            if (c.Value(operation) is not ILocalReferenceOperation local)
                return false;
            var writes = c.Facts.WritesTo(local.Local);
            if (writes.Count != 2 || !(writes[0] is { } first && c.IsConstant(first, 0)))
                return false;
            if (writes[1] is not ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } add)
                return false;
            IOperation element = add.Value;
            if (square && !c.IsSquare(add.Value, out element))
                return false;
            collection = c.CollectionOfElement(add, element);
            return true;
        }
    }
}
