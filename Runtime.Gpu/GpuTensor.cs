using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Tensors;

namespace Tutor.Gpu;

/// <summary>
/// A scalar, vector or matrix whose elements live in device memory, row-major and contiguous: the device twin of
/// <see cref="Tensor{T}"/>. There is no element access from the host on purpose: a read is a copy across the bus,
/// so it is spelled out as <see cref="GpuRuntime.Download{T}(GpuTensor{T})"/> or
/// <see cref="GpuRuntime.ReadScalar{T}(GpuTensor{T})"/>.
/// <para>
/// Lifetime: a tensor that an op or <see cref="GpuRuntime"/> returns is yours. <see cref="Dispose"/> gives its device
/// buffer back to the runtime's <see cref="BufferPool"/> for the next op of the same length; after that the tensor
/// (and every view of it) must not be used. A tensor you never dispose is simply not reused. Views
/// (<see cref="GpuOps.SliceRows{T}(GpuTensor{T}, int, int)"/>, <see cref="Reshape"/>) share their parent's buffer and
/// own nothing: disposing a view does nothing to the parent.
/// </para>
/// </summary>
/// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class GpuTensor<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly MemoryBuffer1D<T, Stride1D.Dense> buffer;
    readonly GpuTensor<T>? parent;
    bool disposed;

    internal GpuTensor(GpuRuntime runtime, TensorShape shape, MemoryBuffer1D<T, Stride1D.Dense> buffer, long offset, GpuTensor<T>? parent)
    {
        Runtime = runtime;
        Shape = shape;
        this.buffer = buffer;
        Offset = offset;
        this.parent = parent;
    }

    /// <summary>The runtime (device) that holds the elements.</summary>
    public GpuRuntime Runtime { get; }

    /// <summary>The tensor's shape.</summary>
    public TensorShape Shape { get; }

    /// <summary>0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank => Shape.Rank;

    /// <summary>Rows of a matrix; the length of a vector; 1 for a scalar.</summary>
    public int Rows => Shape.Rows;

    /// <summary>Columns of a matrix; 1 for a vector or a scalar.</summary>
    public int Columns => Shape.Columns;

    /// <summary>The number of elements.</summary>
    public int Length => Shape.Length;

    /// <summary>True for a view (a slice or reshape) that shares another tensor's storage.</summary>
    public bool IsView => parent is not null;

    internal long Offset { get; }

    internal MemoryBuffer1D<T, Stride1D.Dense> Buffer => buffer;

    /// <summary>The elements as a device view, for kernels.</summary>
    internal ArrayView<T> View
    {
        get
        {
            ThrowIfDisposed();
            return buffer.View.SubView(Offset, Length);
        }
    }

    /// <summary>A view of the same elements with another shape of the same length (no copy).</summary>
    public GpuTensor<T> Reshape(TensorShape shape)
    {
        ThrowIfDisposed();
        return shape.Length == Length
            ? new GpuTensor<T>(Runtime, shape, buffer, Offset, Root)
            : throw new ArgumentException($"Reshape: cannot view {Shape} ({Length} elements) as {shape} ({shape.Length} elements).");
    }

    internal GpuTensor<T> Root => parent ?? this;

    /// <summary>True when both tensors share device storage (a view and its parent, or one tensor twice).</summary>
    internal bool Overlaps(GpuTensor<T> other) =>
        ReferenceEquals(buffer, other.buffer) && Offset < other.Offset + other.Length && other.Offset < Offset + Length;

    internal void ThrowIfDisposed()
    {
        if (disposed || (parent is not null && parent.disposed))
            throw new ObjectDisposedException(nameof(GpuTensor<T>),
                $"This {Shape} tensor{(parent is null ? "" : " view")} was disposed: its device buffer went back to the pool and may hold another tensor now.");
    }

    /// <summary>Returns the device buffer to the runtime's pool (a view: nothing to return). Do not use the tensor afterwards.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (parent is null) Runtime.Pool.Return(buffer);
    }

    /// <summary>Says where the tensor lives; its elements need an explicit download.</summary>
    public override string ToString() =>
        $"GpuTensor<{typeof(T).Name}> {Shape} on {Runtime.Name}{(disposed ? " (disposed)" : "")} — device memory; Download it to read the elements";
}
