using ILGPU;
using ILGPU.Runtime;

namespace Tutor.Gpu;

/// <summary>
/// A list of row indices in device memory (an epoch's permutation, a validation set), uploaded once with
/// <see cref="GpuRuntime.UploadIndices(ReadOnlySpan{int})"/> and read by
/// <see cref="GpuRuntime.GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/>. Its smallest and
/// largest entries are recorded at upload, so a gather checks the indices against the data set on the host without
/// reading the device. <see cref="Dispose"/> gives the buffer back to the runtime's pool.
/// </summary>
public sealed class GpuIndices : IDisposable
{
    readonly MemoryBuffer1D<int, Stride1D.Dense> buffer;
    bool disposed;

    internal GpuIndices(GpuRuntime runtime, MemoryBuffer1D<int, Stride1D.Dense> buffer)
    {
        Runtime = runtime;
        this.buffer = buffer;
    }

    /// <summary>The runtime (device) that holds the indices.</summary>
    public GpuRuntime Runtime { get; }

    /// <summary>How many indices.</summary>
    public int Length => (int)buffer.Length;

    /// <summary>The smallest index (recorded at the last upload).</summary>
    public int Min { get; private set; }

    /// <summary>The largest index (recorded at the last upload).</summary>
    public int Max { get; private set; }

    internal ArrayView<int> View
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return buffer.View;
        }
    }

    /// <summary>Copies <paramref name="indices"/> to the device (waits for the stream, as every ILGPU upload does).</summary>
    internal void Upload(ReadOnlySpan<int> indices, AcceleratorStream stream)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (indices.Length != Length)
            throw new ArgumentException($"UploadIndices: {indices.Length} indices do not fit a device list of {Length}; upload into a list of the same length or make a new one.");
        if (indices.Length == 0) throw new ArgumentException("UploadIndices: the list is empty.");
        int min = int.MaxValue, max = int.MinValue;
        foreach (int i in indices)
        {
            min = Math.Min(min, i);
            max = Math.Max(max, i);
        }
        if (min < 0) throw new ArgumentOutOfRangeException(nameof(indices), min, $"UploadIndices: the index {min} is negative; row indices start at 0.");
        buffer.View.CopyFromCPU(stream, indices);
        (Min, Max) = (min, max);
    }

    /// <summary>Returns the buffer to the runtime's pool. Do not use the indices afterwards.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        Runtime.Pool.Return(buffer);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GpuIndices ({Length}, {Min}…{Max}) on {Runtime.Name}";
}
