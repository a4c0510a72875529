using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

/// <summary>
/// The tensor ops on a device, reached as <see cref="GpuRuntime.Ops"/>: every op of <see cref="Tutor.Tensors.Ops"/>
/// with the same name, operand order, parameters and meaning, on <see cref="GpuTensor{T}"/> instead of
/// <see cref="Tensor{T}"/> (so code written against one reads the same against the other):
/// <list type="bullet">
/// <item><c>X(operands…, parameters…)</c> returns a new tensor from the runtime's pool (dispose it to give it back);
/// <c>X(operands…, parameters…, destination)</c> writes into a tensor you own and returns it;</item>
/// <item><c>XVjp</c> / <c>XVjpLeft</c> / <c>XVjpRight</c> <em>accumulate</em> into the operand's adjoint;</item>
/// <item><c>XJvp</c> <em>overwrites</em> the result's tangent (a null operand tangent is zero).</item>
/// </list>
/// Ops whose result is a number (Sum, Mean, Max, the losses) return a one-element device tensor: nothing waits for
/// the device until you read it with <see cref="GpuRuntime.ReadScalar{T}(GpuTensor{T})"/>. Each op queues kernels on
/// the runtime's stream and returns at once. Class labels (<c>int[]</c>) are copied to the device when they differ
/// from the last ones sent.
/// </summary>
public sealed partial class GpuOps
{
    readonly GpuRuntime runtime;

    internal GpuOps(GpuRuntime runtime) => this.runtime = runtime;

    GpuTensor<T> New<T>(TensorShape shape) where T : unmanaged, IFloatingPointIeee754<T> => runtime.Uninitialized<T>(shape);

    static Type MathOf(Type element) =>
        element == typeof(float) ? typeof(F32)
        : element == typeof(double) ? typeof(F64)
        : throw new NotSupportedException($"GPU tensors hold float or double, not {element.Name}.");

    ArrayView<T> V<T>(GpuTensor<T> t, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        runtime.Own(t, op);
        return t.View;
    }

    // ---- checks (the messages of Tutor.Tensors.Ops) -------------------------------------------------------

    static GpuTensor<T> Into<T>(string op, TensorShape expected, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireDestination(op, expected, destination.Shape);
        return destination;
    }

    static TensorShape Same<T>(string op, GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame(op, a.Shape, b.Shape);
        return a.Shape;
    }

