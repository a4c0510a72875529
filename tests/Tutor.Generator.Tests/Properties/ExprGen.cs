using CsCheck;
using Tutor.Generator.Tests.Oracles;
using static Tutor.Generator.Tests.Oracles.Expr;

namespace Tutor.Generator.Tests.Properties;

/// <summary>A random method body, the point to evaluate it at, and a direction for the Jvp.</summary>
public sealed record TreeCase(Expr Tree, double[] Point, double[] Direction)
{
    public static readonly string[] Vars = ["x", "y", "z"];

    public string Method(string name, bool single = false) => single
        ? $"    [Differentiable]\n    public static float {name}(float x, float y, float z) => {Tree.ToCSharp(single: true)};"
        : $"    [Differentiable]\n    public static double {name}(double x, double y, double z) => {Tree.ToCSharp()};";

    public override string ToString() =>
        $"{Tree.ToCSharp()}  at (x, y, z) = ({string.Join(", ", Point.Select(p => p.ToString("R")))}), direction ({string.Join(", ", Direction.Select(p => p.ToString("R")))})";
}

/// <summary>
/// Random expression trees over + − · / unary −, Exp, Log, Sin, Cos, Tanh, Sqrt, Pow (integer exponent), Atan and
/// Sinh in x, y, z. Log and Sqrt see 1 + a² and divisors are 1 + b², so every tree is analytic on all of ℝ³.
/// </summary>
public static class ExprGen
{
    public const int MaxDepth = 4;

    static readonly Gen<Expr> Leaf = Gen.Frequency(
        (5, Gen.OneOf("x", "y", "z").Select(n => (Expr)new Var(n))),
        (1, Gen.OneOf(0.5, 1.0, 2.0, 3.0, -1.5).Select(c => (Expr)new Const(c))));

    static readonly Func<Expr, Expr>[] Unary =
    [
        a => -a,
        a => Of(Fn.Exp, a),
        a => Of(Fn.Log, 1.0 + a * a),
        a => Of(Fn.Sin, a),
        a => Of(Fn.Cos, a),
        a => Of(Fn.Tanh, a),
        a => Of(Fn.Sqrt, 1.0 + a * a),
        a => Of(Fn.Atan, a),
        a => Of(Fn.Sinh, a),
    ];

    static Gen<Expr> Tree(int depth)
    {
        if (depth == 0) return Leaf;
        var sub = Tree(depth - 1);
        var unary = Gen.Select(Gen.Int[0, Unary.Length - 1], sub, (k, a) => Unary[k](a));
        var binary = Gen.Select(Gen.OneOf('+', '-', '*', '/'), sub, sub,
            (op, a, b) => op == '/' ? a / (1.0 + b * b) : new Bin(op, a, b));
        var pow = Gen.Select(sub, Gen.Int[2, 3], (a, n) => Of(Fn.Pow, a, (double)n));
        return Gen.Frequency((2, Leaf), (4, unary), (5, binary), (1, pow));
    }

    static readonly Gen<double> Coordinate = Gen.Int[-2000, 2000].Select(i => i / 1000.0);

    public static readonly Gen<TreeCase> Case = Gen.Select(
        Tree(MaxDepth), Coordinate.Array[3], Gen.Int[-1000, 1000].Select(i => i / 1000.0).Array[3],
        (tree, point, direction) => new TreeCase(tree, point, direction));
}
