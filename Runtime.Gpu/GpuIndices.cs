using ILGPU;
using ILGPU.Runtime;

namespace Tutor.Gpu;

/// <summary>
/// A list of integers in device memory, uploaded once with <see cref="GpuRuntime.UploadIndices(ReadOnlySpan{int})"/>:
/// row indices (an epoch's permutation, a validation set) for
/// <see cref="GpuRuntime.GatherRows{T}(GpuTensor{T}, GpuIndices, int, int, GpuTensor{T}, bool)"/>, or class labels for
/// the loss ops' <c>GpuIndices</c> overloads (<c>gpu.Ops.CrossEntropyLoss(logits, labels.Slice(start, batch))</c>),
/// which then need no upload, and so no wait for the device, per batch. Its smallest and largest entries are recorded
/// at upload, so indices and labels are checked on the host without reading the device. <see cref="Slice"/> is a
/// view of a stretch of the list (a batch's labels); <see cref="Dispose"/> gives a list's buffer back to the runtime's
/// pool (a slice owns nothing).
/// </summary>
public sealed class GpuIndices : IDisposable
{
    readonly MemoryBuffer1D<int, Stride1D.Dense>? buffer;   // null for a slice
    readonly GpuIndices? list;                              // the list a slice was taken from
    readonly ArrayView<int> view;
    int min, max;
    bool disposed;

    internal GpuIndices(GpuRuntime runtime, MemoryBuffer1D<int, Stride1D.Dense> buffer)
    {
        Runtime = runtime;
        this.buffer = buffer;
        view = buffer.View;
    }

    GpuIndices(GpuIndices list, int start, int count)
    {
        Runtime = list.Runtime;
        this.list = list;
        view = list.view.SubView(start, count);
    }

    /// <summary>The runtime (device) that holds the indices.</summary>
    public GpuRuntime Runtime { get; }

    /// <summary>How many indices.</summary>
    public int Length => (int)view.Length;

    /// <summary>True for a view made by <see cref="Slice"/>.</summary>
    public bool IsSlice => list is not null;

    /// <summary>The smallest index (recorded at the last upload; for a slice, the whole list's).</summary>
    public int Min => list?.Min ?? min;

    /// <summary>The largest index (recorded at the last upload; for a slice, the whole list's).</summary>
    public int Max => list?.Max ?? max;

    internal ArrayView<int> View
    {
        get
        {
            ThrowIfDisposed();
            return view;
        }
    }

    /// <summary>
    /// Entries <paramref name="start"/> … <paramref name="start"/> + <paramref name="count"/> − 1 as a list of their own,
    /// sharing this one's memory (no copy): a batch's labels out of an epoch's. Valid while this list is; refill the
    /// list, not the slice.
    /// </summary>
    public GpuIndices Slice(int start, int count)
    {
        ThrowIfDisposed();
        if (start < 0 || count < 1 || start > Length - count)
            throw new ArgumentOutOfRangeException(nameof(start), $"Slice: entries {start} … {start + count - 1} are not inside a list of {Length} (0 … {Length - 1}); a slice holds at least one entry.");
        return new GpuIndices(this, start, count);
    }

    /// <summary>Copies <paramref name="indices"/> to the device (waits for the stream, as every ILGPU upload does).</summary>
    internal void Upload(ReadOnlySpan<int> indices, AcceleratorStream stream)
    {
        ThrowIfDisposed();
        if (IsSlice)
            throw new InvalidOperationException("UploadIndices: a slice shares its list's memory and cannot be refilled on its own; upload into the list it was taken from.");
        if (indices.Length != Length)
            throw new ArgumentException($"UploadIndices: {indices.Length} indices do not fit a device list of {Length}; upload into a list of the same length or make a new one.");
        if (indices.Length == 0) throw new ArgumentException("UploadIndices: the list is empty.");
        int low = int.MaxValue, high = int.MinValue;
        foreach (int i in indices)
        {
            low = Math.Min(low, i);
            high = Math.Max(high, i);
        }
        if (low < 0) throw new ArgumentOutOfRangeException(nameof(indices), low, $"UploadIndices: the index {low} is negative; row indices and class labels start at 0.");
        view.CopyFromCPU(stream, indices);
        (min, max) = (low, high);
    }

    void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (list is not null && list.IsDisposed)
            throw new ObjectDisposedException(nameof(GpuIndices), "The list this slice was taken from has been disposed.");
    }

    bool IsDisposed => disposed || (list?.IsDisposed ?? false);

    /// <summary>Returns a list's buffer to the runtime's pool (a slice only stops being usable). Do not use it afterwards.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (buffer is not null) Runtime.Pool.Return(buffer);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GpuIndices ({Length}, {Min}…{Max}{(IsSlice ? ", a slice" : "")}) on {Runtime.Name}";
}
