using static System.Math;

namespace Tutor.Accuracy;

/// <summary>One measured catalogue row: the naive formula and its rewrite, as text for the table and as code.</summary>
/// <param name="Id">The row of NUMERICS.md's catalogue (19a/19b etc. where a row has two formulas); the data file is <c>row{Id}.csv.gz</c>.</param>
/// <remarks>Two rows may share an id (and so a data file): two rewrites of the same naive formula.</remarks>
sealed record Row(string Id, string Naive, string Rewrite, Func<double[], double> NaiveF, Func<double[], double> RewriteF);

/// <summary>The formulas measured, written exactly as a student and as the code fix would write them.</summary>
static class Catalogue
{
    const double Ln2 = 0.6931471805599453;

    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("01", "Log(Exp(x)/(Exp(x)+Exp(y)))", "-Softplus(y-x)",
            v => Log(Exp(v[0]) / (Exp(v[0]) + Exp(v[1]))),
            v => -StableMath.Softplus(v[1] - v[0])),
        new("02", "Log(Exp(a)+Exp(b))", "LogSumExp(a,b)",
            v => Log(Exp(v[0]) + Exp(v[1])),
            v => StableMath.LogSumExp(v[0], v[1])),
        new("03", "Log(xs.Sum(Exp))", "LogSumExp(xs)",
            v => Log(v.Sum(Exp)),
            v => StableMath.LogSumExp(v)),
        new("04", "Exp(x0)/xs.Sum(Exp)", "Softmax(xs)[0]",
            v => Exp(v[0]) / v.Sum(Exp),
            v => { var d = new double[v.Length]; StableMath.Softmax(v, d); return d[0]; }),
        new("04", "Exp(x0)/xs.Sum(Exp)", "m=xs.Max(); Exp(x0-m)/xs.Sum(x=>Exp(x-m))",
            v => Exp(v[0]) / v.Sum(Exp),
            v => { double m = v.Max(); return Exp(v[0] - m) / v.Sum(x => Exp(x - m)); }),
        new("05", "Log(Exp(x0)/xs.Sum(Exp))", "LogSoftmax(xs)[0]",
            v => Log(Exp(v[0]) / v.Sum(Exp)),
            v => { var d = new double[v.Length]; StableMath.LogSoftmax(v, d); return d[0]; }),
        new("06", "Log(1+Exp(x))", "Softplus(x)",
            v => Log(1 + Exp(v[0])),
            v => StableMath.Softplus(v[0])),
        new("07", "Exp(x)/(1+Exp(x))", "Sigmoid(x)",
            v => Exp(v[0]) / (1 + Exp(v[0])),
            v => StableMath.Sigmoid(v[0])),
        new("08", "Log(1/(1+Exp(-x)))", "-Softplus(-x)",
            v => Log(1 / (1 + Exp(-v[0]))),
            v => -StableMath.Softplus(-v[0])),
        new("09", "1-1/(1+Exp(-x))", "Sigmoid(-x)",
            v => 1 - 1 / (1 + Exp(-v[0])),
            v => StableMath.Sigmoid(-v[0])),
        new("10", "p=1/(1+Exp(-z)); -(y*Log(p)+(1-y)*Log(1-p))", "Max(z,0)-z*y+Log1p(Exp(-Abs(z)))",
            v => { double p = 1 / (1 + Exp(-v[0])); double y = v[1]; return -(y * Log(p) + (1 - y) * Log(1 - p)); },
            v => Max(v[0], 0) - v[0] * v[1] + StableMath.Log1p(Exp(-Abs(v[0])))),
        new("11", "Log(1+x)", "Log1p(x)",
            v => Log(1 + v[0]),
            v => StableMath.Log1p(v[0])),
        new("12", "Exp(x)-1", "Expm1(x)",
            v => Exp(v[0]) - 1,
            v => StableMath.Expm1(v[0])),
        new("13", "Log(1-x)", "Log1p(-x)",
            v => Log(1 - v[0]),
            v => StableMath.Log1p(-v[0])),
        new("14", "(Exp(x)-1)/x", "Expm1(x)/x",
            v => (Exp(v[0]) - 1) / v[0],
            v => StableMath.Expm1(v[0]) / v[0]),
        new("15", "Log(1-Exp(-a))", "Log1mExp(a)",
            v => Log(1 - Exp(-v[0])),
            v => StableMath.Log1mExp(v[0])),
        new("16", "Pow(1+r,n)", "Exp(n*Log1p(r))",
            v => Pow(1 + v[0], v[1]),
            v => Exp(v[1] * StableMath.Log1p(v[0]))),
        new("17", "Sqrt(x*x+y*y)", "Hypot(x,y)",
            v => Sqrt(v[0] * v[0] + v[1] * v[1]),
            v => StableMath.Hypot(v[0], v[1])),
        new("18", "Log(Cosh(x))", "Abs(x)+Log1p(Exp(-2*Abs(x)))-Ln2",
            v => Log(Cosh(v[0])),
            v => Abs(v[0]) + StableMath.Log1p(Exp(-2 * Abs(v[0]))) - Ln2),
        // What NUM0018's fix writes: StableMath.LogCosh (correctly rounded against mpmath; see docs/numerics.md).
        new("18", "Log(Cosh(x))", "LogCosh(x)",
            v => Log(Cosh(v[0])),
            v => StableMath.LogCosh(v[0])),
        // Not in the catalogue: the rewrite above cancels for small |x| (log cosh x ≈ x²/2); cosh x − 1 = 2 sinh²(x/2)
        // keeps those digits, and the catalogue's form takes over before Sinh(x/2)² could overflow.
        new("18", "Log(Cosh(x))", "Abs(x)<=20 ? Log1p(2*Sinh(x/2)^2) : Abs(x)+Log1p(Exp(-2*Abs(x)))-Ln2",
            v => Log(Cosh(v[0])),
            v =>
            {
                double a = Abs(v[0]);
                if (a <= 20) { double s = Sinh(a / 2); return StableMath.Log1p(2 * s * s); }
                return a + StableMath.Log1p(Exp(-2 * a)) - Ln2;
            }),
        new("19a", "(Exp(x)-Exp(-x))/(Exp(x)+Exp(-x))", "Tanh(x)",
            v => (Exp(v[0]) - Exp(-v[0])) / (Exp(v[0]) + Exp(-v[0])),
            v => Tanh(v[0])),
        new("19b", "(Exp(x)-Exp(-x))/2", "Sinh(x)",
            v => (Exp(v[0]) - Exp(-v[0])) / 2,
            v => Sinh(v[0])),
        new("20a", "Log(x+Sqrt(x*x+1))", "Asinh(x)",
            v => Log(v[0] + Sqrt(v[0] * v[0] + 1)),
            v => Asinh(v[0])),
        new("20b", "Log(x+Sqrt(x*x-1))", "Acosh(x)",
            v => Log(v[0] + Sqrt(v[0] * v[0] - 1)),
            v => Acosh(v[0])),
        new("21a", "Log(Exp(x))", "x",
            v => Log(Exp(v[0])),
            v => v[0]),
        new("21b", "Exp(Log(x))", "x",
            v => Exp(Log(v[0])),
            v => v[0]),
        new("22", "1-Cos(x)", "2*Sin(x/2)^2",
            v => 1 - Cos(v[0]),
            v => { double s = Sin(v[0] / 2); return 2 * s * s; }),
        new("23", "Sqrt(x+1)-Sqrt(x)", "1/(Sqrt(x+1)+Sqrt(x))",
            v => Sqrt(v[0] + 1) - Sqrt(v[0]),
            v => 1 / (Sqrt(v[0] + 1) + Sqrt(v[0]))),
        new("24", "(-b+Sqrt(b*b-4*a*c))/(2*a)", "q=-(b+CopySign(Sqrt(b*b-4*a*c),b))/2; b<0 ? q/a : c/q",
            v => (-v[1] + Sqrt(v[1] * v[1] - 4 * v[0] * v[2])) / (2 * v[0]),
            v =>
            {
                double a = v[0], b = v[1], c = v[2];
                double q = -0.5 * (b + CopySign(Sqrt(b * b - 4 * a * c), b));
                return double.IsNegative(b) ? q / a : c / q; // the root with +√D
            }),
        new("25", "1/x-1/(x+1)", "1/(x*(x+1))",
            v => 1 / v[0] - 1 / (v[0] + 1),
            v => 1 / (v[0] * (v[0] + 1))),
        new("26", "x*x-y*y", "(x+y)*(x-y)",
            v => v[0] * v[0] - v[1] * v[1],
            v => (v[0] + v[1]) * (v[0] - v[1])),
        new("27", "xs.Sum(x=>x*x)/n - mean*mean", "Variance(xs)",
            v => { double mean = v.Sum() / v.Length; return v.Sum(x => x * x) / v.Length - mean * mean; },
            v => StableMath.Variance(v)),
        new("28", "(a+b)/2", "a+(b-a)/2",
            v => (v[0] + v[1]) / 2,
            v => v[0] + (v[1] - v[0]) / 2),
    ];
}
