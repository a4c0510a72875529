using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Tensors;

namespace Tutor.Gpu;

// Mini-batches gathered on the device: the data set is uploaded once, and each batch's rows are copied out of it by
// a kernel from a list of indices (the device twin of Tutor.Data.Rows.Gather). Data movement, not an op of the
// derivative table, so it lives on the runtime beside Upload and Copy.
public sealed partial class GpuRuntime
{
    /// <summary>
    /// Row indices on the device (an epoch's permutation, a validation set): one upload, then any number of
    /// <see cref="GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/> calls read slices of it.
    /// The buffer comes from the pool; dispose the list to give it back.
    /// </summary>
    public GpuIndices UploadIndices(ReadOnlySpan<int> indices)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (indices.Length == 0) throw new ArgumentException("UploadIndices: the list is empty.", nameof(indices));
        var list = new GpuIndices(this, Pool.Rent<int>(indices.Length));
        try
        {
            list.Upload(indices, Stream);
        }
        catch
        {
            list.Dispose();
            throw;
        }
        return list;
    }

    /// <summary>Copies <paramref name="indices"/> into an existing device list of the same length (the next epoch's permutation).</summary>
    public void UploadIndices(ReadOnlySpan<int> indices, GpuIndices destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!ReferenceEquals(destination.Runtime, this))
            throw new ArgumentException($"UploadIndices: the list lives on '{destination.Runtime.Name}', not on '{Name}'.", nameof(destination));
        destination.Upload(indices, Stream);
    }

    /// <summary>
    /// A mini-batch from a data set on the device: row k of <paramref name="destination"/> becomes row
    /// <paramref name="indices"/>[<paramref name="start"/> + k] of <paramref name="source"/>, for k &lt;
    /// <paramref name="count"/> (<c>Rows.Gather</c> on the device; one kernel, no upload, no wait). With
    /// <paramref name="transpose"/> each gathered row becomes a column instead (destination columns × count: images
    /// as the columns of z).
    /// </summary>
    /// <returns><paramref name="destination"/>.</returns>
    public GpuTensor<T> GatherRows<T>(GpuTensor<T> source, GpuIndices indices, int start, int count, GpuTensor<T> destination, bool transpose = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(indices);
        Own(source, nameof(GatherRows));
        Own(destination, nameof(GatherRows));
        if (!ReferenceEquals(indices.Runtime, this))
            throw new ArgumentException($"GatherRows: the indices live on '{indices.Runtime.Name}', not on '{Name}'; upload them to this runtime.", nameof(indices));
        if (start < 0 || count < 1 || start + count > indices.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"GatherRows: indices {start} … {start + count - 1} are outside the device list of {indices.Length}.");
        if (indices.Max >= source.Rows)
            throw new ArgumentOutOfRangeException(nameof(indices), $"GatherRows: the index {indices.Max} is past the last row of the {source.Shape} data set; the list names rows 0 … {source.Rows - 1} only.");
        var expected = transpose ? TensorShape.Matrix(source.Columns, count) : TensorShape.Matrix(count, source.Columns);
        Shapes.RequireDestination(nameof(GatherRows), expected, destination.Shape);
        if (destination.Overlaps(source))
            throw new ArgumentException($"GatherRows: the destination {destination.Shape} shares storage with the data set; pass a separate buffer.", nameof(destination));
        var kernel = Kernel<Action<AcceleratorStream, KernelConfig, GatherArgs<T>>>(
            new KernelKey(typeof(GatherKernels), nameof(GatherKernels.Rows), typeof(void), typeof(void), typeof(T)),
            static k => typeof(GatherKernels).GetMethod(nameof(GatherKernels.Rows))!
                .MakeGenericMethod(k.Element, k.Element == typeof(float) ? typeof(F32) : typeof(F64)));
        var args = new GatherArgs<T>
        {
            Source = source.View, Destination = destination.View, Indices = indices.View,
            Start = start, Count = count, Columns = source.Columns, Transpose = transpose ? 1 : 0,
        };
        kernel(Stream, Elementwise((long)count * source.Columns), args);
        return destination;
    }

    /// <summary>
    /// <see cref="GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/> with host indices: they go
    /// to the device in a pooled buffer first (an upload, which waits for the stream; for a whole epoch, upload its
    /// permutation once with <see cref="UploadIndices(ReadOnlySpan{int})"/> instead).
    /// </summary>
    public GpuTensor<T> GatherRows<T>(GpuTensor<T> source, ReadOnlySpan<int> rows, GpuTensor<T> destination, bool transpose = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Back to the pool right after the launch: the buffer's next user is queued after this kernel on the same stream.
        using var indices = UploadIndices(rows);
        return GatherRows(source, indices, 0, rows.Length, destination, transpose);
    }
}
