using System.Numerics;
using CsCheck;
using Tutor.Symbolic;

namespace Tutor.Runtime.Tests;

/// <summary>
/// Random expression trees: the symbolic derivative against the complex-step derivative (exact to rounding, no
/// cancellation), and simplification against the unsimplified value.
/// </summary>
public class PropertyTests
{
    static readonly string[] Unary = { "Exp", "Log", "Sin", "Cos", "Tanh", "Sqrt", "Neg" };
    static readonly string[] Binary = { "Add", "Sub", "Mul", "Div" };

    static readonly Gen<Expr> Leaf = Gen.Frequency(
        (3, Gen.OneOf(Expr.Var("x"), Expr.Var("y"))),
        (1, Gen.Int[-3, 3].Select(i => Expr.Num(i))),
        (1, Gen.Double[-2, 2].Select(d => Expr.Num(Math.Round(d, 2)))));

    static Gen<Expr> Tree(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (2, Leaf),
        (3, Gen.Select(Gen.OneOf(Unary), Tree(depth - 1), (op, a) => Expr.Call(op, a))),
        (4, Gen.Select(Gen.OneOf(Binary), Tree(depth - 1), Tree(depth - 1), (op, a, b) => Expr.Call(op, a, b))),
        (1, Gen.Select(Tree(depth - 1), Gen.Int[-3, 4], (a, n) => Expr.Call("Pow", a, Expr.Num(n)))));

    // Inputs of ordinary size: at 1e−80 the complex-step oracle's imaginary parts underflow and it reads 0.
    static readonly Gen<double> Input = Gen.Double[-2, 2].Where(v => Math.Abs(v) > 1e-3);

    static readonly Gen<(Expr Expr, double X, double Y)> Cases =
        Gen.Select(Tree(4), Input, Input, (e, x, y) => (e, x, y));


    [Fact]
    public void Derivative_matches_complex_step() =>
        Cases.Sample(c =>
        {
            var vars = new Dictionary<string, double> { ["x"] = c.X, ["y"] = c.Y };
            double value = c.Expr.Evaluate(vars);
            // ln 0 = −∞ inside a finite result (sqrt(1/−∞) = 0) has no derivative to compare with.
            if (!AllFinite(c.Expr, vars) || Math.Abs(value) > 1e6) return true;
            // The step must be tiny next to x itself (CsCheck likes inputs such as 1e−40), not just next to 1.
            double h = 1e-20 * Math.Max(Math.Abs(c.X), 1e-200);
            Complex z = ComplexEval(c.Expr, new Complex(c.X, h), c.Y);
            double reference = z.Imaginary / h;
            if (!double.IsFinite(reference) || Math.Abs(reference) > 1e6 || Math.Abs(z.Real - value) > 1e-9 * Math.Max(1, Math.Abs(value)))
                return true; // a branch cut or a pole nearby: the oracle is not trustworthy there
            var derivative = c.Expr.Differentiate("x");
            // At a singular point of a sub-expression (√0 times a zero inner derivative) the chain rule gives 0·∞;
            // the generated gradient does the same, and the oracle has nothing to say there.
            if (!AllFinite(derivative, vars)) return true;
            double symbolic = derivative.Evaluate(vars);
            // Derivative formulas can cancel large terms (x·(1/(xy) − …) at x = 1e−46), so the tolerance also scales
            // with the largest intermediate value of the derivative's evaluation.
            double tolerance = 1e-8 * Math.Max(1, Math.Abs(reference)) + 1e-13 * LargestIntermediate(derivative, vars);
            return Math.Abs(symbolic - reference) <= tolerance;
        }, iter: 3000, print: c => $"{c.Expr.ToText()} at x={c.X:R}, y={c.Y:R}: d/dx = {c.Expr.Differentiate("x").ToText()}");

    [Fact]
    public void Simplification_preserves_value() =>
        Cases.Sample(c =>
        {
            var vars = new Dictionary<string, double> { ["x"] = c.X, ["y"] = c.Y };
            double value = c.Expr.Evaluate(vars);
            // Algebraic rewrites (0·x → 0) need not keep what ∞, NaN or −0 intermediates did.
            if (!AllFinite(c.Expr, vars)) return true;
            double simplified = c.Expr.Simplify().Evaluate(vars);
            // Tolerance scaled by the largest intermediate value: rewrites reorder rounding, and a later cancellation
            // can turn a last-bit difference of an intermediate into a large relative one.
            double scale = Math.Max(Math.Abs(value), LargestIntermediate(c.Expr, vars));
            return Math.Abs(simplified - value) <= 1e-12 * Math.Max(scale, 1e-300) * 8;
        }, iter: 3000, print: c => $"{c.Expr.ToText()} → {c.Expr.Simplify().ToText()} at x={c.X:R}, y={c.Y:R}");

    [Fact]
    public void Simplify_is_idempotent() =>
        Tree(4).Sample(e => e.Simplify().Simplify().Equals(e.Simplify()), iter: 2000, print: e => e.ToText());

    static bool AllFinite(Expr e, Dictionary<string, double> vars) =>
        double.IsFinite(e.Evaluate(vars)) && e.Children.All(c => AllFinite(c, vars));

    static double LargestIntermediate(Expr e, Dictionary<string, double> vars)
    {
        double v = Math.Abs(e.Evaluate(vars));
        double max = double.IsFinite(v) ? v : 0;
        foreach (var c in e.Children) max = Math.Max(max, LargestIntermediate(c, vars));
        return max;
    }

    static Complex ComplexEval(Expr e, Complex x, double y) => e switch
    {
        NumberExpr n => n.Value,
        VariableExpr v => v.Name == "x" ? x : y,
        CallExpr c => c.Op switch
        {
            "Add" => ComplexEval(c.Args[0], x, y) + ComplexEval(c.Args[1], x, y),
            "Sub" => ComplexEval(c.Args[0], x, y) - ComplexEval(c.Args[1], x, y),
            "Mul" => ComplexEval(c.Args[0], x, y) * ComplexEval(c.Args[1], x, y),
            "Div" => ComplexEval(c.Args[0], x, y) / ComplexEval(c.Args[1], x, y),
            "Neg" => -ComplexEval(c.Args[0], x, y),
            "Exp" => Complex.Exp(ComplexEval(c.Args[0], x, y)),
            "Log" => Complex.Log(ComplexEval(c.Args[0], x, y)),
            "Sin" => Complex.Sin(ComplexEval(c.Args[0], x, y)),
            "Cos" => Complex.Cos(ComplexEval(c.Args[0], x, y)),
            "Tanh" => Tanh(ComplexEval(c.Args[0], x, y)),
            "Sqrt" => Complex.Sqrt(ComplexEval(c.Args[0], x, y)),
            "Pow" => IntegerPower(ComplexEval(c.Args[0], x, y), (int)((NumberExpr)c.Args[1]).Value),
            _ => throw new NotSupportedException(c.Op),
        },
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    // Complex.Tanh and Complex.Pow go through forms that lose the tiny imaginary part; these keep it.
    static Complex Tanh(Complex z)
    {
        double t = Math.Tanh(z.Real);
        return new Complex(t, (1 - t * t) * z.Imaginary);
    }

    static Complex IntegerPower(Complex z, int n)
    {
        Complex r = 1;
        for (int i = 0; i < Math.Abs(n); i++) r *= z;
        return n < 0 ? 1 / r : r;
    }
}
