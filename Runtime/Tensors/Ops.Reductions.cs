using System.Numerics;
using System.Numerics.Tensors;

namespace Tutor.Tensors;

// Sums, means and maxima: over everything (a scalar), along each row (one value per example) or down each
// column (one value per feature). A mean is a sum scaled by 1/count, so each pair shares one implementation.
public static partial class Ops
{
    /// <summary>Σ of all elements (a scalar).</summary>
    public static Tensor<T> Sum<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Tensor<T>.Scalar(TensorPrimitives.Sum<T>(a.AsReadOnlySpan()));

    /// <summary>Ā += ȳ (every element).</summary>
    public static void SumVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadAll(nameof(SumVjp), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>ẏ = Σ Ȧ.</summary>
    public static void SumJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAllTangent(nameof(SumJvp), a, result, aTangent, resultTangent, T.One);

    /// <summary>The mean of all elements (a scalar).</summary>
    public static Tensor<T> Mean<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        Tensor<T>.Scalar(TensorPrimitives.Sum<T>(a.AsReadOnlySpan()) / Count<T>(a.Length));

    /// <summary>Ā += ȳ/N.</summary>
    public static void MeanVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadAll(nameof(MeanVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Length));

    /// <summary>ẏ = mean Ȧ.</summary>
    public static void MeanJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAllTangent(nameof(MeanJvp), a, result, aTangent, resultTangent, T.One / Count<T>(a.Length));

    /// <summary>The sum of each row of a matrix (a vector, one per row).</summary>
    public static Tensor<T> RowSums<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowSums(a, New<T>(Shapes.PerRow(nameof(RowSums), a.Shape)));

    /// <summary>The row sums into <paramref name="destination"/>.</summary>
    public static Tensor<T> RowSums<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceRows(nameof(RowSums), a, destination, T.One);

    /// <summary>Ā[i, j] += ȳ[i].</summary>
    public static void RowSumsVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadRows(nameof(RowSumsVjp), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>ẏ = row sums of Ȧ.</summary>
    public static void RowSumsJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceTangent(nameof(RowSumsJvp), a, result, aTangent, resultTangent, static (t, y) => RowSums(t, y));

    /// <summary>The mean of each row of a matrix (a vector, one per row).</summary>
    public static Tensor<T> RowMeans<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowMeans(a, New<T>(Shapes.PerRow(nameof(RowMeans), a.Shape)));

    /// <summary>The row means into <paramref name="destination"/>.</summary>
    public static Tensor<T> RowMeans<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceRows(nameof(RowMeans), a, destination, T.One / Count<T>(a.Columns));

    /// <summary>Ā[i, j] += ȳ[i]/columns.</summary>
    public static void RowMeansVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadRows(nameof(RowMeansVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Columns));

    /// <summary>ẏ = row means of Ȧ.</summary>
    public static void RowMeansJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceTangent(nameof(RowMeansJvp), a, result, aTangent, resultTangent, static (t, y) => RowMeans(t, y));

    /// <summary>The sum of each column of a matrix (a vector, one per column): e.g. a bias gradient.</summary>
    public static Tensor<T> ColumnSums<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => ColumnSums(a, New<T>(Shapes.PerColumn(nameof(ColumnSums), a.Shape)));

    /// <summary>The column sums into <paramref name="destination"/>.</summary>
    public static Tensor<T> ColumnSums<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceColumns(nameof(ColumnSums), a, destination, T.One);

    /// <summary>Ā[i, j] += ȳ[j].</summary>
    public static void ColumnSumsVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadColumns(nameof(ColumnSumsVjp), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>ẏ = column sums of Ȧ.</summary>
    public static void ColumnSumsJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceTangent(nameof(ColumnSumsJvp), a, result, aTangent, resultTangent, static (t, y) => ColumnSums(t, y));

    /// <summary>The mean of each column of a matrix (a vector, one per column): e.g. the feature means of a batch.</summary>
    public static Tensor<T> ColumnMeans<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => ColumnMeans(a, New<T>(Shapes.PerColumn(nameof(ColumnMeans), a.Shape)));

    /// <summary>The column means into <paramref name="destination"/>.</summary>
    public static Tensor<T> ColumnMeans<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceColumns(nameof(ColumnMeans), a, destination, T.One / Count<T>(a.Rows));

    /// <summary>Ā[i, j] += ȳ[j]/rows.</summary>
    public static void ColumnMeansVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadColumns(nameof(ColumnMeansVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Rows));

    /// <summary>ẏ = column means of Ȧ.</summary>
    public static void ColumnMeansJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceTangent(nameof(ColumnMeansJvp), a, result, aTangent, resultTangent, static (t, y) => ColumnMeans(t, y));

    /// <summary>The largest element (a scalar); NaN if any element is NaN.</summary>
    public static Tensor<T> Max<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => Tensor<T>.Scalar(TensorPrimitives.Max<T>(a.AsReadOnlySpan()));

    /// <summary>Ā[argmax] += ȳ (the first maximum takes it all).</summary>
    public static void MaxVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MaxVjp), resultAdjoint, result, a, aAdjoint);
        aAdjoint[TensorPrimitives.IndexOfMax<T>(a.AsReadOnlySpan())] += resultAdjoint.ToScalar();
    }

