using System.Numerics;
using System.Reflection;
using Tutor.Rules;
using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Every op of the table on the simulated device against <see cref="Ops"/> on the CPU: the forward value, the
/// forward into a destination, each VJP (accumulating into an adjoint that starts non-zero) and the JVP (overwriting
/// a tangent that starts as garbage; once with all tangents, once with the first one null), at the sizes of
/// <see cref="Cases.Sizes"/>, within <see cref="Compare"/>'s tolerance.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class OpTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    public static TheoryData<string> RuleNames() => new(TensorRules.All.Select(r => r.Name));

    [Theory, MemberData(nameof(RuleNames))]
    public void Float_forward_vjps_and_jvp_match_the_cpu(string op)
    {
        for (int s = 0; s < Cases.Sizes.Length; s++) Check<float>(op, s);
    }

    [Theory, MemberData(nameof(RuleNames))]
    public void Double_forward_vjps_and_jvp_match_the_cpu(string op) => Check<double>(op, 2);

    void Check<T>(string op, int size) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rule = TensorRules.Find(op)!;
        var (r, c, k, flag) = Cases.Sizes[size];
        var @case = Cases.Build<T>(op, r, c, k, flag, seed: 100 * size + op.Length);
        var g = new Random(size);
        string at = $"{op}<{typeof(T).Name}> at {string.Join(", ", @case.Operands.Select(o => o.Shape))}";
        var forward = OpMethods.Forward(rule, typeof(T));
        var gpuOperands = @case.Operands.Select(gpu.Upload).ToArray();
        try
        {
            // Forward.
            var expected = (Tensor<T>)Cpu(op, forward, [.. @case.Operands, .. @case.Parameters]);
            using var result = (GpuTensor<T>)Gpu(op, forward, [.. gpuOperands, .. @case.Parameters]);
            Compare.Close(expected, gpu.Download(result), $"{at}: forward");

            // Forward into a destination, where the op has one.
            Type[] into = [.. forward, forward[0]];
            if (OpMethods.FindCpu(op, typeof(T), into) is not null)
            {
                using var destination = gpu.Upload(Tensor<T>.Full(expected.Shape, T.CreateTruncating(7)));
                Gpu(op, into, [.. gpuOperands, .. @case.Parameters, destination]);
                Compare.Close(expected, gpu.Download(destination), $"{at}: forward into a destination");
            }

            // VJPs: Ā starts non-zero, so a VJP that overwrites instead of accumulating fails.
            var resultAdjoint = Cases.Like<T>(expected.Shape, g);
            using var gpuResultAdjoint = gpu.Upload(resultAdjoint);
            for (int i = 0; i < rule.Arity; i++)
            {
                var start = Cases.Like<T>(@case.Operands[i].Shape, g);
                var cpuAdjoint = start.Clone();
                using var gpuAdjoint = gpu.Upload(start);
                string vjp = OpMethods.Name(rule.Vjps[i]);
                var types = OpMethods.Vjp(rule, typeof(T));
                Cpu(vjp, types, [resultAdjoint, .. @case.Operands, .. @case.Parameters, expected, cpuAdjoint]);
                Gpu(vjp, types, [gpuResultAdjoint, .. gpuOperands, .. @case.Parameters, result, gpuAdjoint]);
                Compare.Close(cpuAdjoint, gpu.Download(gpuAdjoint), $"{at}: {vjp}");
            }

            // JVP: Ẏ starts as garbage, so a JVP that accumulates instead of overwriting fails.
            foreach (bool firstIsConstant in new[] { false, true })
            {
                var tangents = @case.Operands.Select((o, i) => i == 0 && firstIsConstant ? null : Cases.Like<T>(o.Shape, g)).ToArray();
                var gpuTangents = tangents.Select(t => t is null ? null : gpu.Upload(t)).ToArray();
                var cpuTangent = Tensor<T>.Full(expected.Shape, T.CreateTruncating(7));
                using var gpuTangent = gpu.Upload(cpuTangent);
                string jvp = OpMethods.Name(rule.Jvp);
                var types = OpMethods.Jvp(rule, typeof(T));
                Cpu(jvp, types, [.. @case.Operands, .. @case.Parameters, expected, .. tangents, cpuTangent]);
                Gpu(jvp, types, [.. gpuOperands, .. @case.Parameters, result, .. gpuTangents, gpuTangent]);
                Compare.Close(cpuTangent, gpu.Download(gpuTangent), $"{at}: {jvp}{(firstIsConstant ? " with a constant first operand" : "")}");
                foreach (var t in gpuTangents) t?.Dispose();
            }
        }
        finally
        {
            foreach (var t in gpuOperands) t.Dispose();
        }
    }

    static object Cpu(string name, Type[] types, object?[] args) => Invoke(OpMethods.FindCpu(name, Element(types), types)!, null, args)!;

    object Gpu(string name, Type[] types, object?[] args) => Invoke(OpMethods.FindGpu(name, Element(types), types)!, gpu.Ops, args)!;

    static Type Element(Type[] types) => types.First(t => t.IsGenericType).GetGenericArguments()[0];

    static object? Invoke(MethodInfo method, object? target, object?[] args)
    {
        try { return method.Invoke(target, args); }
        catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
    }
}
