using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// The three products and their derivatives (Ops.MatMul.cs on the CPU). Every one is C (+)= op(A)·op(B) in the
// tiled, register-blocked kernel of Kernels/MatMul.cs; a transpose is only a change of strides, never a copy.
public sealed partial class GpuOps
{
    /// <summary>The matrix product A·B (a vector B is a column: A·b is a vector).</summary>
    public GpuTensor<T> MatMul<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMul), a, false, b, false, null, false);

    /// <summary>A·B written into <paramref name="destination"/> (which must not share storage with A or B).</summary>
    public GpuTensor<T> MatMul<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMul), a, false, b, false, destination, false);

    /// <summary>Ā += Ȳ·Bᵀ.</summary>
    public void MatMulVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulVjpLeft), resultAdjoint, false, b, true, aAdjoint, true);
    }

    /// <summary>B̄ += Aᵀ·Ȳ.</summary>
    public void MatMulVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulVjpRight), a, true, resultAdjoint, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧ·B + A·Ḃ.</summary>
    public void MatMulJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulJvp), a, false, b, false, result, aTangent, bTangent, resultTangent);

    /// <summary>The product Aᵀ·B without forming Aᵀ (e.g. Xᵀ·(Xw − y) in least squares).</summary>
    public GpuTensor<T> MatMulTransposeA<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeA), a, true, b, false, null, false);

    /// <summary>Aᵀ·B written into <paramref name="destination"/>.</summary>
    public GpuTensor<T> MatMulTransposeA<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeA), a, true, b, false, destination, false);

    /// <summary>Ā += B·Ȳᵀ.</summary>
    public void MatMulTransposeAVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeAVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulTransposeAVjpLeft), b, false, resultAdjoint, true, aAdjoint, true);
    }

    /// <summary>B̄ += A·Ȳ.</summary>
    public void MatMulTransposeAVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeAVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulTransposeAVjpRight), a, false, resultAdjoint, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧᵀ·B + Aᵀ·Ḃ.</summary>
    public void MatMulTransposeAJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulTransposeAJvp), a, true, b, false, result, aTangent, bTangent, resultTangent);

    /// <summary>The product A·Bᵀ without forming Bᵀ.</summary>
    public GpuTensor<T> MatMulTransposeB<T>(GpuTensor<T> a, GpuTensor<T> b) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeB), a, false, b, true, null, false);

    /// <summary>A·Bᵀ written into <paramref name="destination"/>.</summary>
    public GpuTensor<T> MatMulTransposeB<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        Product(nameof(MatMulTransposeB), a, false, b, true, destination, false);

    /// <summary>Ā += Ȳ·B.</summary>
    public void MatMulTransposeBVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeBVjpLeft), resultAdjoint, result, a, aAdjoint);
        Product(nameof(MatMulTransposeBVjpLeft), resultAdjoint, false, b, false, aAdjoint, true);
    }

    /// <summary>B̄ += Ȳᵀ·A.</summary>
    public void MatMulTransposeBVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T> bAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MatMulTransposeBVjpRight), resultAdjoint, result, b, bAdjoint);
        Product(nameof(MatMulTransposeBVjpRight), resultAdjoint, true, a, false, bAdjoint, true);
    }

    /// <summary>Ẏ = Ȧ·Bᵀ + A·Ḃᵀ.</summary>
    public void MatMulTransposeBJvp<T>(GpuTensor<T> a, GpuTensor<T> b, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        ProductJvp(nameof(MatMulTransposeBJvp), a, false, b, true, result, aTangent, bTangent, resultTangent);

    /// <summary>Ẏ = op(Ȧ)·op(B) + op(A)·op(Ḃ).</summary>
    void ProductJvp<T>(string op, GpuTensor<T> a, bool ta, GpuTensor<T> b, bool tb, GpuTensor<T> result,
        GpuTensor<T>? aTangent, GpuTensor<T>? bTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent, b, bTangent);
        if (aTangent is not null) Product(op, aTangent, ta, b, tb, resultTangent, false);
        else Fill(resultTangent, T.Zero);
        if (bTangent is not null) Product(op, a, ta, bTangent, tb, resultTangent, true);
    }

    /// <summary>
    /// C (+)= op(A)·op(B), where op transposes when asked. A vector is a column (n×1). The result is a vector when
    /// the right factor is an untransposed vector, a matrix otherwise; a given <paramref name="c"/> must match in
    /// rows and columns (an adjoint keeps its operand's own shape). The same checks and messages as the CPU.
    /// </summary>
    GpuTensor<T> Product<T>(string op, GpuTensor<T> a, bool ta, GpuTensor<T> b, bool tb, GpuTensor<T>? c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = Shapes.Product(op, a.Shape, ta, b.Shape, tb, c?.Shape);
        int m = shape.Rows, n = shape.Columns, k = ta ? a.Rows : a.Columns;
        if (c is null) c = New<T>(shape);
        else
        {
            RequireNoAlias(op, c, a);
            RequireNoAlias(op, c, b);
        }
        var o = runtime.Options;
        var plan = MatMulPlan.For(o, runtime.MatMulTargetThreads, m, n, k);
        var args = new MatMulArgs<T>
        {
            A = V(a, op), B = V(b, op), C = V(c, op), M = m, N = n, K = k,
            // op(A)[i, k]: A[i·cols + k], or A[k·cols + i] when transposed.
            ARowStride = ta ? 1 : a.Columns, AColumnStride = ta ? a.Columns : 1,
            BRowStride = tb ? 1 : b.Columns, BColumnStride = tb ? b.Columns : 1,
            TransposeA = ta ? 1 : 0, TransposeB = tb ? 1 : 0, TileK = o.MatMulTileK, Accumulate = accumulate ? 1 : 0,
            KChunk = plan.KChunk,
        };
        var config = new KernelConfig(
            new Index3D(plan.GroupsX, plan.GroupsY, plan.Splits),
            new Index3D(plan.ThreadsX, plan.ThreadsY, 1),
            SharedMemoryConfig.RequestDynamic<T>(o.MatMulTileK * (plan.TileRows + Kernels.MatMul.Pad + plan.TileColumns + Kernels.MatMul.Pad)));
        string kernel = plan.MicroTile == 8 ? nameof(Kernels.MatMul.Kernel8) : nameof(Kernels.MatMul.Kernel4);
        var side = plan.ThreadsX switch
        {
            2 => typeof(Side2),
            4 => typeof(Side4),
            8 => typeof(Side8),
            16 => typeof(Side16),
            _ => throw new InvalidOperationException($"MatMul: no kernel for {plan.ThreadsX}×{plan.ThreadsY} thread groups."),
        };
        if (plan.Splits == 1)
        {
            LaunchMatMul(kernel, side, config, args);
            return c;
        }
        // Too few tiles to fill the device: each z-layer of the grid sums its own stretch of k into a partial
        // product, and a second kernel adds the layers in a fixed order (the same bits run to run, unlike atomics).
        using var partials = runtime.Uninitialized<T>(TensorShape.Vector(plan.Splits * m * n));
        LaunchMatMul(kernel, side, config, args with { C = partials.View, Accumulate = 0 });
        Launch<T, SplitSumArgs<T>>(typeof(MatMulSplits), nameof(MatMulSplits.Sum), runtime.Elementwise((long)m * n), new SplitSumArgs<T>
        {
            Partials = partials.View, C = args.C, Elements = m * n, Splits = plan.Splits, Accumulate = args.Accumulate,
        });
        return c;
    }

    /// <summary>A matrix-multiply kernel closed over its element type, arithmetic and group side: <c>MatMul.Kernel8&lt;T, M, S&gt;</c>.</summary>
    void LaunchMatMul<T>(string method, Type side, KernelConfig config, MatMulArgs<T> args) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var key = new KernelKey(typeof(Kernels.MatMul), method, side, typeof(void), typeof(T));
        var kernel = runtime.Kernel<Action<AcceleratorStream, KernelConfig, MatMulArgs<T>>>(key, static k =>
            k.Kernel.GetMethod(k.Method)!.MakeGenericMethod(k.Element, MathOf(k.Element), k.Functor));
        kernel(runtime.Stream, config, args);
    }
}