    /// <summary>ẏ = Ȧ[argmax].</summary>
    public static void MaxJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MaxJvp), result, resultTangent, a, aTangent);
        resultTangent[0] = aTangent is null ? T.Zero : aTangent[TensorPrimitives.IndexOfMax<T>(a.AsReadOnlySpan())];
    }

    /// <summary>The largest element of each row (a vector, one per row).</summary>
    public static Tensor<T> RowMaxes<T>(Tensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowMaxes(a, New<T>(Shapes.PerRow(nameof(RowMaxes), a.Shape)));

    /// <summary>The row maxima into <paramref name="destination"/>.</summary>
    public static Tensor<T> RowMaxes<T>(Tensor<T> a, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowMaxes), Shapes.PerRow(nameof(RowMaxes), a.Shape), destination);
        for (int i = 0; i < a.Rows; i++) destination[i] = TensorPrimitives.Max<T>(a.Row(i));
        return destination;
    }

    /// <summary>Ā[i, argmaxᵢ] += ȳ[i].</summary>
    public static void RowMaxesVjp<T>(Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowMaxesVjp), resultAdjoint, result, a, aAdjoint);
        for (int i = 0; i < a.Rows; i++) aAdjoint[i, TensorPrimitives.IndexOfMax<T>(a.Row(i))] += resultAdjoint[i];
    }

    /// <summary>ẏ[i] = Ȧ[i, argmaxᵢ].</summary>
    public static void RowMaxesJvp<T>(Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowMaxesJvp), result, resultTangent, a, aTangent);
        for (int i = 0; i < a.Rows; i++)
            resultTangent[i] = aTangent is null ? T.Zero : aTangent[i, TensorPrimitives.IndexOfMax<T>(a.Row(i))];
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    static Tensor<T> ReduceRows<T>(string op, Tensor<T> a, Tensor<T> destination, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(op, Shapes.PerRow(op, a.Shape), destination);
        for (int i = 0; i < a.Rows; i++) destination[i] = TensorPrimitives.Sum<T>(a.Row(i)) * scale;
        return destination;
    }

    static Tensor<T> ReduceColumns<T>(string op, Tensor<T> a, Tensor<T> destination, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(op, Shapes.PerColumn(op, a.Shape), destination);
        Shapes.RequireNoAlias(op, destination, a);
        var y = destination.AsSpan();
        a.Row(0).CopyTo(y);
        for (int i = 1; i < a.Rows; i++) TensorPrimitives.Add(y, a.Row(i), y);
        if (scale != T.One) TensorPrimitives.Multiply(y, scale, y);
        return destination;
    }

    static void SpreadAll<T>(string op, Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        TensorPrimitives.Add(aAdjoint.AsReadOnlySpan(), resultAdjoint.ToScalar() * scale, aAdjoint.AsSpan());
    }

    static void SpreadRows<T>(string op, Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        for (int i = 0; i < a.Rows; i++) TensorPrimitives.Add(aAdjoint.Row(i), resultAdjoint[i] * scale, aAdjoint.Row(i));
    }

    static void SpreadColumns<T>(string op, Tensor<T> resultAdjoint, Tensor<T> a, Tensor<T> result, Tensor<T> aAdjoint, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        for (int i = 0; i < a.Rows; i++)
            TensorPrimitives.MultiplyAdd(resultAdjoint.AsReadOnlySpan(), scale, aAdjoint.Row(i), aAdjoint.Row(i));
    }

    static void ReduceAllTangent<T>(string op, Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent);
        resultTangent[0] = aTangent is null ? T.Zero : TensorPrimitives.Sum<T>(aTangent.AsReadOnlySpan()) * scale;
    }

    /// <summary>The reductions are linear: their JVP is the reduction of the tangent.</summary>
    static void ReduceTangent<T>(string op, Tensor<T> a, Tensor<T> result, Tensor<T>? aTangent, Tensor<T> resultTangent, Action<Tensor<T>, Tensor<T>> reduce)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent);
        if (aTangent is null) resultTangent.Clear();
        else reduce(aTangent, resultTangent);
    }
}
