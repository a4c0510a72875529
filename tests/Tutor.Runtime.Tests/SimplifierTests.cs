using Tutor.Symbolic;

namespace Tutor.Runtime.Tests;

public class SimplifierTests
{
    static readonly Expr X = Expr.Var("x"), Y = Expr.Var("y");
    static Expr N(double v) => Expr.Num(v);
    static Expr C(string op, params Expr[] args) => Expr.Call(op, args);

    public static TheoryData<Expr, Expr> Rewrites() => new()
    {
        { C("Add", N(2), N(3)), N(5) },
        { C("Sub", N(2), N(3)), N(-1) },
        { C("Mul", N(2), N(3)), N(6) },
        { C("Div", N(1), N(2)), N(0.5) },
        { C("Pow", N(2), N(10)), N(1024) },
        { C("Mul", N(0), X), N(0) },
        { C("Mul", X, N(0)), N(0) },
        { C("Mul", N(1), X), X },
        { C("Mul", X, N(1)), X },
        { C("Add", X, N(0)), X },
        { C("Add", N(0), X), X },
        { C("Sub", X, N(0)), X },
        { C("Sub", N(0), X), C("Neg", X) },
        { C("Div", X, N(1)), X },
        { C("Div", N(0), X), N(0) },
        { C("Neg", C("Neg", X)), X },
        { C("Pow", X, N(1)), X },
        { C("Pow", X, N(0)), N(1) },
        { C("Mul", C("Neg", X), Y), C("Neg", C("Mul", X, Y)) },
        { C("Add", X, C("Neg", Y)), C("Sub", X, Y) },
        { C("Sub", X, C("Neg", Y)), C("Add", X, Y) },
        { C("Copy", X), X },
        { C("Mul", N(2), C("Mul", N(3), X)), C("Mul", N(6), X) },
        { C("Mul", X, N(2)), C("Mul", N(2), X) },
        { C("Pow", X, C("Sub", N(3), N(1))), C("Pow", X, N(2)) },
        { Expr.Piecewise(Expr.Compare(">", X, N(0)), C("Exp", Y), C("Exp", Y)), C("Exp", Y) },
        { C("Add", C("Exp", N(1)), N(0)), C("Exp", N(1)) },
        { C("Mul", X, X), C("Pow", X, N(2)) },
        { C("Mul", X, C("Div", N(1), X)), N(1) },
        { C("Sub", C("Exp", X), C("Exp", X)), N(0) },
        { C("Mul", C("Pow", X, N(2)), X), C("Pow", X, N(3)) },
        { C("Div", C("Div", X, Y), N(2)), C("Div", X, C("Mul", N(2), Y)) },
        { C("Neg", C("Sub", X, Y)), C("Sub", Y, X) },
        { C("Add", X, N(-3)), C("Sub", X, N(3)) },
    };

    [Theory, MemberData(nameof(Rewrites))]
    public void Rewrites_to_the_readable_form(Expr input, Expr expected) => Assert.Equal(expected, input.Simplify());

    [Fact]
    public void Division_folds_only_when_short()
    {
        Assert.Equal(C("Div", N(1), N(3)), C("Div", N(1), N(3)).Simplify());
        Assert.Equal("\\frac{1}{3}", C("Div", N(1), N(3)).Simplify().ToLatex());
    }

    [Fact]
    public void Functions_of_numbers_are_not_folded_into_decimals()
    {
        Assert.Equal("e^{1}", C("Exp", N(1)).Simplify().ToLatex());
        Assert.Equal("\\sqrt{2}", C("Sqrt", N(2)).Simplify().ToLatex());
    }

    [Fact]
    public void Integer_exponents_print_as_integers()
    {
        var d = C("Pow", X, N(3)).Differentiate("x");
        Assert.Equal(C("Mul", N(3), C("Pow", X, N(2))), d);
        Assert.Equal("3 \\cdot x^{2}", d.ToLatex());
        Assert.Equal("3 * x^2", d.ToText());
    }

    [Fact]
    public void Structural_equality_and_hashing()
    {
        Assert.Equal(C("Add", X, N(1)), C("Add", Expr.Var("x"), Expr.Num(1)));
        Assert.Equal(C("Add", X, N(1)).GetHashCode(), C("Add", Expr.Var("x"), Expr.Num(1)).GetHashCode());
        Assert.NotEqual(C("Add", X, N(1)), C("Add", N(1), X));
        Assert.Equal(N(0), N(-0.0));
        Assert.Equal(N(0).GetHashCode(), N(-0.0).GetHashCode());
    }

    [Fact]
    public void Derivative_of_piecewise_constant_op_is_zero()
    {
        Assert.Equal(N(0), C("Floor", X).Differentiate("x"));
        Assert.Equal(N(0), C("Step", C("Mul", X, X)).Differentiate("x"));
    }
}
