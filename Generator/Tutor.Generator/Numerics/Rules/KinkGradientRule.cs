using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0036 (gradient hazard, hidden): Abs, Max, Min and Relu of values that often sit exactly on the kink — a
    /// difference (at equality), a parameter against 0 — where the derivative is a convention.
    /// </summary>
    internal sealed class KinkGradientRule : NumericsRule
    {
        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.KinkGradientRule;
        public override ImmutableArray<OperationKind> Triggers => Invocation;
        public override bool DifferentiableOnly => true;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            var call = (IInvocationOperation)operation;
            var name = call.TargetMethod.Name;
            bool math = c.Symbols.IsMath(call.TargetMethod);
            if ((math && name == "Abs" || c.Symbols.IsStableMath(call.TargetMethod) && name == "Relu") && call.Arguments.Length == 1)
            {
                var x = call.Arguments[0].Value;
                if (OftenZero(x, c))
                    c.Report(Descriptor, operation, null, operation.Syntax.ToString(), $"{c.Arg(x)} = 0",
                        name == "Abs" ? "Tutor uses sign(0) = 0, a subgradient; PyTorch also 0" : "Tutor uses 0 at 0, as PyTorch does");
            }
            else if (math && (name == "Max" || name == "Min") && call.Arguments.Length == 2)
            {
                var a = RuleContext.ArgumentAt(call, 0);
                var b = RuleContext.ArgumentAt(call, 1);
                bool atKink = c.IsConstant(a, 0) ? OftenZero(b, c) : c.IsConstant(b, 0) ? OftenZero(a, c)
                    : !c.IsConstant(a) && !c.IsConstant(b) && (c.Value(a) is IParameterReferenceOperation && c.Value(b) is IParameterReferenceOperation);
                if (atKink)
                    c.Report(Descriptor, operation, null, operation.Syntax.ToString(), $"{c.Arg(a)} = {c.Arg(b)}",
                        "Tutor splits the derivative ½ and ½ at a tie; PyTorch's max also splits it, its relu gives 0");
            }
        }

        static bool OftenZero(IOperation x, RuleContext c)
        {
            if (c.Value(x) is IParameterReferenceOperation)
                return true;
            var terms = c.Terms(x);
            return terms.Count == 2 && terms[0].Negative != terms[1].Negative && !c.IsConstant(terms[0].Term) && !c.IsConstant(terms[1].Term);
        }
    }
}
