using System.Globalization;

namespace Tutor.Symbolic;

/// <summary>
/// Rewrites an expression into an equal-valued one a student can read: numeric constants folded, neutral elements
/// removed (0·x, 1·x, x + 0, x/1, x¹), signs pulled out (−(−x) → x, (−a)·b → −(a·b), a + (−b) → a − b), numeric
/// factors collected in front (2·(3·x) → 6·x) and repeated factors turned into powers (u·u → u²).
/// </summary>
/// <remarks>
/// Folding applies to +, −, ·, integer powers, and to / only where the quotient is short and exact (1/2 → 0.5,
/// 1/3 stays a fraction); functions of numbers (e¹, √2) are never folded into decimals. Rewrites such as 0·x → 0 and
/// x − x → 0 are the algebraic ones: they ignore what an infinite or NaN x would have done. Every rewrite makes the
/// tree smaller or moves a sign or number outward, so the process ends.
/// </remarks>
internal static class Simplifier
{
    public static Expr Simplify(Expr e)
    {
        if (e.Children.Count == 0) return e;
        Expr[]? kids = null;
        for (int i = 0; i < e.Children.Count; i++)
        {
            var k = Simplify(e.Children[i]);
            if (!ReferenceEquals(k, e.Children[i]))
            {
                kids ??= e.Children.ToArray();
                kids[i] = k;
            }
        }
        var node = kids is null ? e : e.WithChildren(kids);
        var rewritten = Rewrite(node);
        return rewritten is null ? node : Simplify(rewritten);
    }

    static Expr? Rewrite(Expr e) => e switch
    {
        CallExpr c => RewriteCall(c),
        PiecewiseExpr p when p.Condition is NumberExpr n => n.Value != 0 ? p.WhenTrue : p.WhenFalse,
        PiecewiseExpr p when p.WhenTrue.Equals(p.WhenFalse) => p.WhenTrue,
        CompareExpr { Left: NumberExpr l, Right: NumberExpr r } c => N(CompareExpr.Holds(c.Op, l.Value, r.Value) ? 1 : 0),
        _ => null,
    };

    static Expr? RewriteCall(CallExpr c) => c.Op switch
    {
        "Copy" => c.Args[0],
        "Neg" => Neg(c.Args[0]),
        "Add" => Add(c.Args[0], c.Args[1]),
        "Sub" => Sub(c.Args[0], c.Args[1]),
        "Mul" => Mul(c.Args[0], c.Args[1]),
        "Div" => Div(c.Args[0], c.Args[1]),
        "Pow" => Pow(c.Args[0], c.Args[1]),
        _ => null,
    };

    static Expr? Neg(Expr a)
    {
        if (a is NumberExpr n) return N(-n.Value);
        if (IsCall(a, "Neg", out var x)) return x[0];
        if (IsCall(a, "Sub", out x)) return Call("Sub", x[1], x[0]);
        if (IsCall(a, "Mul", out x) && x[0] is NumberExpr k) return Call("Mul", N(-k.Value), x[1]);
        return null;
    }

    static Expr? Add(Expr a, Expr b)
    {
        if (a is NumberExpr p && b is NumberExpr q) return Fold(p.Value + q.Value);
        if (IsNum(a, 0)) return b;
        if (IsNum(b, 0)) return a;
        if (IsCall(b, "Neg", out var x)) return Call("Sub", a, x[0]);
        if (b is NumberExpr { Value: < 0 } nb) return Call("Sub", a, N(-nb.Value));
        if (IsCall(b, "Mul", out x) && x[0] is NumberExpr { Value: < 0 } k) return Call("Sub", a, Call("Mul", N(-k.Value), x[1]));
        if (IsCall(a, "Neg", out x)) return Call("Sub", b, x[0]);
        if (a.Equals(b)) return Call("Mul", N(2), a);
        return null;
    }

    static Expr? Sub(Expr a, Expr b)
    {
        if (a is NumberExpr p && b is NumberExpr q) return Fold(p.Value - q.Value);
        if (IsNum(b, 0)) return a;
        if (IsNum(a, 0)) return Call("Neg", b);
        if (IsCall(b, "Neg", out var x)) return Call("Add", a, x[0]);
        if (b is NumberExpr { Value: < 0 } nb) return Call("Add", a, N(-nb.Value));
        if (IsCall(b, "Mul", out x) && x[0] is NumberExpr { Value: < 0 } k) return Call("Add", a, Call("Mul", N(-k.Value), x[1]));
        if (a.Equals(b)) return N(0);
        return null;
    }

