using ILGPU;
using ILGPU.Runtime;

namespace Tutor.Gpu;

/// <summary>
/// Device buffers kept for reuse, by element type and exact length. A training loop asks for the same shapes every
/// step, so after the first step every <see cref="Rent{T}"/> is served from the pool and no device memory is
/// allocated. Returning a buffer is safe while a kernel that uses it is still queued: every kernel and copy of a
/// <see cref="GpuRuntime"/> runs in order on one stream, so the buffer's next user runs after its last one.
/// </summary>
public sealed class BufferPool : IDisposable
{
    readonly Accelerator accelerator;
    readonly Dictionary<(Type, long), Stack<MemoryBuffer>> free = new();
    readonly object gate = new();
    bool disposed;

    internal BufferPool(Accelerator accelerator) => this.accelerator = accelerator;

    /// <summary>Device allocations made so far (a pool that serves a training loop stops counting after step one).</summary>
    public long Allocations { get; private set; }

    /// <summary>Buffers handed out so far, from the pool or newly allocated.</summary>
    public long Rents { get; private set; }

    /// <summary>Buffers waiting in the pool.</summary>
    public int Pooled
    {
        get { lock (gate) return free.Values.Sum(s => s.Count); }
    }

    /// <summary>Bytes of device memory held by pooled (not rented) buffers.</summary>
    public long PooledBytes
    {
        get { lock (gate) return free.Values.SelectMany(s => s).Sum(b => b.LengthInBytes); }
    }

    /// <summary>A buffer of exactly <paramref name="length"/> elements, reused when one is free. Its contents are undefined.</summary>
    public MemoryBuffer1D<T, Stride1D.Dense> Rent<T>(long length) where T : unmanaged
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            Rents++;
            if (free.TryGetValue((typeof(T), length), out var stack) && stack.Count > 0)
                return (MemoryBuffer1D<T, Stride1D.Dense>)stack.Pop();
            Allocations++;
        }
        return accelerator.Allocate1D<T>(length);
    }

    /// <summary>Gives <paramref name="buffer"/> back for reuse; the caller must not touch it again.</summary>
    public void Return<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged
    {
        lock (gate)
        {
            if (disposed) { buffer.Dispose(); return; }
            var key = (typeof(T), buffer.Length);
            if (!free.TryGetValue(key, out var stack)) free[key] = stack = new Stack<MemoryBuffer>();
            stack.Push(buffer);
        }
    }

    /// <summary>Frees every pooled buffer (rented ones stay valid). Call between phases that use different shapes.</summary>
    public void Trim()
    {
        lock (gate)
        {
            foreach (var stack in free.Values)
                while (stack.Count > 0) stack.Pop().Dispose();
            free.Clear();
        }
    }

    /// <summary>Frees the pooled buffers; buffers returned later are freed at once.</summary>
    public void Dispose()
    {
        Trim();
        lock (gate) disposed = true;
    }
}
