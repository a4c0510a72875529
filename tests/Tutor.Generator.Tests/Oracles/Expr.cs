using System.Globalization;
using System.Numerics;
using System.Text;

namespace Tutor.Generator.Tests.Oracles;

/// <summary>A function the tests can both print as C# and evaluate over <see cref="Complex"/>.</summary>
/// <param name="Name">The C# method name (Math.Log with two arguments is "Log" with arity 2).</param>
/// <param name="Stable">True for Tutor.StableMath, false for Math/MathF.</param>
public sealed record Fn(string Name, int Arity, bool Stable, Func<Complex[], Complex> Eval)
{
    public sealed override string ToString() => (Stable ? "StableMath." : "Math.") + Name;

    static Fn M1(string name, Func<Complex, Complex> f) => new(name, 1, false, a => f(a[0]));
    static Fn M2(string name, Func<Complex, Complex, Complex> f) => new(name, 2, false, a => f(a[0], a[1]));
    static Fn S1(string name, Func<Complex, Complex> f) => new(name, 1, true, a => f(a[0]));
    static Fn S2(string name, Func<Complex, Complex, Complex> f) => new(name, 2, true, a => f(a[0], a[1]));

    public static readonly Fn Exp = M1("Exp", ComplexMath.Exp);
    public static readonly Fn Log = M1("Log", ComplexMath.Log);
    public static readonly Fn LogBase = M2("Log", ComplexMath.LogBase);
    public static readonly Fn Log10 = M1("Log10", ComplexMath.Log10);
    public static readonly Fn Pow = M2("Pow", ComplexMath.Pow);
    public static readonly Fn Sqrt = M1("Sqrt", ComplexMath.Sqrt);
    public static readonly Fn Cbrt = M1("Cbrt", ComplexMath.Cbrt);
    public static readonly Fn Sin = M1("Sin", ComplexMath.Sin);
    public static readonly Fn Cos = M1("Cos", ComplexMath.Cos);
    public static readonly Fn Tan = M1("Tan", ComplexMath.Tan);
    public static readonly Fn Asin = M1("Asin", ComplexMath.Asin);
    public static readonly Fn Acos = M1("Acos", ComplexMath.Acos);
    public static readonly Fn Atan = M1("Atan", ComplexMath.Atan);
    public static readonly Fn Atan2 = M2("Atan2", ComplexMath.Atan2);
    public static readonly Fn Sinh = M1("Sinh", ComplexMath.Sinh);
    public static readonly Fn Cosh = M1("Cosh", ComplexMath.Cosh);
    public static readonly Fn Tanh = M1("Tanh", ComplexMath.Tanh);

    public static readonly Fn Log1p = S1("Log1p", ComplexMath.Log1p);
    public static readonly Fn Expm1 = S1("Expm1", ComplexMath.Expm1);
    public static readonly Fn Softplus = S1("Softplus", ComplexMath.Softplus);
    public static readonly Fn Sigmoid = S1("Sigmoid", ComplexMath.Sigmoid);
    public static readonly Fn LogSigmoid = S1("LogSigmoid", ComplexMath.LogSigmoid);
    public static readonly Fn LogSumExp = S2("LogSumExp", ComplexMath.LogSumExp);
    public static readonly Fn Hypot = S2("Hypot", ComplexMath.Hypot);
}

/// <summary>
/// A small expression tree: the property tests generate these, print them as the body of a [Differentiable]
/// method, and differentiate them by complex step, so the oracle never sees the generator's code.
/// </summary>
public abstract record Expr
{
    public sealed record Var(string Name) : Expr;
    public sealed record Const(double Value) : Expr;
    public sealed record Neg(Expr A) : Expr;
    public sealed record Bin(char Op, Expr A, Expr B) : Expr;
    public sealed record Call(Fn Fn, Expr[] Args) : Expr;

    public static Expr X => new Var("x");
    public static Expr Y => new Var("y");
    public static Expr Z => new Var("z");
    public static implicit operator Expr(double c) => new Const(c);
    public static Expr operator +(Expr a, Expr b) => new Bin('+', a, b);
    public static Expr operator -(Expr a, Expr b) => new Bin('-', a, b);
    public static Expr operator *(Expr a, Expr b) => new Bin('*', a, b);
    public static Expr operator /(Expr a, Expr b) => new Bin('/', a, b);
    public static Expr operator -(Expr a) => new Neg(a);
    public static Expr Of(Fn fn, params Expr[] args) => new Call(fn, args);

    /// <summary>Number of nodes.</summary>
    public int Size => this switch
    {
        Neg n => 1 + n.A.Size,
        Bin b => 1 + b.A.Size + b.B.Size,
        Call c => 1 + c.Args.Sum(a => a.Size),
        _ => 1,
    };

    /// <summary>The direct children, for shrinking.</summary>
    public IEnumerable<Expr> Children => this switch
    {
        Neg n => [n.A],
        Bin b => [b.A, b.B],
        Call c => c.Args,
        _ => [],
    };

    public Complex Eval(IReadOnlyDictionary<string, Complex> env) => this switch
    {
        Var v => env[v.Name],
        Const c => c.Value,
        Neg n => -n.A.Eval(env),
        Bin { Op: '+' } b => b.A.Eval(env) + b.B.Eval(env),
        Bin { Op: '-' } b => b.A.Eval(env) - b.B.Eval(env),
        Bin { Op: '*' } b => b.A.Eval(env) * b.B.Eval(env),
        Bin { Op: '/' } b => b.A.Eval(env) / b.B.Eval(env),
        Call c => c.Fn.Eval(c.Args.Select(a => a.Eval(env)).ToArray()),
        _ => throw new InvalidOperationException(ToString()),
    };

    /// <summary>C# text, fully parenthesized; <paramref name="single"/> prints MathF and float literals.</summary>
    public string ToCSharp(bool single = false)
    {
        var sb = new StringBuilder();
        Print(sb, single);
        return sb.ToString();
    }

    void Print(StringBuilder sb, bool single)
    {
        switch (this)
        {
            case Var v: sb.Append(v.Name); break;
            case Const c: sb.Append(Literal(c.Value, single)); break;
            case Neg n: sb.Append("(-"); n.A.Print(sb, single); sb.Append(')'); break;
            case Bin b:
                sb.Append('('); b.A.Print(sb, single); sb.Append(' ').Append(b.Op).Append(' '); b.B.Print(sb, single); sb.Append(')');
                break;
            case Call c:
                sb.Append(c.Fn.Stable ? "StableMath." : single ? "MathF." : "Math.").Append(c.Fn.Name).Append('(');
                for (int i = 0; i < c.Args.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    c.Args[i].Print(sb, single);
                }
                sb.Append(')');
                break;
        }
    }

    public static string Literal(double value, bool single = false)
    {
        string text = single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        if (single) text += "f";
        return value < 0 ? "(" + text + ")" : text;
    }

    public sealed override string ToString() => ToCSharp();
}
