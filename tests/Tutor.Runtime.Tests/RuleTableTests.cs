using System.Reflection;
using Tutor.Rules;
using Tutor.Symbolic;

namespace Tutor.Runtime.Tests;

/// <summary>Every rule of the shared table: parses, evaluates like the method generated code calls, and its
/// symbolic derivative agrees with finite differences of the forward value (an independent oracle).</summary>
public class RuleTableTests
{
    public static TheoryData<string> RuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in ScalarRules.All) data.Add(r.Name);
        return data;
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Partials_parse(string name)
    {
        var rule = ScalarRules.Find(name)!;
        Assert.Equal(rule.Arity, rule.Partials.Length);
        foreach (var p in rule.Partials) Assert.NotNull(RuleParser.Parse(p));
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Evaluate_matches_the_method_generated_code_calls(string name)
    {
        var rule = ScalarRules.Find(name)!;
        foreach (var point in Points(name))
        {
            double expected = rule.Home switch
            {
                RuleHome.Operator => Operator(name, point),
                RuleHome.Math => Invoke(typeof(Math), rule.Method, point, rule.Arity),
                RuleHome.StableMath => Invoke(typeof(StableMath), rule.Method, point, rule.Arity),
                _ => Invoke(typeof(Partials), rule.Method, point, rule.Arity),
            };
            Assert.Equal(expected, Expr.Call(name, Vars(rule.Arity)).Evaluate(Bind(point)));
        }
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Symbolic_derivative_matches_central_differences(string name)
    {
        var rule = ScalarRules.Find(name)!;
        var call = Expr.Call(name, Vars(rule.Arity));
        foreach (var point in Points(name))
        {
            for (int i = 0; i < rule.Arity; i++)
            {
                string v = VarName(i);
                double symbolic = call.Differentiate(v).Evaluate(Bind(point));
                double h = 1e-6 * Math.Max(1, Math.Abs(point[i]));
                double[] plus = (double[])point.Clone(), minus = (double[])point.Clone();
                plus[i] += h; minus[i] -= h;
                double numeric = (call.Evaluate(Bind(plus)) - call.Evaluate(Bind(minus))) / (2 * h);
                Assert.True(Math.Abs(symbolic - numeric) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                    $"{name}: d/d{v} at ({string.Join(", ", point)}) symbolic {symbolic}, central difference {numeric}");
            }
        }
    }

    [Fact]
    public void Piecewise_constant_ops_have_derivative_zero()
    {
        foreach (var rule in ScalarRules.All.Where(r => r.IsPiecewiseConstant))
            Assert.Equal(Expr.Num(0), Expr.Call(rule.Name, Vars(rule.Arity)).Differentiate("a"));
    }

    // Points inside each op's domain and away from its kinks (Abs at 0, Max at a = b, Round at k + ½ ...).
    static IEnumerable<double[]> Points(string name)
    {
        double[][] common = { new[] { 0.7, 0.3, 0.9 }, new[] { 0.35, 0.6, 0.8 }, new[] { 0.9, 0.45, 1.2 } };
        double[][] anywhere = { new[] { -0.8, 0.4, 1.1 }, new[] { -1.7, -0.3, 0.5 }, new[] { 2.3, -1.2, 3.0 } };
        foreach (var p in common) yield return p;
        switch (name)
        {
            case "Add": case "Sub": case "Mul": case "Div": case "Neg": case "Copy": case "Exp": case "Sin": case "Cos":
            case "Atan": case "Atan2": case "Sinh": case "Cosh": case "Tanh": case "Abs": case "Max": case "Min": case "Cbrt":
            case "Floor": case "Ceiling": case "Round": case "Truncate": case "Expm1": case "Softplus": case "Sigmoid":
            case "LogSigmoid": case "LogSumExp": case "Relu": case "Hypot": case "Sign": case "Step": case "MaxFirst":
            case "MaxSecond": case "MinFirst": case "MinSecond": case "SafeDiv":
                foreach (var p in anywhere) yield return p;
                break;
            case "Clamp": case "ClampValue": case "ClampLow": case "ClampHigh":
                yield return new[] { 0.1, 0.2, 0.9 };
                yield return new[] { 1.5, 0.2, 0.9 };
                yield return new[] { -3.0, -2.0, 4.0 };
                break;
            case "Pow":
                yield return new[] { 2.5, -1.5, 0 };
                yield return new[] { 1.3, 3.0, 0 };
                break;
            case "Log1p":
                yield return new[] { -0.9, 0, 0 };
                yield return new[] { 30.0, 0, 0 };
                break;
            case "XLogY":
                yield return new[] { -2.0, 5.0, 0 };
                break;
        }
    }

    static double Operator(string name, double[] p) => name switch
    {
        "Add" => p[0] + p[1], "Sub" => p[0] - p[1], "Mul" => p[0] * p[1], "Div" => p[0] / p[1],
        "Neg" => -p[0], "Copy" => p[0], _ => throw new ArgumentException(name),
    };

    // LogBase and Log share Math.Log: the overload is picked by the rule's arity.
    static double Invoke(Type type, string method, double[] point, int arity)
    {
        var m = type.GetMethod(method, BindingFlags.Public | BindingFlags.Static, Enumerable.Repeat(typeof(double), arity).ToArray())
            ?? throw new MissingMethodException(type.Name, method);
        return (double)m.Invoke(null, point.Take(arity).Cast<object>().ToArray())!;
    }

    static string VarName(int i) => ((char)('a' + i)).ToString();

    static Expr[] Vars(int arity) => Enumerable.Range(0, arity).Select(i => Expr.Var(VarName(i))).ToArray();

    static Dictionary<string, double> Bind(double[] point) =>
        Enumerable.Range(0, point.Length).ToDictionary(VarName, i => point[i]);
}
