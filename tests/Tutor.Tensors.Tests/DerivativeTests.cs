using System.Reflection;
using CsCheck;
using Tutor.Rules;

namespace Tutor.Tensors.Tests;

/// <summary>
/// Every op of the table, in float64 on random shapes: its JVP equals the central difference
/// (f(x + hẋ) − f(x − hẋ))/2h, and its VJP satisfies ⟨x̄, ẋ⟩ = ⟨ȳ, ẏ⟩ against that same difference, for each
/// operand on its own. The VJP must also accumulate (x̄ += …) rather than overwrite.
/// </summary>
public class DerivativeTests
{
    const double H = 1e-6;
    const double Tolerance = 1e-6;

    public static TheoryData<string> RuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in TensorRules.All) data.Add(r.Name);
        return data;
    }

    [Fact]
    public void Every_op_of_the_table_has_test_cases() =>
        Assert.Empty(TensorRules.All.Where(r => !OpCases.Has(r.Name)).Select(r => r.Name));

    [Theory, MemberData(nameof(RuleNames))]
    public void VJP_and_JVP_match_central_differences(string name)
    {
        var rule = TensorRules.Find(name)!;
        OpCases.For(name).Sample(c => Check(rule, c), iter: 60);
    }

    static void Check(TensorRule rule, Case c)
    {
        var g = new Random(c.Operands[0].Length * 7919 + rule.Name.Length);
        var result = Forward(rule, c.Operands, c.Parameters);
        var resultAdjoint = Random(result.Shape, g);
        var allTangents = new Tensor<double>?[rule.Arity];
        var sumOfDifferences = Tensor<double>.Zeros(result.Shape);
        for (int i = 0; i < rule.Arity; i++)
        {
            var direction = Random(c.Operands[i].Shape, g);
            allTangents[i] = direction;
            var difference = CentralDifference(rule, c, i, direction);
            sumOfDifferences = Ops.Add(sumOfDifferences, difference);

            var tangents = new Tensor<double>?[rule.Arity];
            tangents[i] = direction;
            var jvp = Jvp(rule, c, result, tangents);
            AssertClose(difference, jvp, $"{rule.Name} JVP in operand {rule.Operands[i]} at {c}");

            var start = Random(c.Operands[i].Shape, g);
            var adjoint = start.Clone();
            Vjp(rule, i, resultAdjoint, c, result, adjoint);
            var contribution = Ops.Sub(adjoint, start);
            double lhs = Dot(contribution, direction), rhs = Dot(resultAdjoint, difference);
            Assert.True(Math.Abs(lhs - rhs) <= Tolerance * (1 + Math.Abs(rhs)),
                $"{rule.Name} VJP in operand {rule.Operands[i]} at {c}: ⟨x̄, ẋ⟩ = {lhs}, ⟨ȳ, ẏ⟩ = {rhs}");
        }
        AssertClose(sumOfDifferences, Jvp(rule, c, result, allTangents), $"{rule.Name} JVP in all operands at {c}");
        var none = Jvp(rule, c, result, new Tensor<double>?[rule.Arity]);
        Assert.All(none.ToArray(), v => Assert.Equal(0.0, v));
    }

    static Tensor<double> CentralDifference(TensorRule rule, Case c, int operand, Tensor<double> direction)
    {
        var plus = (Tensor<double>[])c.Operands.Clone();
        var minus = (Tensor<double>[])c.Operands.Clone();
        plus[operand] = Ops.Add(c.Operands[operand], Ops.Scale(direction, H));
        minus[operand] = Ops.Sub(c.Operands[operand], Ops.Scale(direction, H));
        return Ops.Scale(Ops.Sub(Forward(rule, plus, c.Parameters), Forward(rule, minus, c.Parameters)), 1 / (2 * H));
    }

    static void AssertClose(Tensor<double> expected, Tensor<double> actual, string what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * (1 + Math.Abs(expected[i])),
                $"{what}: element {i}: central difference {expected[i]}, got {actual[i]}");
    }

    static double Dot(Tensor<double> a, Tensor<double> b) => Ops.Sum(Ops.Mul(a, b)).ToScalar();

    static Tensor<double> Random(TensorShape shape, Random g)
    {
        var t = Tensor<double>.Zeros(shape);
        for (int i = 0; i < t.Length; i++) t[i] = g.NextDouble() * 2 - 1;
        return t;
    }

    // ---- calls through the names in the table (what generated code will call) -----------------------------

    internal static Tensor<double> Forward(TensorRule rule, Tensor<double>[] operands, object[] parameters) =>
        (Tensor<double>)Method(rule.Forward, rule.Arity + rule.Parameters.Length).Invoke(null, [.. operands, .. parameters])!;

    static void Vjp(TensorRule rule, int operand, Tensor<double> resultAdjoint, Case c, Tensor<double> result, Tensor<double> adjoint) =>
        Method(rule.Vjps[operand], rule.Arity + rule.Parameters.Length + 3)
            .Invoke(null, [resultAdjoint, .. c.Operands, .. c.Parameters, result, adjoint]);

    static Tensor<double> Jvp(TensorRule rule, Case c, Tensor<double> result, Tensor<double>?[] tangents)
    {
        var resultTangent = Tensor<double>.Full(result.Shape, double.NaN); // the JVP must overwrite it
        Method(rule.Jvp, 2 * rule.Arity + rule.Parameters.Length + 2)
            .Invoke(null, [.. c.Operands, .. c.Parameters, result, .. tangents, resultTangent]);
        return resultTangent;
    }

    static MethodInfo Method(string qualified, int parameterCount)
    {
        string name = qualified[(qualified.LastIndexOf('.') + 1)..];
        return typeof(Ops).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().Length == parameterCount)
            .MakeGenericMethod(typeof(double));
    }
}
