using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// Sums, means and maxima over everything (a one-element tensor that stays on the device), along each row or down
// each column (Ops.Reductions.cs on the CPU). Every reduction adds in a fixed tree order: the same input gives
// the same bits on every run of the same device and options.
public sealed partial class GpuOps
{
    /// <summary>Σ of all elements (a scalar on the device).</summary>
    public GpuTensor<T> Sum<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.Value<,>), a, null, T.One);

    /// <summary>Ā += ȳ (every element).</summary>
    public void SumVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadAll(nameof(SumVjp), resultAdjoint, a, result, aAdjoint, T.One);

    /// <summary>ẏ = Σ Ȧ.</summary>
    public void SumJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAllTangent(nameof(SumJvp), a, result, aTangent, resultTangent, T.One);

    /// <summary>The mean of all elements (a scalar on the device).</summary>
    public GpuTensor<T> Mean<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAll(typeof(Terms.Value<,>), a, null, T.One / Count<T>(a.Length));

    /// <summary>Ā += ȳ/N.</summary>
    public void MeanVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        SpreadAll(nameof(MeanVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Length));

    /// <summary>ẏ = mean Ȧ.</summary>
    public void MeanJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T> =>
        ReduceAllTangent(nameof(MeanJvp), a, result, aTangent, resultTangent, T.One / Count<T>(a.Length));

    /// <summary>The sum of each row of a matrix (a vector, one per row).</summary>
    public GpuTensor<T> RowSums<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowSums(a, New<T>(Shapes.PerRow(nameof(RowSums), a.Shape)));

    /// <summary>The row sums into <paramref name="destination"/>.</summary>
    public GpuTensor<T> RowSums<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RowSum(a, Into(nameof(RowSums), Shapes.PerRow(nameof(RowSums), a.Shape), destination), T.One, accumulate: false);
        return destination;
    }

    /// <summary>Ā[i, j] += ȳ[i].</summary>
    public void RowSumsVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        Spread(nameof(RowSumsVjp), resultAdjoint, a, result, aAdjoint, T.One, Elementwise.ColumnVector);

    /// <summary>ẏ = row sums of Ȧ.</summary>
    public void RowSumsJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowSumsJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else RowSums(aTangent, resultTangent);
    }

    /// <summary>The mean of each row of a matrix (a vector, one per row).</summary>
    public GpuTensor<T> RowMeans<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowMeans(a, New<T>(Shapes.PerRow(nameof(RowMeans), a.Shape)));

    /// <summary>The row means into <paramref name="destination"/>.</summary>
    public GpuTensor<T> RowMeans<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        RowSum(a, Into(nameof(RowMeans), Shapes.PerRow(nameof(RowMeans), a.Shape), destination), T.One / Count<T>(a.Columns), accumulate: false);
        return destination;
    }

    /// <summary>Ā[i, j] += ȳ[i]/columns.</summary>
    public void RowMeansVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        Spread(nameof(RowMeansVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Columns), Elementwise.ColumnVector);

    /// <summary>ẏ = row means of Ȧ.</summary>
    public void RowMeansJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowMeansJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else RowMeans(aTangent, resultTangent);
    }

    /// <summary>The sum of each column of a matrix (a vector, one per column): e.g. a bias gradient.</summary>
    public GpuTensor<T> ColumnSums<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => ColumnSums(a, New<T>(Shapes.PerColumn(nameof(ColumnSums), a.Shape)));

    /// <summary>The column sums into <paramref name="destination"/>.</summary>
    public GpuTensor<T> ColumnSums<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(ColumnSums), Shapes.PerColumn(nameof(ColumnSums), a.Shape), destination);
        RequireNoAlias(nameof(ColumnSums), destination, a);
        ColumnSum(a, destination.View, T.One, accumulate: false);
        return destination;
    }

    /// <summary>Ā[i, j] += ȳ[j].</summary>
    public void ColumnSumsVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        Spread(nameof(ColumnSumsVjp), resultAdjoint, a, result, aAdjoint, T.One, Elementwise.RowVector);

    /// <summary>ẏ = column sums of Ȧ.</summary>
    public void ColumnSumsJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(ColumnSumsJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else ColumnSums(aTangent, resultTangent);
    }

    /// <summary>The mean of each column of a matrix (a vector, one per column): e.g. the feature means of a batch.</summary>
    public GpuTensor<T> ColumnMeans<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => ColumnMeans(a, New<T>(Shapes.PerColumn(nameof(ColumnMeans), a.Shape)));

    /// <summary>The column means into <paramref name="destination"/>.</summary>
    public GpuTensor<T> ColumnMeans<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(ColumnMeans), Shapes.PerColumn(nameof(ColumnMeans), a.Shape), destination);
        RequireNoAlias(nameof(ColumnMeans), destination, a);
        ColumnSum(a, destination.View, T.One / Count<T>(a.Rows), accumulate: false);
        return destination;
    }

    /// <summary>Ā[i, j] += ȳ[j]/rows.</summary>
    public void ColumnMeansVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        Spread(nameof(ColumnMeansVjp), resultAdjoint, a, result, aAdjoint, T.One / Count<T>(a.Rows), Elementwise.RowVector);

    /// <summary>ẏ = column means of Ȧ.</summary>
    public void ColumnMeansJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(ColumnMeansJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else ColumnMeans(aTangent, resultTangent);
    }

    /// <summary>The largest element (a scalar on the device); NaN if any element is NaN.</summary>
    public GpuTensor<T> Max<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = New<T>(TensorShape.Scalar);
        ArgMax(a, y, a, Reduce.MaxValue);
        return y;
    }

    /// <summary>Ā[argmax] += ȳ (the first maximum takes it all).</summary>
    public void MaxVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(MaxVjp), resultAdjoint, result, a, aAdjoint);
        ArgMax(a, aAdjoint, resultAdjoint, Reduce.MaxVjp);
    }

    /// <summary>ẏ = Ȧ[argmax].</summary>
    public void MaxJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(MaxJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else ArgMax(a, resultTangent, aTangent, Reduce.MaxJvp);
    }

    /// <summary>The largest element of each row (a vector, one per row).</summary>
    public GpuTensor<T> RowMaxes<T>(GpuTensor<T> a) where T : unmanaged, IFloatingPointIeee754<T> => RowMaxes(a, New<T>(Shapes.PerRow(nameof(RowMaxes), a.Shape)));

    /// <summary>The row maxima into <paramref name="destination"/>.</summary>
    public GpuTensor<T> RowMaxes<T>(GpuTensor<T> a, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Into(nameof(RowMaxes), Shapes.PerRow(nameof(RowMaxes), a.Shape), destination);
        RowMax(a, a, destination, RowKernels.MaxValue);
        return destination;
    }

    /// <summary>Ā[i, argmaxᵢ] += ȳ[i].</summary>
    public void RowMaxesVjp<T>(GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(nameof(RowMaxesVjp), resultAdjoint, result, a, aAdjoint);
        RowMax(a, resultAdjoint, aAdjoint, RowKernels.MaxVjp);
    }

    /// <summary>ẏ[i] = Ȧ[i, argmaxᵢ].</summary>
    public void RowMaxesJvp<T>(GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(nameof(RowMaxesJvp), result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else RowMax(a, aTangent, resultTangent, RowKernels.MaxJvp);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    /// <summary>A new device scalar: scale·Σ term(x0[i], x1[i]).</summary>
    GpuTensor<T> ReduceAll<T>(Type term, GpuTensor<T> x0, GpuTensor<T>? x1, T scale) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = New<T>(TensorShape.Scalar);
        ReduceAllInto(term, x0, x1, scale, y, accumulate: false);
        return y;
    }

    /// <summary>y[0] (+)= scale·Σ term(x0[i], x1[i]) in two launches (partials per group, then one group).</summary>
    void ReduceAllInto<T>(Type term, GpuTensor<T> x0, GpuTensor<T>? x1, T scale, GpuTensor<T> y, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var config = runtime.Elementwise(x0.Length);
        int groups = config.GridDim.X;
        var partials = runtime.Pool.Rent<T>(groups);
        var x0v = V(x0, "Reduce");
        LaunchPartials(term, config, new ReduceArgs<T> { X0 = x0v, X1 = x1 is null ? x0v : V(x1, "Reduce"), Partials = partials.View, N = x0.Length });
        Launch<T, FinalArgs<T>>(typeof(Reduce), nameof(Reduce.Final), runtime.PerGroup(1), new FinalArgs<T>
        {
            Partials = partials.View, Count = groups, Y = V(y, "Reduce"), Scale = scale, Accumulate = accumulate ? 1 : 0,
        });
        runtime.Pool.Return(partials);
    }

    /// <summary>The largest element of <paramref name="a"/> and its first index, then <paramref name="mode"/> (<see cref="Reduce.MaxValue"/>…).</summary>
    void ArgMax<T>(GpuTensor<T> a, GpuTensor<T> y, GpuTensor<T> x, int mode) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var config = runtime.Elementwise(a.Length);
        int groups = config.GridDim.X;
        var values = runtime.Pool.Rent<T>(groups);
        var indices = runtime.Pool.Rent<int>(groups);
        Launch<T, ArgMaxArgs<T>>(typeof(Reduce), nameof(Reduce.ArgMaxPartials), config, new ArgMaxArgs<T>
        {
            X = V(a, nameof(Max)), N = a.Length, Values = values.View, Indices = indices.View, Y = values.View,
        });
        Launch<T, ArgMaxArgs<T>>(typeof(Reduce), nameof(Reduce.ArgMaxFinal), runtime.PerGroup(1), new ArgMaxArgs<T>
        {
            X = V(x, nameof(Max)), N = groups, Values = values.View, Indices = indices.View, Y = V(y, nameof(Max)), Mode = mode,
        });
        runtime.Pool.Return(values);
        runtime.Pool.Return(indices);
    }

    /// <summary>y[r] (+)= p·Σⱼ a[r, j].</summary>
    void RowSum<T>(GpuTensor<T> a, GpuTensor<T> y, T p, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var av = V(a, nameof(RowSums));
        Launch<T, RowArgs<T>>(typeof(RowKernels), nameof(RowKernels.Sum), runtime.PerGroup(a.Rows), new RowArgs<T>
        {
            X0 = av, X1 = av, X2 = av, Y = V(y, nameof(RowSums)), Labels = Unused, Rows = a.Rows, Columns = a.Columns, P = p, Accumulate = accumulate ? 1 : 0,
        });
    }

    void RowMax<T>(GpuTensor<T> a, GpuTensor<T> x1, GpuTensor<T> y, int mode) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var av = V(a, nameof(RowMaxes));
        Launch<T, RowArgs<T>>(typeof(RowKernels), nameof(RowKernels.Max), runtime.PerGroup(a.Rows), new RowArgs<T>
        {
            X0 = av, X1 = V(x1, nameof(RowMaxes)), X2 = av, Y = V(y, nameof(RowMaxes)), Labels = Unused, Rows = a.Rows, Columns = a.Columns, Mode = mode,
        });
    }

    /// <summary>
    /// y[c] (+)= p·Σᵢ a[i, c] (a vector a counts as one column). A tall matrix is cut into blocks of rows, one group
    /// per (column strip, block), so that a bias gradient of a 1024-row batch keeps the whole device busy; a second
    /// launch adds the blocks' partial sums in order.
    /// </summary>
    void ColumnSum<T>(GpuTensor<T> a, ArrayView<T> y, T p, bool accumulate) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int group = runtime.Options.GroupSize;
        int width = group >= 64 ? 32 : Math.Max(1, group / 4); // columns per group; the rest of the group splits the rows
        int slices = group / width;
        int perBlock = Math.Max(4 * slices, (a.Rows + 1023) / 1024); // each thread adds ≥ 4 rows; at most 1024 blocks
        int blocks = (a.Rows + perBlock - 1) / perBlock;
        if (blocks == 1)
        {
            ColumnSumLaunch(V(a, nameof(ColumnSums)), a.Rows, a.Columns, a.Rows, 1, y, p, accumulate, width);
            return;
        }
        var partials = runtime.Pool.Rent<T>((long)blocks * a.Columns);
        ColumnSumLaunch(V(a, nameof(ColumnSums)), a.Rows, a.Columns, perBlock, blocks, partials.View, T.One, false, width);
        ColumnSumLaunch(partials.View, blocks, a.Columns, blocks, 1, y, p, accumulate, width);
        runtime.Pool.Return(partials);
    }

    void ColumnSumLaunch<T>(ArrayView<T> x, int rows, int columns, int rowsPerBlock, int blocks, ArrayView<T> y, T p, bool accumulate, int width)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long strips = Math.Clamp((columns + width - 1) / width, 1, runtime.Options.MaxGroups);
        Launch<T, ColumnArgs<T>>(typeof(ColumnKernels), nameof(ColumnKernels.Sum), new KernelConfig(new Index2D((int)strips, blocks), new Index2D(runtime.Options.GroupSize, 1)),
            new ColumnArgs<T>
            {
                X = x, Y = y, Rows = rows, Columns = columns, ColumnsPerGroup = width, RowsPerBlock = rowsPerBlock, P = p, Accumulate = accumulate ? 1 : 0,
            });
    }

    /// <summary>Ā += p·ȳ broadcast (a row or column vector over A's rows or columns).</summary>
    void Spread<T>(string op, GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint, T p, int mode)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        Map(typeof(ElementOps.ScaleX1<,>), null, aAdjoint, aAdjoint, resultAdjoint, p: p, accumulate: true, x1Mode: mode);
    }

    /// <summary>Ā += p·ȳ with ȳ a device scalar.</summary>
    void SpreadAll<T>(string op, GpuTensor<T> resultAdjoint, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T> aAdjoint, T p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckVjp(op, resultAdjoint, result, a, aAdjoint);
        Map(typeof(ElementOps.ScalarTimesP<,>), null, aAdjoint, aAdjoint, p: p, s: resultAdjoint, accumulate: true);
    }

    void ReduceAllTangent<T>(string op, GpuTensor<T> a, GpuTensor<T> result, GpuTensor<T>? aTangent, GpuTensor<T> resultTangent, T scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckJvp(op, result, resultTangent, a, aTangent);
        if (aTangent is null) Fill(resultTangent, T.Zero);
        else ReduceAllInto(typeof(Terms.Value<,>), aTangent, null, scale, resultTangent, accumulate: false);
    }

    /// <summary>A placeholder label view for kernels that take labels but do not read them.</summary>
    ArrayView<int> Unused => runtime.NoLabels;
}
