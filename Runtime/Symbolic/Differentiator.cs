using Tutor.Rules;

namespace Tutor.Symbolic;

/// <summary>
/// Symbolic differentiation by the chain rule, with every op's local partials taken from the shared rule table
/// (the same strings the generator turns into gradient code), so the derivation shown to a student and the
/// gradient the generated code computes come from one rule.
/// </summary>
internal static class Differentiator
{
    static readonly Expr Zero = Expr.Num(0);
    static readonly Expr One = Expr.Num(1);

    /// <summary>d<paramref name="e"/>/d<paramref name="variable"/>, unsimplified except that zero terms are dropped.</summary>
    public static Expr Differentiate(Expr e, string variable)
    {
        if (!e.DependsOn(variable)) return Zero;
        switch (e)
        {
            case VariableExpr v:
                return v.Name == variable ? One : Zero;
            case CallExpr call:
                return Call(call, variable);
            case PiecewiseExpr p:
                // The derivative of an if is the derivative of the branch taken; the kink at the boundary is ignored,
                // as the generated gradient code does.
                return Expr.Piecewise(p.Condition, Differentiate(p.WhenTrue, variable), Differentiate(p.WhenFalse, variable));
            case ApplyExpr apply:
                return Apply(apply, variable);
            default:
                // Numbers, constants, opaque parts, comparisons and logic: piecewise constant in the inputs.
                return Zero;
        }
    }

    static Expr Call(CallExpr call, string variable)
    {
        var rule = call.Rule;
        if (rule.IsPiecewiseConstant) return Zero;
        Expr? sum = null;
        for (int i = 0; i < rule.Arity; i++)
        {
            var inner = Simplifier.Simplify(Differentiate(call.Args[i], variable));
            if (IsZero(inner)) continue; // also keeps e.g. Pow's ln(a) term out when the exponent is a constant
            var local = FromRule(RuleParser.Parse(rule.Partials[i]), call);
            var term = Expr.Call("Mul", local, inner);
            sum = sum is null ? term : Expr.Call("Add", sum, term);
        }
        return sum ?? Zero;
    }

    static Expr Apply(ApplyExpr apply, string variable)
    {
        var callee = apply.Callee;
        var map = new Dictionary<string, Expr>(StringComparer.Ordinal);
        for (int i = 0; i < callee.Parameters.Count; i++) map[callee.Parameters[i]] = apply.Args[i];
        Expr? sum = null;
        for (int i = 0; i < callee.Parameters.Count; i++)
        {
            if (!callee.Differentiable.Contains(callee.Parameters[i])) continue;
            var inner = Simplifier.Simplify(Differentiate(apply.Args[i], variable));
            if (IsZero(inner)) continue;
            var local = callee.Partial(callee.Parameters[i]).Substitute(map);
            var term = Expr.Call("Mul", local, inner);
            sum = sum is null ? term : Expr.Call("Add", sum, term);
        }
        return sum ?? Zero;
    }

    /// <summary>A rule expression with a, b, c replaced by the operands and r by the op's own expression.</summary>
    internal static Expr FromRule(RuleExpr rule, CallExpr self) => rule switch
    {
        RuleNumber n => Expr.Num(n.Value),
        RuleSymbol s => s.Index < 0 ? self : self.Args[s.Index],
        RuleCall c => Expr.Call(c.Op, c.Args.Select(a => FromRule(a, self)).ToArray()),
        _ => throw new InvalidOperationException("Unknown rule expression node."),
    };

    static bool IsZero(Expr e) => e is NumberExpr { Value: 0 };
}