    static Expr? Mul(Expr a, Expr b)
    {
        if (a is NumberExpr p && b is NumberExpr q) return Fold(p.Value * q.Value);
        if (IsNum(a, 0) || IsNum(b, 0)) return N(0);
        if (IsNum(a, 1)) return b;
        if (IsNum(b, 1)) return a;
        if (IsNum(a, -1)) return Call("Neg", b);
        if (IsNum(b, -1)) return Call("Neg", a);
        if (b is NumberExpr) return Call("Mul", b, a); // numbers go in front
        if (a is NumberExpr k && IsCall(b, "Mul", out var x) && x[0] is NumberExpr m) return Call("Mul", N(k.Value * m.Value), x[1]);
        if (a is not NumberExpr && IsCall(b, "Mul", out x) && x[0] is NumberExpr m2) return Call("Mul", m2, Call("Mul", a, x[1]));
        if (IsCall(a, "Mul", out x) && x[0] is NumberExpr k2) return Call("Mul", k2, Call("Mul", x[1], b));
        if (IsCall(a, "Neg", out x)) return Call("Neg", Call("Mul", x[0], b));
        if (IsCall(b, "Neg", out x)) return Call("Neg", Call("Mul", a, x[0]));
        if (IsCall(a, "Div", out x) && IsNum(x[0], 1)) return Call("Div", b, x[1]);
        if (IsCall(b, "Div", out x) && IsNum(x[0], 1)) return Call("Div", a, x[1]);
        if (a.Equals(b)) return Call("Pow", a, N(2));
        var (ba, ea) = AsPower(a);
        var (bb, eb) = AsPower(b);
        if (ba.Equals(bb) && (ea != 1 || eb != 1)) return Call("Pow", ba, N(ea + eb));
        return null;
    }

    static Expr? Div(Expr a, Expr b)
    {
        if (a is NumberExpr p && b is NumberExpr q && IsShortExactQuotient(p.Value, q.Value)) return N(p.Value / q.Value);
        if (IsNum(a, 0)) return N(0);
        if (IsNum(b, 1)) return a;
        if (IsNum(b, -1)) return Call("Neg", a);
        if (a is NumberExpr { Value: < 0 } na) return Call("Neg", Call("Div", N(-na.Value), b));
        if (IsCall(a, "Neg", out var x)) return Call("Neg", Call("Div", x[0], b));
        if (IsCall(b, "Neg", out x)) return Call("Neg", Call("Div", a, x[0]));
        if (a is not NumberExpr && a.Equals(b)) return N(1);
        if (IsCall(a, "Div", out x)) return Call("Div", x[0], Call("Mul", x[1], b));
        if (IsCall(b, "Div", out x)) return Call("Div", Call("Mul", a, x[1]), x[0]);
        return null;
    }

    static Expr? Pow(Expr a, Expr b)
    {
        if (IsNum(b, 1)) return a;
        if (IsNum(b, 0)) return N(1);
        if (a is NumberExpr p && b is NumberExpr { Value: var n } && IsSmallInteger(n)) return Fold(Math.Pow(p.Value, n));
        if (IsCall(a, "Pow", out var x) && x[1] is NumberExpr { Value: var m } && IsSmallInteger(m)
            && b is NumberExpr { Value: var k } && IsSmallInteger(k) && IsSmallInteger(m * k))
            return Call("Pow", x[0], N(m * k));
        return null;
    }

    /// <summary>u as (u, 1), u^n with a small integer n as (u, n): lets u·u², u²·u³ merge into one power.</summary>
    static (Expr Base, double Exponent) AsPower(Expr e) =>
        IsCall(e, "Pow", out var x) && x[1] is NumberExpr { Value: var n } && IsSmallInteger(n) && IsSmallInteger(n + 1) ? (x[0], n) : (e, 1);

    static bool IsSmallInteger(double v) => Math.Abs(v) <= 64 && v == Math.Round(v);

    /// <summary>A folded number, or null when folding would print ∞ or NaN where the reader had a formula.</summary>
    static Expr? Fold(double v) => double.IsFinite(v) ? N(v) : null;

    // 1/2 → 0.5 and 1/10 → 0.1 read better than fractions; 1/3 → 0.3333333333333333 does not.
    static bool IsShortExactQuotient(double a, double b)
    {
        if (b == 0) return false;
        double q = a / b;
        return double.IsFinite(q) && q * b == a && q.ToString("R", CultureInfo.InvariantCulture).Length <= 8;
    }

    static bool IsNum(Expr e, double v) => e is NumberExpr n && n.Value == v;

    static bool IsCall(Expr e, string op, out IReadOnlyList<Expr> args)
    {
        if (e is CallExpr c && c.Op == op) { args = c.Args; return true; }
        args = Array.Empty<Expr>();
        return false;
    }

    static Expr N(double v) => Expr.Num(v);

    static Expr Call(string op, params Expr[] args) => Expr.Call(op, args);
}
