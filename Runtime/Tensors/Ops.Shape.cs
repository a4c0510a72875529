using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// Ops that move elements around rather than compute new ones: transpose, broadcasting a vector over a batch,
// mini-batch slices, picking one element per row by label.
public static partial class Ops
{
    /// <summary>Aᵀ (a vector n becomes a 1×n matrix).</summary>
    public static Tensor<T> Transpose<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        Transpose(a, New<T>(TensorShape.Matrix(a.Columns, a.Rows)));

    /// <summary>Aᵀ into <paramref name="destination"/> (which must not share storage with A).</summary>
    public static Tensor<T> Transpose<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(Transpose), TensorShape.Matrix(a.Columns, a.Rows), destination);
        Shapes.RequireNoAlias(nameof(Transpose), destination, a);
        TransposeAdd(a, destination, accumulate: false);
        return destination;
    }

    /// <summary>Ā += Ȳᵀ.</summary>
    public static void TransposeVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(TransposeVjp), resultAdjoint, result, a, aAdjoint);
        TransposeAdd(resultAdjoint, aAdjoint, accumulate: true);
    }

    /// <summary>Ẏ = Ȧᵀ.</summary>
    public static void TransposeJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(TransposeJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) resultTangent.Clear();
        else TransposeAdd(aTangent, resultTangent, accumulate: false);
    }

    /// <summary>Y = A + 1·vᵀ: adds the vector <paramref name="v"/> (length = columns) to every row of the batch A (a bias).</summary>
    public static Tensor<T> AddRowVector<T>(Tensor<T> a, Tensor<T> v) where T : unmanaged, IFloatingPointIeee754<T> =>
        AddRowVector(a, v, New<T>(Shapes.RowVector(nameof(AddRowVector), a.Shape, v.Shape)));

    /// <summary>A + 1·vᵀ into <paramref name="destination"/> (which may be A).</summary>
    public static Tensor<T> AddRowVector<T>(Tensor<T> a, Tensor<T> v, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(AddRowVector), Shapes.RowVector(nameof(AddRowVector), a.Shape, v.Shape), destination);
        Cpu.RowKernels.AddRowVector(a.AsReadOnlySpan(), v.AsReadOnlySpan(), destination.AsSpan(), a.Rows, a.Columns);
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public static void AddRowVectorVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddRowVectorVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>v̄ += Σᵢ Ȳ[i, :] (the bias gradient sums the batch).</summary>
    public static void AddRowVectorVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T> vAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(AddRowVectorVjpRight), resultAdjoint, result, v, vAdjoint);
        Cpu.RowKernels.AddColumnSums(resultAdjoint.AsReadOnlySpan(), vAdjoint.AsSpan(), resultAdjoint.Rows, resultAdjoint.Columns);
    }

    /// <summary>Ẏ = Ȧ + 1·v̇ᵀ.</summary>
    public static void AddRowVectorJvp<T>(Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? vTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(AddRowVectorJvp), result, resultTangent, a, aTangent, v, vTangent);
        if (aTangent is null) resultTangent.Clear();
        else aTangent.CopyTo(resultTangent);
        if (vTangent is null) return;
        for (int i = 0; i < a.Rows; i++) TensorPrimitives.Add(resultTangent.Row(i), vTangent.AsReadOnlySpan(), resultTangent.Row(i));
    }

    /// <summary>Y = A + v·1ᵀ: adds <paramref name="v"/>[i] (length = rows) to every element of row i.</summary>
    public static Tensor<T> AddColumnVector<T>(Tensor<T> a, Tensor<T> v) where T : unmanaged, IFloatingPointIeee754<T> =>
        AddColumnVector(a, v, New<T>(Shapes.ColumnVector(nameof(AddColumnVector), a.Shape, v.Shape)));

    /// <summary>A + v·1ᵀ into <paramref name="destination"/> (which may be A).</summary>
    public static Tensor<T> AddColumnVector<T>(Tensor<T> a, Tensor<T> v, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(AddColumnVector), Shapes.ColumnVector(nameof(AddColumnVector), a.Shape, v.Shape), destination);
        for (int i = 0; i < a.Rows; i++) TensorPrimitives.Add(a.Row(i), v[i], destination.Row(i));
        return destination;
    }

    /// <summary>Ā += Ȳ.</summary>
    public static void AddColumnVectorVjpLeft<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> => Accumulate(nameof(AddColumnVectorVjpLeft), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>v̄[i] += Σⱼ Ȳ[i, j].</summary>
    public static void AddColumnVectorVjpRight<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T> vAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(AddColumnVectorVjpRight), resultAdjoint, result, v, vAdjoint);
        for (int i = 0; i < resultAdjoint.Rows; i++) vAdjoint[i] += TensorPrimitives.Sum<T>(resultAdjoint.Row(i));
    }

    /// <summary>Ẏ = Ȧ + v̇·1ᵀ.</summary>
    public static void AddColumnVectorJvp<T>(Tensor<T> a, Tensor<T> v, Tensor<T> result, Tensor<T>? aTangent, Tensor<T>? vTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(AddColumnVectorJvp), result, resultTangent, a, aTangent, v, vTangent);
        if (aTangent is null) resultTangent.Clear();
        else aTangent.CopyTo(resultTangent);
        if (vTangent is null) return;
        for (int i = 0; i < a.Rows; i++) TensorPrimitives.Add(resultTangent.Row(i), vTangent[i], resultTangent.Row(i));
    }

    /// <summary>
    /// Rows <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 of a batch (or elements of a
    /// vector): a mini-batch. The result is a <em>view</em>: it shares storage with <paramref name="a"/>, so it costs nothing.
    /// </summary>
    public static Tensor<T> SliceRows<T>(Tensor<T> a, int start, int count) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(Shapes.Slice(nameof(SliceRows), a.Shape, start, count), a.Buffer, a.Offset + start * a.Columns);

    /// <summary>The rows copied into <paramref name="destination"/> (a buffer reused from batch to batch).</summary>
    public static Tensor<T> SliceRows<T>(Tensor<T> a, int start, int count, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        SliceRows(a, start, count).CopyTo(Into(nameof(SliceRows), Shapes.Slice(nameof(SliceRows), a.Shape, start, count), destination));
        return destination;
    }

    /// <summary>Ā[start + i] += Ȳ[i].</summary>
    public static void SliceRowsVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, int start, int count, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(SliceRowsVjp), resultAdjoint, result, a, aAdjoint);
        var rows = SliceRows(aAdjoint, start, count).AsSpan();
        TensorPrimitives.Add(rows, resultAdjoint.AsReadOnlySpan(), rows);
    }

    /// <summary>Ẏ = Ȧ[start : start + count].</summary>
    public static void SliceRowsJvp<T>(Tensor<T> a, int start, int count, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(SliceRowsJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) resultTangent.Clear();
        else SliceRows(aTangent, start, count).CopyTo(resultTangent);
    }

    /// <summary>y[i] = A[i, labels[i]]: the score of each example's own class (a vector, one per row).</summary>
    public static Tensor<T> GatherByLabel<T>(Tensor<T> a, int[] labels) where T : unmanaged, IFloatingPointIeee754<T> =>
        GatherByLabel(a, labels, New<T>(TensorShape.Vector(a.Rows)));

    /// <summary>The gathered vector into <paramref name="destination"/>.</summary>
    public static Tensor<T> GatherByLabel<T>(Tensor<T> a, int[] labels, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireLabels(nameof(GatherByLabel), a.Shape, labels);
        Into(nameof(GatherByLabel), TensorShape.Vector(a.Rows), destination);
        for (int i = 0; i < labels.Length; i++) destination[i] = a[i, labels[i]];
        return destination;
    }

    /// <summary>Ā[i, labels[i]] += ȳ[i].</summary>
    public static void GatherByLabelVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, int[] labels, Tensor<T> result, Tensor<T> aAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(GatherByLabelVjp), resultAdjoint, result, a, aAdjoint);
        for (int i = 0; i < labels.Length; i++) aAdjoint[i, labels[i]] += resultAdjoint[i];
    }

    /// <summary>ẏ[i] = Ȧ[i, labels[i]].</summary>
    public static void GatherByLabelJvp<T>(Tensor<T> a, int[] labels, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(GatherByLabelJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) resultTangent.Clear();
        else GatherByLabel(aTangent, labels, resultTangent);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    static void TransposeAdd<T>(Tensor<T> a, Tensor<T> y, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int Block = 32; // a 32×32 tile of each side stays in L1
        int rows = a.Rows, cols = a.Columns;
        var src = a.AsReadOnlySpan();
        var dst = y.AsSpan();
        for (int i0 = 0; i0 < rows; i0 += Block)
            for (int j0 = 0; j0 < cols; j0 += Block)
                for (int i = i0; i < Math.Min(rows, i0 + Block); i++)
                    for (int j = j0; j < Math.Min(cols, j0 + Block); j++)
                        dst[j * rows + i] = accumulate ? dst[j * rows + i] + src[i * cols + j] : src[i * cols + j];
    }
}
