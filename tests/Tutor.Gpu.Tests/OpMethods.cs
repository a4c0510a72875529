using System.Numerics;
using System.Reflection;
using Tutor.Rules;
using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Finds, for an op of the table, the CPU method on <see cref="Ops"/> and its GPU twin on <see cref="GpuOps"/>: the
/// same name and parameters, with every <c>Tensor&lt;T&gt;</c> replaced by <c>GpuTensor&lt;T&gt;</c>.
/// </summary>
internal static class OpMethods
{
    static readonly MethodInfo[] Cpu = typeof(Ops).GetMethods(BindingFlags.Public | BindingFlags.Static);
    static readonly MethodInfo[] Gpu = typeof(GpuOps).GetMethods(BindingFlags.Public | BindingFlags.Instance);

    public static string Name(string qualified) => qualified.Substring(TensorRules.OpsClass.Length + 1);

    /// <summary>The CPU parameter types of the forward op: operands, then constants.</summary>
    public static Type[] Forward(TensorRule rule, Type t) =>
        Enumerable.Repeat(typeof(Tensor<>).MakeGenericType(t), rule.Arity).Concat(rule.Parameters.Select(p => p.Kind switch
        {
            TensorParameterKind.Element => t,
            TensorParameterKind.Labels => typeof(int[]),
            _ => typeof(int),
        })).ToArray();

    public static Type[] Vjp(TensorRule rule, Type t)
    {
        var tensor = typeof(Tensor<>).MakeGenericType(t);
        return [tensor, .. Forward(rule, t), tensor, tensor];
    }

    public static Type[] Jvp(TensorRule rule, Type t)
    {
        var tensor = typeof(Tensor<>).MakeGenericType(t);
        return [.. Forward(rule, t), tensor, .. Enumerable.Repeat(tensor, rule.Arity), tensor];
    }

    public static MethodInfo? FindCpu(string name, Type t, Type[] parameters) => Find(Cpu, name, t, parameters);

    public static MethodInfo? FindGpu(string name, Type t, Type[] cpuParameters) =>
        Find(Gpu, name, t, cpuParameters.Select(p => p.IsGenericType && p.GetGenericTypeDefinition() == typeof(Tensor<>)
            ? typeof(GpuTensor<>).MakeGenericType(p.GetGenericArguments()) : p).ToArray());

    static MethodInfo? Find(MethodInfo[] methods, string name, Type t, Type[] parameters) =>
        methods.Where(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1)
            .Select(m => m.MakeGenericMethod(t))
            .SingleOrDefault(m => m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
}
