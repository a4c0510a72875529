using System.Numerics;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// Log-sum-exp, softmax and log-softmax along each row (Ops.Softmax.cs on the CPU): one group per row, the row's
// maximum subtracted before exponentiating, so large scores never overflow. All run in RowKernels.Softmax.
public sealed partial class GpuOps
{
    /// <summary>y[i] = ln Σⱼ e^A[i,j] for each row (max-shifted; a vector, one per row).</summary>
    public GpuTensor<T> RowLogSumExp<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        RowLogSumExp(a, New<T>(Shapes.PerRow(nameof(RowLogSumExp), a.Shape)));

    /// <summary>The row log-sum-exps into <paramref name="destination"/>.</summary>
    public GpuTensor<T> RowLogSumExp<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowLogSumExp), Shapes.PerRow(nameof(RowLogSumExp), a.Shape), destination);
        SoftmaxKernel(RowKernels.LogSumExp, a, a, a, destination);
        return destination;
    }

    /// <summary>Ā[i, :] += ȳ[i]·softmax(A[i, :]).</summary>
    public void RowLogSumExpVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowLogSumExpVjp), resultAdjoint, result, a, aAdjoint);
        SoftmaxKernel(RowKernels.LogSumExpVjp, a, resultAdjoint, result, aAdjoint);
    }

    /// <summary>ẏ[i] = ⟨softmax(A[i, :]), Ȧ[i, :]⟩.</summary>
    public void RowLogSumExpJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowLogSumExpJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else SoftmaxKernel(RowKernels.LogSumExpJvp, a, aTangent, a, resultTangent);
    }

    /// <summary>softmax of each row: Y[i, j] = e^(A[i,j] − max) / Σₖ e^(A[i,k] − max); each row sums to 1.</summary>
    public GpuTensor<T> RowSoftmax<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowSoftmax(a, New<T>(Softmaxable(nameof(RowSoftmax), a)));

    /// <summary>The row softmax into <paramref name="destination"/> (which may be A).</summary>
    public GpuTensor<T> RowSoftmax<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowSoftmax), Softmaxable(nameof(RowSoftmax), a), destination);
        SoftmaxKernel(RowKernels.SoftmaxValue, a, a, a, destination);
        return destination;
    }

    /// <summary>Ā[i, :] += Y[i, :]⊙(Ȳ[i, :] − ⟨Ȳ[i, :], Y[i, :]⟩).</summary>
    public void RowSoftmaxVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowSoftmaxVjp), resultAdjoint, result, a, aAdjoint);
        SoftmaxKernel(RowKernels.SoftmaxVjp, resultAdjoint, result, result, aAdjoint);
    }

    /// <summary>Ẏ[i, :] = Y[i, :]⊙(Ȧ[i, :] − ⟨Ȧ[i, :], Y[i, :]⟩).</summary>
    public void RowSoftmaxJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowSoftmaxJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else SoftmaxKernel(RowKernels.SoftmaxJvp, aTangent, result, result, resultTangent);
    }

    /// <summary>log-softmax of each row: Y[i, j] = A[i, j] − lse(A[i, :]) (max-shifted, stable for any scores).</summary>
    public GpuTensor<T> RowLogSoftmax<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        RowLogSoftmax(a, New<T>(Softmaxable(nameof(RowLogSoftmax), a)));

    /// <summary>The row log-softmax into <paramref name="destination"/> (which may be A).</summary>
    public GpuTensor<T> RowLogSoftmax<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowLogSoftmax), Softmaxable(nameof(RowLogSoftmax), a), destination);
        SoftmaxKernel(RowKernels.LogSoftmaxValue, a, a, a, destination);
        return destination;
    }

    /// <summary>Ā[i, :] += Ȳ[i, :] − softmax(A[i, :])·Σⱼ Ȳ[i, j].</summary>
    public void RowLogSoftmaxVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowLogSoftmaxVjp), resultAdjoint, result, a, aAdjoint);
        SoftmaxKernel(RowKernels.LogSoftmaxVjp, resultAdjoint, result, result, aAdjoint);
    }

    /// <summary>Ẏ[i, :] = Ȧ[i, :] − ⟨softmax(A[i, :]), Ȧ[i, :]⟩.</summary>
    public void RowLogSoftmaxJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowLogSoftmaxJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else SoftmaxKernel(RowKernels.LogSoftmaxJvp, aTangent, result, result, resultTangent);
    }

    static TensorShape Softmaxable<T>(string op, GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireMatrix(op, a.Shape);
        return a.Shape;
    }

    /// <summary>One launch of <see cref="RowKernels.Softmax{T, M}"/>: one group per row of <paramref name="x0"/>'s matrix (or y's, for a per-row result).</summary>
    void SoftmaxKernel<T>(int mode, GpuTensor<T> x0, GpuTensor<T> x1, GpuTensor<T> x2, GpuTensor<T> y, T p = default, ILGPU.ArrayView<int>? labels = null)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Launch<T, RowArgs<T>>(typeof(RowKernels), nameof(RowKernels.Softmax), runtime.PerGroup(x0.Rows), new RowArgs<T>
        {
            X0 = V(x0, "Softmax"), X1 = V(x1, "Softmax"), X2 = V(x2, "Softmax"), Y = V(y, "Softmax"), Labels = labels ?? Unused,
            Rows = x0.Rows, Columns = x0.Columns, P = p, Mode = mode,
        });
}
