using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Tutor.Gpu.Kernels;

namespace Tutor.Gpu.Tests;

/// <summary>
/// The CPU simulator runs the kernels through ILGPU's frontend but emits .NET code, not PTX. ILGPU's PTX backend
/// needs no GPU to generate PTX, so here every kernel the runtime can launch — each kernel method with each functor
/// of its kind, for float and double — is compiled for sm_80 (what ILGPU 1.5.3 targets on an H100). A kernel that
/// ILGPU's CUDA backend cannot translate fails here, on a machine without a GPU; what the driver's JIT then makes of
/// the PTX is only seen on a real device.
/// </summary>
public class PtxTests
{
    /// <summary>Every closed kernel method for element type <paramref name="t"/>, found by reflection so a new functor cannot be missed.</summary>
    public static IEnumerable<MethodInfo> Kernels(Type t)
    {
        var m = t == typeof(float) ? typeof(F32) : typeof(F64);
        Type Close(Type functor) => functor.MakeGenericType(t, m);
        var elementwise = typeof(Elementwise).GetMethod(nameof(Elementwise.Kernel))!;
        foreach (var op in Nested(typeof(ElementOps), typeof(IElementOp<>)))
            yield return elementwise.MakeGenericMethod(t, Close(op));
        foreach (var rule in Nested(typeof(UnaryRules), typeof(IUnaryRule<>)))
            foreach (var adapter in new[] { typeof(Forward<,,>), typeof(Vjp<,,>), typeof(Jvp<,,>) })
                yield return elementwise.MakeGenericMethod(t, adapter.MakeGenericType(t, m, Close(rule)));
        var partials = typeof(Reduce).GetMethod(nameof(Reduce.Partials))!;
        foreach (var term in Nested(typeof(Terms), typeof(ITerm<>)))
            yield return partials.MakeGenericMethod(t, m, Close(term));
        // The matrix-multiply kernels also take the group's side as a type.
        foreach (var method in typeof(Kernels.MatMul).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(k => k.GetGenericArguments().Length == 3))
            foreach (var side in new[] { typeof(Side2), typeof(Side4), typeof(Side8), typeof(Side16) })
                yield return method.MakeGenericMethod(t, m, side);
        foreach (var kind in new[] { typeof(Reduce), typeof(RowKernels), typeof(ColumnKernels), typeof(MatMulSplits), typeof(OptimizerKernels), typeof(GatherKernels) })
            foreach (var method in kind.GetMethods(BindingFlags.Public | BindingFlags.Static))
                if (method.GetGenericArguments().Length == 2 && method.ReturnType == typeof(void))
                    yield return method.MakeGenericMethod(t, m);
    }

    static IEnumerable<Type> Nested(Type holder, Type @interface) =>
        holder.GetNestedTypes().Where(n => n.IsValueType && n.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == @interface));

    [Theory]
    [InlineData(typeof(float))]
    [InlineData(typeof(double))]
    public void Every_kernel_compiles_to_ptx(Type element)
    {
        using var context = Context.Create(b => b.EnableAlgorithms());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_80), CudaArchitecture.SM_80, CudaInstructionSet.ISA_80, null);
        var kernels = Kernels(element).ToList();
        Assert.True(kernels.Count > 60, $"only {kernels.Count} kernels found");
        var failures = new List<string>();
        foreach (var kernel in kernels)
        {
            try
            {
                var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(kernel), new KernelSpecialization());
                Assert.Contains(".entry", compiled.PTXAssembly);
            }
            catch (Exception e)
            {
                failures.Add($"{Describe(kernel)}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    static string Describe(MethodInfo kernel) =>
        $"{kernel.DeclaringType!.Name}.{kernel.Name}<{string.Join(", ", kernel.GetGenericArguments().Select(a => a.IsGenericType ? a.Name.Split('`')[0] + "<" + string.Join(", ", a.GetGenericArguments().Select(b => b.Name.Split('`')[0])) + ">" : a.Name))}>";
}
