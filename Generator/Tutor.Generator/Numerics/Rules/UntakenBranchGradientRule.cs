using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Tutor.Generator.Numerics.Rules
{
    /// <summary>
    /// NUM0035 (gradient hazard): <c>x &gt; 0 ? Math.Log(x) : 0</c> — the guarded branch is NaN or ∞ on the inputs
    /// the condition sends to the other branch. Tutor's generated gradient differentiates only the branch that runs
    /// (docs/generator.md, "Branches"), so this is Info: it bites when the same formula becomes a tensor
    /// Where(cond, a, b) or is ported to a framework that evaluates both branches.
    /// </summary>
    internal sealed class UntakenBranchGradientRule : NumericsRule
    {
        static readonly ImmutableArray<string> Singular = ImmutableArray.Create("Log", "Log10", "Log2", "Sqrt", "Asin", "Acos", "Acosh", "Atanh");

        public override DiagnosticDescriptor Descriptor => NumericsDescriptors.UntakenBranchGradientRule;
        public override ImmutableArray<OperationKind> Triggers { get; } = ImmutableArray.Create(OperationKind.Conditional);
        public override bool DifferentiableOnly => true;

        public override void Analyze(IOperation operation, RuleContext c)
        {
            if (operation is not IConditionalOperation { WhenFalse: { } whenFalse, IsRef: false } conditional
                || conditional.Type is null || !RuleContext.IsFloating(conditional.Type))
                return;
            foreach (var branch in new[] { conditional.WhenTrue, whenFalse })
            {
                foreach (var part in branch.DescendantsAndSelf())
                {
                    if (part is IInvocationOperation call && call.Arguments.Length == 1 && c.Symbols.IsMath(call.TargetMethod)
                        && Singular.Contains(call.TargetMethod.Name) && RuleContext.StripImplicit(call.Arguments[0].Value) is not IConditionalOperation
                        && MentionsConditionVariable(call.Arguments[0].Value, conditional.Condition, c))
                    {
                        var argument = c.Arg(call.Arguments[0].Value);
                        var condition = conditional.Condition.Syntax.ToString();
                        var where = branch == conditional.WhenTrue ? $"where '{condition}' is false" : $"where '{condition}' is true";
                        var safe = branch == conditional.WhenTrue ? $"{call.TargetMethod.Name}({condition} ? {argument} : 1)" : $"{call.TargetMethod.Name}({condition} ? 1 : {argument})";
                        c.Report(Descriptor, branch, null, branch.Syntax.ToString(), $"{call.TargetMethod.Name}({argument}) {where}", safe);
                        return;
                    }
                    if (part is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide } division
                        && !c.IsConstant(division.RightOperand) && RuleContext.StripImplicit(division.RightOperand) is not IConditionalOperation
                        && MentionsConditionVariable(division.RightOperand, conditional.Condition, c))
                    {
                        var condition = conditional.Condition.Syntax.ToString();
                        var denominator = c.Arg(division.RightOperand);
                        var where = branch == conditional.WhenTrue ? $"where '{condition}' is false" : $"where '{condition}' is true";
                        var safe = branch == conditional.WhenTrue ? $"… / ({condition} ? {denominator} : 1)" : $"… / ({condition} ? 1 : {denominator})";
                        c.Report(Descriptor, branch, null, branch.Syntax.ToString(), $"division by {denominator} {where}", safe);
                        return;
                    }
                }
            }
        }

        static bool MentionsConditionVariable(IOperation argument, IOperation condition, RuleContext c) =>
            RuleContext.Contains(argument, a => a is ILocalReferenceOperation or IParameterReferenceOperation
                && RuleContext.Contains(condition, b => b is ILocalReferenceOperation or IParameterReferenceOperation && c.Same(a, b)));
    }
}
