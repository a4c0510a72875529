using Tutor.Generator.Tests.Oracles;
using static Tutor.Generator.Tests.Oracles.Expr;

namespace Tutor.Generator.Tests.EndToEnd;

/// <summary>Every op and construct the generator supports, one scenario each.</summary>
public static class Scenarios
{
    static readonly string[] XY = ["x", "y"];
    static double[] P(params double[] p) => p;

    static Scenario A(string name, Expr tree, params double[][] points) => Scenario.Analytic(name, tree, XY, points);

    static Scenario Source(string name, string members, params double[][] points) => new(name, members, points);

    public static readonly Scenario[] All =
    [
        A("Formula", (X + Of(Fn.Exp, Y)) / (Of(Fn.Log, X) + Of(Fn.Pow, X - Y, 3)), P(3, 4), P(1.5, 0.2)),
        A("Arithmetic", (X + Y) * (X - Y) / (1.0 + X * X) - 2.0 * Y + X / 3.0, P(0.7, -1.2), P(-2, 0.5)),
        A("UnaryMinus", -(X * Y) + -X - -(-Y), P(0.7, -1.2)),
        Scenario.Analytic("Square", X * X, ["x"], P(-1.5), P(0.3)),
        A("UsedTwice", X * X * Y + X * Of(Fn.Sin, X), P(0.7, -1.2)),
        A("Exp", Of(Fn.Exp, X * Y), P(0.7, -1.2)),
        A("Log", Of(Fn.Log, X) * Y, P(0.7, -1.2), P(5, 2)),
        A("LogBase", Of(Fn.LogBase, X, Y), P(0.7, 3.5), P(8, 2)),
        A("Log10", Of(Fn.Log10, X * Y), P(0.7, 1.2)),
        A("PowInteger", Of(Fn.Pow, X - Y, 3) + Of(Fn.Pow, X, 2), P(0.7, -1.2), P(3, 4)),
        A("PowActive", Of(Fn.Pow, X, Y), P(0.7, -1.2), P(2.5, 1.5)),
        A("Sqrt", Of(Fn.Sqrt, X * X + Y), P(0.7, 1.2)),
        A("Cbrt", Of(Fn.Cbrt, X - Y), P(0.7, 1.9), P(2, 0.5)),
        A("Sin", Of(Fn.Sin, X * Y), P(0.7, -1.2)),
        A("Cos", Of(Fn.Cos, X * Y), P(0.7, -1.2)),
        A("Tan", Of(Fn.Tan, X * Y), P(0.7, -1.2)),
        A("Asin", Of(Fn.Asin, X * Y), P(0.7, -0.9)),
        A("Acos", Of(Fn.Acos, X * Y), P(0.7, 0.9)),
        A("Atan", Of(Fn.Atan, X / Y), P(0.7, -1.2)),
        A("Atan2", Of(Fn.Atan2, Y, X), P(1, 2), P(-1, 0.5), P(-2, -1)),
        A("Sinh", Of(Fn.Sinh, X * Y), P(0.7, -1.2)),
        A("Cosh", Of(Fn.Cosh, X * Y), P(0.7, -1.2)),
        A("Tanh", Of(Fn.Tanh, X * Y), P(0.7, -1.2)),
        A("Log1p", Of(Fn.Log1p, X * Y), P(0.7, 1.2), P(1e-3, 2)),
        A("Expm1", Of(Fn.Expm1, X * Y), P(0.7, -1.2)),
        A("Softplus", Of(Fn.Softplus, X * Y), P(0.7, -1.2), P(6, 7)),
        A("Sigmoid", Of(Fn.Sigmoid, X * Y), P(0.7, -1.2)),
        A("LogSigmoid", Of(Fn.LogSigmoid, X * Y), P(0.7, -1.2)),
        A("LogSumExp", Of(Fn.LogSumExp, X, Y), P(0.7, -1.2), P(30, 31)),
        A("Hypot", Of(Fn.Hypot, X, Y), P(0.7, -1.2), P(3, 4)),

        Source("Abs", """
                [Differentiable]
                public static double Abs(double x, double y) => Math.Abs(x - y) * y;
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("MaxMin", """
                [Differentiable]
                public static double MaxMin(double x, double y) => Math.Max(x, y * y) + 2 * Math.Min(x, y);
            """, P(0.7, -1.2), P(2, 1.1), P(-1, 0.5)),
        Source("Sign", """
                [Differentiable]
                public static double Sign(double x, double y) => Math.Sign(x) * y + x;
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("Rounding", """
                [Differentiable]
                public static double Rounding(double x, double y) => Math.Floor(x) * y + Math.Ceiling(y) * x + Math.Round(x * y) + x * y;
            """, P(1.3, 2.4), P(-0.7, 1.2)),
        Source("Clamp", """
                [Differentiable]
                public static double Clamp(double x, double y) => Math.Clamp(x * y, -1.0, 2.0) + 3 * Math.Clamp(x, y, 3.0);
            """, P(0.7, -1.2), P(2, 0.5), P(4, 0.1), P(-2, -0.9)),
        Source("Relu", """
                [Differentiable]
                public static double Relu(double x, double y) => StableMath.Relu(x - y) * x + StableMath.Relu(y);
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("BlockBody", """
                [Differentiable]
                public static double BlockBody(double x, double y)
                {
                    double a = x * y;
                    double b = Math.Sin(a);
                    a = a + b;
                    b = a * x;
                    var c = a / (1 + b * b);
                    return c + b;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("CompoundAssignment", """
                [Differentiable]
                public static double CompoundAssignment(double x, double y)
                {
                    double s = x;
                    s += y;
                    s *= x;
                    s -= Math.Exp(y);
                    s /= 2 + y * y;
                    s += 1;
                    return s;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("IfElse", """
                [Differentiable]
                public static double IfElse(double x, double y)
                {
                    double r;
                    if (x > y)
                    {
                        r = x * y;
                    }
                    else
                    {
                        r = x / y;
                    }
                    return r + x;
                }
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("IfWithoutElse", """
                [Differentiable]
                public static double IfWithoutElse(double x, double y)
                {
                    double r = x * y;
                    if (r > 0 && x < 2)
                        r = Math.Exp(r);
                    return r * x;
                }
            """, P(0.7, 1.2), P(-0.7, 1.2), P(3, 1)),
        Source("EarlyReturn", """
                [Differentiable]
                public static double EarlyReturn(double x, double y)
                {
                    if (x < 0)
                        return -x * y;
                    double t = Math.Exp(x);
                    return t * y;
                }
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("Conditional", """
                [Differentiable]
                public static double Conditional(double x, double y) => x > y ? x * y : x + Math.Sin(y);
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("NestedConditional", """
                [Differentiable]
                public static double NestedConditional(double x, double y) =>
                    x > 0 ? (y > 0 ? x * y : x - y) : (y > 0 ? Math.Exp(x) * y : x * x);
            """, P(0.7, -1.2), P(0.7, 1.2), P(-0.7, 1.2), P(-0.7, -1.2)),
        Source("CallsDifferentiable", """
                [Differentiable]
                public static double Inner(double a, double b) => a * Math.Sin(b);

                [Differentiable]
                public static double CallsDifferentiable(double x, double y) => Inner(x * y, x + 1) * x + Inner(y, 2.0);
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("NoDiffParameter", """
                [Differentiable]
                public static double NoDiffParameter(double x, [NoDiff] double scale) => scale * Math.Sin(x) + x;
            """, P(0.7, -1.2), P(1.1, 3)),
        Source("IntParameter", """
                [Differentiable]
                public static double IntParameter(double x, int n) => Math.Pow(x, n) + n * x;
            """, P(0.7, 3), P(1.1, 2)),
        Source("BoolParameter", """
                [Differentiable]
                public static double BoolParameter(double x, bool flip) => flip ? -x * x : x * x * x;
            """, P(0.7, 1), P(0.7, 0)),
        Source("ConstantOnlyCall", """
                [Differentiable]
                public static double ConstantOnlyCall(double x) => x * Math.Sqrt(2) + Math.Exp(1.5) * Math.Sin(x);
            """, P(0.7), P(-1.2)),
        Source("InactiveHelper", """
                static double Scale(int k) => k * 0.5;

                [Differentiable]
                public static double InactiveHelper(double x, double y) => x * Scale(3) + Scale(2) * y * y;
            """, P(0.7, -1.2)),
        Source("ParameterReassignment", """
                [Differentiable]
                public static double ParameterReassignment(double x, double y)
                {
                    x = x * 2;
                    y -= x;
                    y /= 3;
                    x = (x + 1) * y;
                    return x * x + +y;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("NameCollisions", """
                [Differentiable]
                public static double NameCollisions(double value, double trace)
                {
                    double t1 = value * trace;
                    double t1Bar = Math.Sin(t1);
                    double c1 = Math.Sqrt(2);
                    double value_2 = t1Bar + c1;
                    value = value * 2;
                    return value * value_2 + t1;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("ParametersNamedLikeGeneratedNames", """
                [Differentiable]
                public static double ParametersNamedLikeGeneratedNames(double x, double xDot, double xBar) => x * xDot + Math.Exp(xBar) * x;
            """, P(0.7, -1.2, 0.3), P(1.1, 0.4, -0.5)),
        Source("VerbatimKeywordParameters", """
                [Differentiable]
                public static double VerbatimKeywordParameters(double @in, double @out)
                {
                    var @double = @in * @out;
                    return Math.Sin(@double) + @in;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("LogicalConditions", """
                [Differentiable]
                public static double LogicalConditions(double x, double y)
                {
                    if (x > 0 && y > 0 || !(x < y))
                        return x * y;
                    if (x * y > Math.Sin(x))
                        return Math.Exp(x) - y;
                    return x - y * y;
                }
            """, P(0.7, 1.2), P(0.7, -1.2), P(-0.7, 1.2), P(-1.5, -0.2)),
        Source("NestedEarlyReturn", """
                [Differentiable]
                public static double NestedEarlyReturn(double x, double y)
                {
                    double s = x;
                    if (x > 0)
                    {
                        s = s * y;
                        if (y > 1)
                            return s * s;
                        s += 1;
                    }
                    else
                    {
                        s = Math.Cos(s);
                    }
                    return s * x;
                }
            """, P(0.7, 1.2), P(0.7, 0.5), P(-0.7, 1.2)),
        Source("ConditionalInsideCall", """
                [Differentiable]
                public static double ConditionalInsideCall(double x, double y) => Math.Exp(x > y ? x * 0.5 : -y) * Math.PI + 3 / x;
            """, P(0.7, -1.2), P(-0.7, 1.2)),
        Source("CallToNestedClass", """
                public static partial class Helpers
                {
                    [Differentiable]
                    public static double Square(double a) => a * a;

                    [Differentiable]
                    public static double Scaled(double a, [NoDiff] double k) => k * Math.Sin(a);
                }

                [Differentiable]
                public static double CallToNestedClass(double x, double y) => Helpers.Square(x * y) + Helpers.Scaled(y, 3.0) * x;
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("Recursion", """
                [Differentiable]
                public static double Recursion(double x, double y) => x < 1 ? x * y : Recursion(x / 2, y) * 2;
            """, P(0.7, -1.2), P(3.1, 0.4)),
        Source("ChainOfCalls", """
                [Differentiable]
                public static double Link1(double a) => Math.Tanh(a) * a;

                [Differentiable]
                public static double Link2(double a, double b) => Link1(a * b) + Link1(b);

                [Differentiable]
                public static double ChainOfCalls(double x, double y) => Link2(Link1(x), y) * Link2(y, x);
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("WhileLoop", """
                [Differentiable]
                public static double WhileLoop(double x, double y)
                {
                    double s = x;
                    int k = 0;
                    while (k < 3)
                    {
                        s = s * y + Math.Sin(s);
                        k++;
                    }
                    return s;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("ForLoop", """
                [Differentiable]
                public static double ForLoop(double x, double y)
                {
                    double s = 0;
                    for (int i = 1; i <= 4; i++)
                        s += Math.Pow(x, i) / (i + y * y);
                    return s;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        // Loops over local arrays that the backward sweep handles without keeping each element read: arrays written in
        // a loop and read after the writes of the same iteration (snapshots), a carried index that moves by a constant
        // step (li++ in the j loop) and so by the j loop's trip count in the i loop (tri[li]), trip counts from the header (<, <=, >, >= with strides), element reads that do not change
        // inside a loop (a[i] in the j loop), a[i] += v / -= v / ++, a zero-trip loop whose element index is out of range,
        // and a loop that breaks (its count must still be kept).
        Source("LoopArrays", """
                [Differentiable]
                public static double LoopArrays(double x, double y)
                {
                    int n = 5;
                    var a = new double[n];
                    var b = new double[n];
                    var tri = new double[n * (n - 1) / 2 + 3];
                    for (int q = 0; q < tri.Length; q++) tri[q] = Math.Sin(y * (q + 1)) + x;
                    double s = 0;
                    for (int r = 0; r < 3; r++)
                    {
                        for (int i = 0; i < n; i++) a[i] = Math.Sin(x * (i + 1) + r) * y;
                        for (int i = 0; i < n; i++) b[i] = a[i] * a[i];
                        int li = r;
                        for (int i = 0; i < n; i++)
                        {
                            for (int j = i + 1; j < n; j++)
                            {
                                b[j] += a[i] * Math.Cos(y + li) * tri[li];
                                li++;
                            }
                        }
                        for (int i = n - 1; i >= 0; i -= 2) s += b[i] * a[i];
                        for (int i = 1; i <= n; i += 3) b[i - 1] -= a[i - 1] * x;
                        for (int i = n; i > 1; i--) { b[i - 1]++; s += b[i - 1] * b[i - 2]; }
                        for (int i = 4; i < 3; i++) s += a[10];
                        for (int i = 0; i < n; i++)
                        {
                            if (b[i] > 1.5) break;
                            s += 0.5 * b[i];
                        }
                    }
                    return s;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("LoopProducts", """
                [Differentiable]
                public static double LoopProducts(double x, double y)
                {
                    var v = new double[4];
                    var w = new double[4];
                    double total = 0;
                    for (int step = 0; step < 4; step++)
                    {
                        for (int i = 0; i < 4; i++) v[i] = x * (i + 1) - y * step;
                        int k = 3;
                        for (int i = 0; i < 4; i++) { w[i] = v[i] * v[k]; k--; }
                        for (int i = 0; i < 4; i++) w[i] *= v[i] + y;
                        for (int i = 0; i < 4; i++)
                            for (int j = 0; j < 4; j++) total += w[i] * v[j] / (4 + j);
                        total += (v[1] > 0 ? v[1] : -v[1]) * v[1] + w[2] * w[2] * v[3];
                    }
                    return total;
                }
            """, P(0.7, -1.2), P(1.1, 0.4)),
        Source("FloatFormula", """
                [Differentiable]
                public static float FloatFormula(float x, float y) => MathF.Sin(x) * MathF.Exp(y) / (1f + x * x);

                public static double FloatFormulaTwin(double x, double y) => Math.Sin(x) * Math.Exp(y) / (1.0 + x * x);
            """, P(0.7, -1.2), P(1.1, 0.4)) with { Twin = "FloatFormulaTwin", Single = true },
        Source("FloatBlock", """
                [Differentiable]
                public static float FloatBlock(float x, float y)
                {
                    float s = x * y;
                    if (s > 0f)
                        s = MathF.Sqrt(s) + MathF.Tanh(x);
                    else
                        s = MathF.Pow(x, 2) - s;
                    s *= 2f;
                    return s;
                }

                public static double FloatBlockTwin(double x, double y)
                {
                    double s = x * y;
                    if (s > 0)
                        s = Math.Sqrt(s) + Math.Tanh(x);
                    else
                        s = Math.Pow(x, 2) - s;
                    s *= 2;
                    return s;
                }
            """, P(0.7, 1.2), P(0.7, -1.2)) with { Twin = "FloatBlockTwin", Single = true },
    ];

    public static Scenario Find(string name) => All.Single(s => s.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var s in All) data.Add(s.Name);
        return data;
    }
}
