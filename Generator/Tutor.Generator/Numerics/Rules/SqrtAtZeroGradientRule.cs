using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0034 (gradient hazard): in a <c>[Differentiable]</c> method, Sqrt of a value that can be exactly 0 — a sum of
    /// squares, a difference, a bare parameter — has the derivative 1/(2√0) = ∞ there.
    /// </summary>
    internal sealed class SqrtAtZeroGradientRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.SqrtAtZeroGradientRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;
        public override bool DifferentiableOnly => true;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (!c.IsMathCall(operation, "Sqrt", out var argument) || c.IsGuarded(operation, argument))
                return;
            var reason = Reason(argument, c);
            if (reason is not null)
                c.Report(Descriptor, operation, null, c.Arg(argument), reason);
        }

        static string? Reason(IOperation argument, RuleContext c)
        {
            if (c.Value(argument) is IParameterReferenceOperation parameter)
                return $"the parameter {parameter.Parameter.Name} may be 0";
            var terms = c.Terms(argument);
            bool allSquares = true, anyNegative = false;
            foreach (var (term, negative) in terms)
            {
                if (c.IsConstant(term))
                    return null; // Sqrt(u + ε) or Sqrt(1 − x²): not at 0 in ordinary use
                allSquares &= !negative && c.IsSquare(term, out _);
                anyNegative |= negative;
            }
            if (allSquares)
                return terms.Count == 1 ? "a square is 0 where its root is" : "a sum of squares is 0 when every term is";
            if (anyNegative)
                return "a difference is 0 when its two sides are equal";
            return null;
        }
    }
}
