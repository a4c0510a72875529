using System.Numerics;
using Tutor.Data;
using Tutor.Tensors;

namespace Tutor.Gpu.Tests;

/// <summary>
/// Mini-batches gathered on the device against the CPU's <see cref="Rows.Gather{T}(ReadOnlySpan{T}, int, ReadOnlySpan{int})"/>:
/// a copy, so equal bit for bit. Batches of several sizes from slices of one uploaded permutation (with repeated
/// indices), transposed and not; the host-index overload; the checks; and no device allocation once the buffers exist.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class GatherTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    const int Rows_ = 37, Columns = 11;

    [Fact]
    public void Batches_from_an_uploaded_permutation_equal_Rows_Gather_float() => Batches<float>();

    [Fact]
    public void Batches_from_an_uploaded_permutation_equal_Rows_Gather_double() => Batches<double>();

    void Batches<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new Random(5);
        var data = Enumerable.Range(0, Rows_ * Columns).Select(_ => T.CreateTruncating(g.NextDouble() * 2 - 1)).ToArray();
        int[] order = [.. Enumerable.Range(0, Rows_).OrderBy(_ => g.Next()), 3, 3, 36, 0];
        using var source = gpu.Upload(Tensor<T>.Wrap(data, TensorShape.Matrix(Rows_, Columns)));
        using var indices = gpu.UploadIndices(order);
        Assert.Equal((0, 36), (indices.Min, indices.Max));
        foreach (var (start, count) in new[] { (0, 16), (16, 16), (32, 9), (40, 1), (5, 23) })
        {
            var expected = Rows.Gather<T>(data, Columns, order.AsSpan(start, count));
            using var batch = gpu.Zeros<T>(count, Columns);
            gpu.GatherRows(source, indices, start, count, batch);
            Assert.Equal(expected, gpu.Download(batch).ToArray());

            using var columns = gpu.Zeros<T>(Columns, count);
            gpu.GatherRows(source, indices, start, count, columns, transpose: true);
            var transposed = gpu.Download(columns);
            for (int k = 0; k < count; k++)
                for (int c = 0; c < Columns; c++)
                    Assert.Equal(expected[k * Columns + c], transposed[c, k]);
        }
    }

    [Fact]
    public void Host_indices_and_a_reused_destination_allocate_nothing_after_the_first_batch()
    {
        var g = new Random(9);
        var data = Enumerable.Range(0, Rows_ * Columns).Select(_ => (float)g.NextDouble()).ToArray();
        using var source = gpu.Upload(Tensor<float>.Wrap(data, TensorShape.Matrix(Rows_, Columns)));
        using var batch = gpu.Zeros<float>(6, Columns);
        long allocations = -1;
        for (int step = 0; step < 4; step++)
        {
            int[] rows = [.. Enumerable.Range(0, 6).Select(_ => g.Next(Rows_))];
            gpu.GatherRows(source, rows, batch);
            Assert.Equal(Rows.Gather<float>(data, Columns, rows), gpu.Download(batch).ToArray());
            if (step == 0) allocations = gpu.Pool.Allocations;
        }
        Assert.Equal(allocations, gpu.Pool.Allocations);
    }

    [Fact]
    public void Indices_past_the_data_set_or_the_list_are_refused_with_the_fix()
    {
        using var source = gpu.Zeros<float>(4, 3);
        using var batch = gpu.Zeros<float>(2, 3);
        using var indices = gpu.UploadIndices([0, 4]);
        var past = Assert.Throws<ArgumentOutOfRangeException>(() => gpu.GatherRows(source, indices, 0, 2, batch));
        Assert.Contains("the index 4 is past the last row of the (4×3) data set", past.Message);
        using var fine = gpu.UploadIndices([0, 3]);
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => gpu.GatherRows(source, fine, 1, 2, batch));
        Assert.Contains("indices 1 … 2 are outside the device list of 2", outside.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => gpu.UploadIndices([1, -2]));
        var shape = Assert.ThrowsAny<Exception>(() => gpu.GatherRows(source, fine, 0, 2, gpu.Zeros<float>(3, 2)));
        Assert.Contains("GatherRows", shape.Message);
    }
}
