using Tutor.Rules;

namespace Tutor.Gpu.Tests;

/// <summary>
/// The GPU backend cannot fall behind the table: every op the generator can emit has a GPU forward (and a
/// destination overload where the CPU has one), every VJP and the JVP, with the CPU's parameter names and order.
/// </summary>
public class TableTests
{
    public static TheoryData<string> RuleNames() => new(TensorRules.All.Select(r => r.Name));

    [Theory, MemberData(nameof(RuleNames))]
    public void Every_method_of_the_rule_has_a_gpu_twin_with_the_same_parameters(string name)
    {
        var rule = TensorRules.Find(name)!;
        var t = typeof(double);
        var forward = OpMethods.Forward(rule, t);
        var pairs = new List<(string Name, Type[] Parameters)>
        {
            (OpMethods.Name(rule.Forward), forward),
            (OpMethods.Name(rule.Jvp), OpMethods.Jvp(rule, t)),
        };
        if (OpMethods.FindCpu(name, t, [.. forward, forward[0]]) is not null) pairs.Add((name, [.. forward, forward[0]]));
        pairs.AddRange(rule.Vjps.Select(v => (OpMethods.Name(v), OpMethods.Vjp(rule, t))));

        foreach (var (method, parameters) in pairs)
        {
            var cpu = OpMethods.FindCpu(method, t, parameters);
            Assert.True(cpu is not null, $"Ops.{method} not found: the test's reading of the table is out of date.");
            var gpu = OpMethods.FindGpu(method, t, parameters);
            Assert.True(gpu is not null, $"GpuOps.{method} is missing (the table names Ops.{method}).");
            Assert.Equal(cpu.GetParameters().Select(p => p.Name), gpu.GetParameters().Select(p => p.Name));
            Assert.Equal(cpu.ReturnType == typeof(void), gpu.ReturnType == typeof(void));
        }
    }

    [Fact]
    public void Every_public_gpu_op_is_in_the_table()
    {
        var named = new HashSet<string>(TensorRules.All.SelectMany(r => r.Vjps.Append(r.Forward).Append(r.Jvp)).Select(OpMethods.Name));
        var extra = typeof(GpuOps).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(m => m.Name).Where(n => !named.Contains(n)).Distinct().ToList();
        Assert.True(extra.Count == 0, "Public GpuOps methods that are not ops of TensorRules.cs: " + string.Join(", ", extra));
    }
}