    static void CheckVjp<T>(string op, GpuTensor<T> resultAdjoint, GpuTensor<T> result, GpuTensor<T> operand, GpuTensor<T> operandAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Shapes.RequireVjp(op, resultAdjoint.Shape, result.Shape, operand.Shape, operandAdjoint.Shape);

    static void CheckJvp<T>(string op, GpuTensor<T> result, GpuTensor<T> resultTangent, GpuTensor<T> operand, GpuTensor<T>? tangent,
        GpuTensor<T>? operand2 = null, GpuTensor<T>? tangent2 = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Shapes.RequireJvp(op, result.Shape, resultTangent.Shape, operand.Shape, tangent?.Shape, operand2?.Shape, tangent2?.Shape);

    static void RequireNoAlias<T>(string op, GpuTensor<T> destination, GpuTensor<T> input) where T : unmanaged, IFloatingPointIeee754<T> =>
        Shapes.RequireNoAlias(op, destination.Shape, input.Shape, destination.Overlaps(input));

    static T Count<T>(int n) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(n);

    // ---- elementwise launches -----------------------------------------------------------------------------

    /// <summary>
    /// y (+)= f(x0, x1, x2; p, s) with the functor <paramref name="functor"/> (an open generic <c>&lt;T, M&gt;</c>
    /// struct), or, when <paramref name="rule"/> is given, the adapter <paramref name="functor"/>
    /// (<see cref="Forward{T, M, TRule}"/>, <see cref="Vjp{T, M, TRule}"/>, <see cref="Jvp{T, M, TRule}"/>) of that unary rule.
    /// </summary>
    void Map<T>(Type functor, Type? rule, GpuTensor<T> y, GpuTensor<T> x0, GpuTensor<T>? x1 = null, GpuTensor<T>? x2 = null,
        T p = default, GpuTensor<T>? s = null, bool accumulate = false, int x1Mode = Elementwise.Same)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var key = new KernelKey(typeof(Elementwise), nameof(Elementwise.Kernel), functor, rule ?? typeof(void), typeof(T));
        var kernel = runtime.Kernel<Action<AcceleratorStream, KernelConfig, ElementArgs<T>>>(key, static k =>
        {
            var m = MathOf(k.Element);
            var op = k.Rule == typeof(void)
                ? k.Functor.MakeGenericType(k.Element, m)
                : k.Functor.MakeGenericType(k.Element, m, k.Rule.MakeGenericType(k.Element, m));
            return typeof(Elementwise).GetMethod(nameof(Elementwise.Kernel))!.MakeGenericMethod(k.Element, op);
        });
        var x0v = V(x0, "Map");
        var args = new ElementArgs<T>
        {
            X0 = x0v,
            X1 = x1 is null ? x0v : V(x1, "Map"),
            X2 = x2 is null ? x0v : V(x2, "Map"),
            S = (s ?? runtime.One<T>()).View,
            Y = V(y, "Map"),
            P = p,
            N = y.Length,
            Columns = y.Columns,
            X1Mode = x1Mode,
            Accumulate = accumulate ? 1 : 0,
        };
        kernel(runtime.Stream, runtime.Elementwise(args.N), args);
    }

    /// <summary>Sets every element of <paramref name="destination"/> to <paramref name="value"/>.</summary>
    internal void Fill<T>(GpuTensor<T> destination, T value) where T : unmanaged, IFloatingPointIeee754<T> =>
        Map(typeof(ElementOps.Constant<,>), null, destination, destination, p: value);

    /// <summary>Ā += s·Ȳ (s = ±1): the adjoint of an op whose Jacobian is ± the identity.</summary>
    void Accumulate<T>(string op, GpuTensor<T> resultAdjoint, GpuTensor<T> operand, GpuTensor<T> result, GpuTensor<T> adjoint, T s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, operand, adjoint);
        Map(typeof(Forward<,,>), typeof(UnaryRules.Scale<,>), adjoint, resultAdjoint, p: s, accumulate: true);
    }

    /// <summary>Ẏ = Ȧ + s·Ḃ with a null tangent read as zero.</summary>
    void SumOfTangents<T>(string op, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent,
        GpuTensor<T> resultTangent, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent, b, bTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else runtime.Copy(aTangent, resultTangent);
        if (bTangent is not null) Map(typeof(Forward<,,>), typeof(UnaryRules.Scale<,>), resultTangent, bTangent, p: s, accumulate: true);
    }

    // ---- other launches -----------------------------------------------------------------------------------

    /// <summary>Launches a non-elementwise kernel <c>Kind.Method&lt;T, M&gt;(TArgs)</c> with <paramref name="config"/>.</summary>
    void Launch<T, TArgs>(Type kind, string method, KernelConfig config, TArgs args) where T : unmanaged where TArgs : struct
    {
        var key = new KernelKey(kind, method, typeof(void), typeof(void), typeof(T));
        var kernel = runtime.Kernel<Action<AcceleratorStream, KernelConfig, TArgs>>(key, static k =>
            k.Kernel.GetMethod(k.Method)!.MakeGenericMethod(k.Element, MathOf(k.Element)));
        kernel(runtime.Stream, config, args);
    }

    /// <summary>A full reduction's term kernel: <c>Reduce.Partials&lt;T, M, TTerm&gt;</c>.</summary>
    void LaunchPartials<T>(Type term, KernelConfig config, ReduceArgs<T> args) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var key = new KernelKey(typeof(Reduce), nameof(Reduce.Partials), term, typeof(void), typeof(T));
        var kernel = runtime.Kernel<Action<AcceleratorStream, KernelConfig, ReduceArgs<T>>>(key, static k =>
        {
            var m = MathOf(k.Element);
            return typeof(Reduce).GetMethod(nameof(Reduce.Partials))!.MakeGenericMethod(k.Element, m, k.Functor.MakeGenericType(k.Element, m));
        });
        kernel(runtime.Stream, config, args);
    }
}
