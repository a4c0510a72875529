using System.Reflection;
using Tutor.Rules;

namespace Tutor.Tensors.Tests;

/// <summary>
/// The table and the runtime cannot drift: every method the table names exists on Ops with the signature the
/// convention at the top of TensorRules.cs documents, and every public method of Ops belongs to an entry.
/// </summary>
public class TableTests
{
    static readonly MethodInfo[] OpsMethods = typeof(Ops).GetMethods(BindingFlags.Public | BindingFlags.Static);
    static readonly NullabilityInfoContext Nullability = new();

    public static TheoryData<string> RuleNames()
    {
        var data = new TheoryData<string>();
        foreach (var r in TensorRules.All) data.Add(r.Name);
        return data;
    }

    [Fact]
    public void Names_are_unique_and_follow_the_convention()
    {
        Assert.Equal(TensorRules.All.Length, TensorRules.All.Select(r => r.Name).Distinct().Count());
        foreach (var r in TensorRules.All)
        {
            Assert.Equal(TensorRules.OpsClass + "." + r.Name, r.Forward);
            Assert.Equal(r.Arity, r.Vjps.Length);
            Assert.InRange(r.Arity, 1, 2);
            Assert.Same(r, TensorRules.Find(r.Name));
            Assert.False(string.IsNullOrWhiteSpace(r.Latex + r.Text + r.Notation) || r.Latex.Length == 0 || r.Notation.Length == 0);
            for (int i = 0; i < r.Arity; i++) Assert.Contains("@" + i, r.Latex.Replace("#", "@"));
        }
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Forward_exists_with_the_documented_signature(string name)
    {
        var rule = TensorRules.Find(name)!;
        var overloads = Overloads(rule.Forward);
        var plain = Single(overloads, ForwardParameters(rule), rule.Forward);
        Assert.Equal(typeof(Tensor<double>), plain.ReturnType);
        AssertNames(plain, rule.Operands.Concat(rule.Parameters.Select(p => p.Name)).ToArray());
        foreach (var m in overloads.Where(m => m != plain))
        {
            // The only other overload is the one that writes into a destination.
            Assert.Equal(ForwardParameters(rule).Append(typeof(Tensor<double>)), m.GetParameters().Select(p => p.ParameterType));
            Assert.Equal("destination", m.GetParameters()[^1].Name);
        }
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Each_VJP_exists_with_the_documented_signature(string name)
    {
        var rule = TensorRules.Find(name)!;
        var expected = new List<Type> { typeof(Tensor<double>) };
        expected.AddRange(ForwardParameters(rule));
        expected.Add(typeof(Tensor<double>));
        expected.Add(typeof(Tensor<double>));
        for (int i = 0; i < rule.Arity; i++)
        {
            var vjp = Single(Overloads(rule.Vjps[i]), expected, rule.Vjps[i]);
            Assert.Equal(typeof(void), vjp.ReturnType);
            var names = vjp.GetParameters().Select(p => p.Name).ToArray();
            Assert.Equal("resultAdjoint", names[0]);
            Assert.Equal(rule.Operands, names.Skip(1).Take(rule.Arity));
            Assert.Equal("result", names[^2]);
            Assert.Equal(rule.Operands[i] + "Adjoint", names[^1]);
        }
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void JVP_exists_with_the_documented_signature(string name)
    {
        var rule = TensorRules.Find(name)!;
        var expected = ForwardParameters(rule).ToList();
        expected.Add(typeof(Tensor<double>));
        for (int i = 0; i < rule.Arity; i++) expected.Add(typeof(Tensor<double>));
        expected.Add(typeof(Tensor<double>));
        var jvp = Single(Overloads(rule.Jvp), expected, rule.Jvp);
        Assert.Equal(typeof(void), jvp.ReturnType);
        var ps = jvp.GetParameters();
        int tangents = ps.Length - 1 - rule.Arity;
        Assert.Equal("result", ps[tangents - 1].Name);
        for (int i = 0; i < rule.Arity; i++)
        {
            Assert.Equal(rule.Operands[i] + "Tangent", ps[tangents + i].Name);
            Assert.Equal(NullabilityState.Nullable, Nullability.Create(ps[tangents + i]).ReadState);
        }
        Assert.Equal("resultTangent", ps[^1].Name);
        Assert.Equal(NullabilityState.NotNull, Nullability.Create(ps[^1]).ReadState);
    }

    [Fact]
    public void Every_public_op_is_in_the_table()
    {
        var named = new HashSet<string>(TensorRules.All.SelectMany(r => r.Vjps.Append(r.Forward).Append(r.Jvp)));
        var missing = OpsMethods.Select(m => TensorRules.OpsClass + "." + m.Name).Where(n => !named.Contains(n)).Distinct().ToList();
        Assert.True(missing.Count == 0, "Public Ops methods missing from TensorRules.cs: " + string.Join(", ", missing));
    }

    [Fact]
    public void Operator_symbols_map_to_ops()
    {
        Assert.Equal("Add", TensorRules.FindSymbol("+")!.Name);
        Assert.Equal("Mul", TensorRules.FindSymbol("*")!.Name);
        Assert.Equal("Neg", TensorRules.FindSymbol("neg")!.Name);
        Assert.Null(TensorRules.FindSymbol("%"));
    }

    static IEnumerable<Type> ForwardParameters(TensorRule rule) =>
        Enumerable.Repeat(typeof(Tensor<double>), rule.Arity).Concat(rule.Parameters.Select(p => p.Kind switch
        {
            TensorParameterKind.Element => typeof(double),
            TensorParameterKind.Labels => typeof(int[]),
            _ => typeof(int),
        }));

    static MethodInfo[] Overloads(string qualified)
    {
        Assert.StartsWith(TensorRules.OpsClass + ".", qualified);
        string name = qualified.Substring(TensorRules.OpsClass.Length + 1);
        var found = OpsMethods.Where(m => m.Name == name).ToArray();
        Assert.True(found.Length > 0, $"{qualified} is named in TensorRules.cs but Ops has no such public method.");
        foreach (var m in found) Assert.True(m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1, $"{qualified} must be generic in T.");
        return found.Select(m => m.MakeGenericMethod(typeof(double))).ToArray();
    }

    static MethodInfo Single(MethodInfo[] overloads, IEnumerable<Type> parameters, string qualified)
    {
        var want = parameters.ToArray();
        var match = overloads.Where(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(want)).ToArray();
        Assert.True(match.Length == 1, $"{qualified}: expected one overload ({string.Join(", ", want.Select(t => t.Name))}); found " +
            string.Join(" | ", overloads.Select(m => string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)))));
        return match[0];
    }

    static void AssertNames(MethodInfo m, string[] names) => Assert.Equal(names, m.GetParameters().Select(p => p.Name));
}
