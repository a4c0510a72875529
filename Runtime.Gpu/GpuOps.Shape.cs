using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// Ops that move elements around (Ops.Shape.cs on the CPU): transpose, broadcasting a vector over a batch,
// mini-batch slices, picking one element per row by label.
public sealed partial class GpuOps
{
    /// <summary>Aᵀ (a vector n becomes a 1×n matrix).</summary>
    public GpuTensor<T> Transpose<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        Transpose(a, New<T>(TensorShape.Matrix(a.Columns, a.Rows)));

    /// <summary>Aᵀ into <paramref name="destination"/> (which must not share storage with A).</summary>
    public GpuTensor<T> Transpose<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(Transpose), TensorShape.Matrix(a.Columns, a.Rows), destination);
        RequireNoAlias(nameof(Transpose), destination, a);
        TransposeInto(a, destination, accumulate: false);
        return destination;
    }

    /// <summary>Ā += Ȳᵀ.</summary>
    public void TransposeVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(TransposeVjp), resultAdjoint, result, a, aAdjoint);
        TransposeInto(resultAdjoint, aAdjoint, accumulate: true);
    }

    /// <summary>Ẏ = Ȧᵀ.</summary>
    public void TransposeJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(TransposeJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else TransposeInto(aTangent, resultTangent, accumulate: false);
    }

    /// <summary>Y = A + 1·vᵀ: adds the vector <paramref name="v"/> (length = columns) to every row of the batch A (a bias).</summary>
    public GpuTensor<T> AddRowVector<T>(GpuTensor<T> a, GpuTensor<T> v) where T : unmanaged, IFloatingPointIeee754<T> =>
        AddRowVector(a, v, New<T>(Shapes.RowVector(nameof(AddRowVector), a.Shape, v.Shape)));

    /// <summary>A + 1·vᵀ into <paramref name="destination"/> (which may be A).</summary>
    public GpuTensor<T> AddRowVector<T>(GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(AddRowVector), Shapes.RowVector(nameof(AddRowVector), a.Shape, v.Shape), destination);
        Map(typeof(ElementOps.Add<,>), null, destination, a, v, x1Mode: Elementwise.RowVector);
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public void AddRowVectorVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddRowVectorVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>v̄ += Σᵢ Ȳ[i, :] (the bias gradient sums the batch).</summary>
    public void AddRowVectorVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T> vAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(AddRowVectorVjpRight), resultAdjoint, result, v, vAdjoint);
        ColumnSum(resultAdjoint, vAdjoint.View, T.One, accumulate: true);
    }

    /// <summary>Ẏ = Ȧ + 1·v̇ᵀ.</summary>
    public void AddRowVectorJvp<T>(GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? vTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(AddRowVectorJvp), result, resultTangent, a, aTangent, v, vTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else runtime.Copy(aTangent, resultTangent);
        if (vTangent is not null) Map(typeof(ElementOps.ScaleX1<,>), null, resultTangent, resultTangent, vTangent, p: T.One, accumulate: true, x1Mode: Elementwise.RowVector);
    }

    /// <summary>Y = A + v·1ᵀ: adds <paramref name="v"/>[i] (length = rows) to every element of row i.</summary>
    public GpuTensor<T> AddColumnVector<T>(GpuTensor<T> a, GpuTensor<T> v) where T : unmanaged, IFloatingPointIeee754<T> =>
        AddColumnVector(a, v, New<T>(Shapes.ColumnVector(nameof(AddColumnVector), a.Shape, v.Shape)));

    /// <summary>A + v·1ᵀ into <paramref name="destination"/> (which may be A).</summary>
    public GpuTensor<T> AddColumnVector<T>(GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(AddColumnVector), Shapes.ColumnVector(nameof(AddColumnVector), a.Shape, v.Shape), destination);
        Map(typeof(ElementOps.Add<,>), null, destination, a, v, x1Mode: Elementwise.ColumnVector);
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public void AddColumnVectorVjpLeft<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddColumnVectorVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>v̄[i] += Σⱼ Ȳ[i, j].</summary>
    public void AddColumnVectorVjpRight<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T> vAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(AddColumnVectorVjpRight), resultAdjoint, result, v, vAdjoint);
        RowSum(resultAdjoint, vAdjoint, T.One, accumulate: true);
    }

    /// <summary>Ẏ = Ȧ + v̇·1ᵀ.</summary>
    public void AddColumnVectorJvp<T>(GpuTensor<T> a, GpuTensor<T> v, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T>? vTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(AddColumnVectorJvp), result, resultTangent, a, aTangent, v, vTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else runtime.Copy(aTangent, resultTangent);
        if (vTangent is not null) Map(typeof(ElementOps.ScaleX1<,>), null, resultTangent, resultTangent, vTangent, p: T.One, accumulate: true, x1Mode: Elementwise.ColumnVector);
    }

    /// <summary>
    /// Rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of a batch (or elements of a
    /// vector): a mini-batch. The result is a <em>view</em> that shares device storage with <paramref name="a"/>: no copy,
    /// nothing to dispose (disposing it does nothing), and it must not outlive <paramref name="a"/>.
    /// </summary>
    public GpuTensor<T> SliceRows<T>(GpuTensor<T> a, int start, int count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        a.ThrowIfDisposed();
        return new GpuTensor<T>(runtime, Shapes.Slice(nameof(SliceRows), a.Shape, start, count), a.Buffer, a.Offset + (long)start * a.Columns, a.Root);
    }

    /// <summary>The rows copied into <paramref name="destination"/> (a buffer reused from batch to batch).</summary>
    public GpuTensor<T> SliceRows<T>(GpuTensor<T> a, int start, int count, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(SliceRows), Shapes.Slice(nameof(SliceRows), a.Shape, start, count), destination);
        runtime.Copy(SliceRows(a, start, count), destination);
        return destination;
    }

    /// <summary>Ā[start + i] += Ȳ[i].</summary>
    public void SliceRowsVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, int start, int count, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(SliceRowsVjp), resultAdjoint, result, a, aAdjoint);
        var rows = SliceRows(aAdjoint, start, count);
        Map(typeof(Forward<,,>), typeof(UnaryRules.Scale<,>), rows, resultAdjoint, p: T.One, accumulate: true);
    }

    /// <summary>Ẏ = Ȧ[start : start + count].</summary>
    public void SliceRowsJvp<T>(GpuTensor<T> a, int start, int count, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(SliceRowsJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else runtime.Copy(SliceRows(aTangent, start, count), resultTangent);
    }

    /// <summary>y[i] = A[i, labels[i]]: the score of each example's own class (a vector, one per row).</summary>
    public GpuTensor<T> GatherByLabel<T>(GpuTensor<T> a, int[] labels) where T : unmanaged, IFloatingPointIeee754<T> =>
        GatherByLabel(a, labels, New<T>(TensorShape.Vector(a.Rows)));

    /// <summary>The gathered vector, with the labels already on the device.</summary>
    public GpuTensor<T> GatherByLabel<T>(GpuTensor<T> a, GpuIndices labels) where T : unmanaged, IFloatingPointIeee754<T> =>
        GatherByLabel(a, labels, New<T>(TensorShape.Vector(a.Rows)));

    /// <summary>The gathered vector into <paramref name="destination"/>.</summary>
    public GpuTensor<T> GatherByLabel<T>(GpuTensor<T> a, int[] labels, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireLabels(nameof(GatherByLabel), a.Shape, labels);
        Into(nameof(GatherByLabel), TensorShape.Vector(a.Rows), destination);
        Gather(a, Labels(labels), labels.Length, destination, RowKernels.GatherValue);
        return destination;
    }

    /// <summary>The gathered vector into <paramref name="destination"/>, with the labels already on the device.</summary>
    public GpuTensor<T> GatherByLabel<T>(GpuTensor<T> a, GpuIndices labels, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var view = Labels(nameof(GatherByLabel), a.Shape, labels);
        Into(nameof(GatherByLabel), TensorShape.Vector(a.Rows), destination);
        Gather(a, view, labels.Length, destination, RowKernels.GatherValue);
        return destination;
    }

    /// <summary>Ā[i, labels[i]] += ȳ[i].</summary>
    public void GatherByLabelVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, int[] labels, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(GatherByLabelVjp), resultAdjoint, result, a, aAdjoint);
        Shapes.RequireLabels(nameof(GatherByLabelVjp), a.Shape, labels);
        Gather(resultAdjoint, Labels(labels), labels.Length, aAdjoint, RowKernels.GatherVjp);
    }

    /// <summary>The VJP with the labels already on the device.</summary>
    public void GatherByLabelVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuIndices labels, GpuTensor<T> result, GpuTensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(GatherByLabelVjp), resultAdjoint, result, a, aAdjoint);
        Gather(resultAdjoint, Labels(nameof(GatherByLabelVjp), a.Shape, labels), labels.Length, aAdjoint, RowKernels.GatherVjp);
    }

    /// <summary>ẏ[i] = Ȧ[i, labels[i]].</summary>
    public void GatherByLabelJvp<T>(GpuTensor<T> a, int[] labels, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(GatherByLabelJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else GatherByLabel(aTangent, labels, resultTangent);
    }

    /// <summary>The JVP with the labels already on the device.</summary>
    public void GatherByLabelJvp<T>(GpuTensor<T> a, GpuIndices labels, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(GatherByLabelJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else GatherByLabel(aTangent, labels, resultTangent);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    void TransposeInto<T>(GpuTensor<T> a, GpuTensor<T> y, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T> =>
        Launch<T, ColumnArgs<T>>(typeof(ColumnKernels), nameof(ColumnKernels.Transpose), runtime.Elementwise(a.Length), new ColumnArgs<T>
        {
            X = V(a, nameof(Transpose)), Y = V(y, nameof(Transpose)), Rows = a.Rows, Columns = a.Columns, Accumulate = accumulate ? 1 : 0,
        });

    /// <summary>x (rows in the labels' matrix) → y via <see cref="RowKernels.Gather{T, M}"/>, with <paramref name="count"/> labels on the device.</summary>
    void Gather<T>(GpuTensor<T> x, ArrayView<int> labels, int count, GpuTensor<T> y, int mode) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var matrix = mode == RowKernels.GatherValue ? x : y;
        Launch<T, RowArgs<T>>(typeof(RowKernels), nameof(RowKernels.Gather), runtime.Elementwise(count), new RowArgs<T>
        {
            X0 = V(x, nameof(GatherByLabel)), X1 = x.View, X2 = x.View, Y = V(y, nameof(GatherByLabel)), Labels = labels,
            Rows = matrix.Rows, Columns = matrix.Columns, Mode = mode,
        });
    }

    /// <summary>
    /// Labels already on the device, checked on the host: the same runtime, one per row of <paramref name="logits"/>,
    /// and (from the list's smallest and largest entries, recorded at upload) all in 0 … classes − 1.
    /// </summary>
    ArrayView<int> Labels(string op, TensorShape logits, GpuIndices labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!ReferenceEquals(labels.Runtime, runtime))
            throw new ArgumentException($"{op}: the labels live on '{labels.Runtime.Name}', not on '{runtime.Name}'; upload them with this runtime's UploadIndices.", nameof(labels));
        Shapes.RequireLabelCount(op, logits, labels.Length);
        if (labels.Min < 0 || labels.Max >= logits.Columns)
            throw new ShapeMismatchException(op, $"{op}: the labels on the device run from {labels.Min} to {labels.Max}{(labels.IsSlice ? " (over the whole list the slice was taken from)" : "")}, outside 0..{logits.Columns - 1} for logits of shape {logits}.");
        return labels.View;
    }

    /// <summary>
    /// The labels on the device. ILGPU's copy from the host waits for the stream, so the last labels sent stay on the
    /// device and are sent again only when the contents differ: a loss and its VJP on the same batch cost one copy.
    /// </summary>
    ArrayView<int> Labels(int[] labels)
    {
        if (sentLabels is null || !labels.AsSpan().SequenceEqual(sentLabels))
        {
            if (labelBuffer is null || labelBuffer.Length != labels.Length)
            {
                // Back to the pool, not freed: a kernel still queued may read it, and the pool's next user runs after.
                if (labelBuffer is not null) runtime.Pool.Return(labelBuffer);
                labelBuffer = runtime.Pool.Rent<int>(labels.Length);
            }
            labelBuffer.View.BaseView.CopyFromCPU(runtime.Stream, labels.AsSpan());
            sentLabels = (int[])labels.Clone();
        }
        return labelBuffer!.View;
    }

    int[]? sentLabels;
    MemoryBuffer1D<int, Stride1D.Dense>? labelBuffer;

    /// <summary>Gives the label buffer back before the runtime closes its pool.</summary>
    internal void Release()
    {
        if (labelBuffer is not null) runtime.Pool.Return(labelBuffer);
        labelBuffer = null;
        sentLabels = null;
    }
}
