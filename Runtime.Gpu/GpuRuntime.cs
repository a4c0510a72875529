using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using Tutor.Tensors;

namespace Tutor.Gpu;

/// <summary>
/// One device for tensors: uploads and downloads (explicit, visible copies), a <see cref="BufferPool"/> so that a
/// training loop allocates no device memory after its first step, the compiled kernels (each compiled on first use,
/// once per op and element type, then cached) and <see cref="Ops"/>, the tensor ops on the device.
/// <para>
/// Everything runs in order on the accelerator's default stream and nothing waits for the device except a
/// download, <see cref="ReadScalar{T}"/>, <see cref="Synchronize"/> and an upload (ILGPU's host-to-device copy waits
/// for the stream before it returns). Not thread-safe: one thread drives one runtime.
/// </para>
/// </summary>
public sealed partial class GpuRuntime : IDisposable
{
    readonly Context? ownedContext;
    readonly ConcurrentDictionary<KernelKey, Delegate> kernels = new();
    readonly Dictionary<Type, object> ones = new();
    bool disposed;

    /// <summary>
    /// A runtime on <paramref name="accelerator"/>, which the caller keeps owning (dispose it, and its
    /// <see cref="Context"/>, after this runtime). The context must have been built with <c>EnableAlgorithms()</c>:
    /// the kernels use ILGPU.Algorithms' XMath for exp, log and tanh on the device.
    /// </summary>
    public GpuRuntime(Accelerator accelerator, GpuKernelOptions? options = null)
        : this(accelerator, options, null) { }

    GpuRuntime(Accelerator accelerator, GpuKernelOptions? options, Context? ownedContext)
    {
        Accelerator = accelerator;
        Options = options ?? GpuKernelOptions.For(accelerator);
        Options.Validate(accelerator);
        this.ownedContext = ownedContext;
        Pool = new BufferPool(accelerator);
        Ops = new GpuOps(this);
    }

    /// <summary>
    /// A runtime on ILGPU's CPU accelerator (groups of at most 16 threads, each an OS thread): slow, but it runs the
    /// same kernels as a GPU, so tests can check every kernel on a machine without one. Owns its context.
    /// </summary>
    public static GpuRuntime CreateCpuSimulator(GpuKernelOptions? options = null)
    {
        var context = Context.Create(b => b.CPU(CPUDeviceKind.Default).EnableAlgorithms());
        try
        {
            var accelerator = context.CreateCPUAccelerator(0, CPUAcceleratorMode.Parallel);
            return new GpuRuntime(accelerator, options ?? GpuKernelOptions.CpuSimulator, context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The ILGPU accelerator the kernels run on.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>The device's name, as ILGPU reports it.</summary>
    public string Name => Accelerator.Name;

    /// <summary>Group and tile sizes of the kernels.</summary>
    public GpuKernelOptions Options { get; }

    /// <summary>Threads a matrix product's launch aims for (<see cref="GpuKernelOptions.MatMulTargetThreads"/>, or 384 per multiprocessor).</summary>
    public long MatMulTargetThreads => Options.MatMulTargetThreads > 0
        ? Options.MatMulTargetThreads
        : 384L * Math.Max(1, Accelerator.NumMultiprocessors);

    /// <summary>The device buffers kept for reuse.</summary>
    public BufferPool Pool { get; }

    /// <summary>The tensor ops on this device: the same names, operands and meaning as <see cref="Tutor.Tensors.Ops"/>.</summary>
    public GpuOps Ops { get; }

    /// <summary>Kernels compiled so far (each op and element type compiles once, on first use).</summary>
    public int CompiledKernels => kernels.Count;

    internal AcceleratorStream Stream => Accelerator.DefaultStream;

    // ---- tensors ------------------------------------------------------------------------------------------

    /// <summary>A new device tensor with <paramref name="host"/>'s shape and elements (a host-to-device copy).</summary>
    public GpuTensor<T> Upload<T>(Tensor<T> host) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Uninitialized<T>(host.Shape);
        t.View.CopyFromCPU(Stream, host.AsReadOnlySpan());
        return t;
    }

    /// <summary>Copies <paramref name="host"/> into the existing device tensor <paramref name="destination"/> (same shape).</summary>
    public void Upload<T>(Tensor<T> host, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame("Upload", host.Shape, destination.Shape);
        destination.View.CopyFromCPU(Stream, host.AsReadOnlySpan());
    }

    /// <summary>A new host tensor with the device tensor's elements (waits for the device, then copies).</summary>
    public Tensor<T> Download<T>(GpuTensor<T> device) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var host = Tensor<T>.Zeros(device.Shape);
        Download(device, host);
        return host;
    }

    /// <summary>Copies the device tensor into <paramref name="destination"/> (same shape; waits for the device).</summary>
    public void Download<T>(GpuTensor<T> device, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame("Download", device.Shape, destination.Shape);
        device.View.CopyToCPU(Stream, destination.AsSpan());
        Stream.Synchronize();
    }

    /// <summary>The only element of a one-element tensor (a loss, a sum): a device-to-host copy that waits for the device.</summary>
    public T ReadScalar<T>(GpuTensor<T> scalar) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (scalar.Length != 1)
            throw new InvalidOperationException($"ReadScalar: a tensor of shape {scalar.Shape} has {scalar.Length} elements, not one.");
        Span<T> one = stackalloc T[1];
        scalar.View.CopyToCPU(Stream, one);
        Stream.Synchronize();
        return one[0];
    }

    /// <summary>A device tensor of zeros.</summary>
    public GpuTensor<T> Zeros<T>(TensorShape shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Uninitialized<T>(shape);
        t.View.MemSetToZero(Stream);
        return t;
    }

    /// <summary>A <paramref name="rows"/>×<paramref name="columns"/> device matrix of zeros.</summary>
    public GpuTensor<T> Zeros<T>(int rows, int columns) where T : unmanaged, IFloatingPointIeee754<T> => Zeros<T>(TensorShape.Matrix(rows, columns));

    /// <summary>A device vector of <paramref name="length"/> zeros.</summary>
    public GpuTensor<T> Zeros<T>(int length) where T : unmanaged, IFloatingPointIeee754<T> => Zeros<T>(TensorShape.Vector(length));

    /// <summary>Zeros with the shape of <paramref name="like"/>: the starting value of an adjoint.</summary>
    public GpuTensor<T> ZerosLike<T>(GpuTensor<T> like) where T : unmanaged, IFloatingPointIeee754<T> => Zeros<T>(like.Shape);

    /// <summary>A device tensor with every element <paramref name="value"/>.</summary>
    public GpuTensor<T> Full<T>(TensorShape shape, T value) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Uninitialized<T>(shape);
        Ops.Fill(t, value);
        return t;
    }

    /// <summary>Sets every element of <paramref name="tensor"/> to zero (reset a gradient before accumulating into it).</summary>
    public void Clear<T>(GpuTensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Own(tensor, nameof(Clear));
        tensor.View.MemSetToZero(Stream);
    }

    /// <summary>Sets every element of <paramref name="tensor"/> to <paramref name="value"/>.</summary>
    public void Fill<T>(GpuTensor<T> tensor, T value) where T : unmanaged, IFloatingPointIeee754<T> => Ops.Fill(tensor, value);

    /// <summary>A device scalar.</summary>
    public GpuTensor<T> Scalar<T>(T value) where T : unmanaged, IFloatingPointIeee754<T> => Full(TensorShape.Scalar, value);

    /// <summary>A device copy of <paramref name="source"/> with its own storage.</summary>
    public GpuTensor<T> Clone<T>(GpuTensor<T> source) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var t = Uninitialized<T>(source.Shape);
        Copy(source, t);
        return t;
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/> on the device (same shape).</summary>
    public void Copy<T>(GpuTensor<T> source, GpuTensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireSame("Copy", source.Shape, destination.Shape);
        source.View.CopyTo(Stream, destination.View);
    }

    /// <summary>Waits until every queued kernel and copy has finished.</summary>
    public void Synchronize() => Stream.Synchronize();

    /// <summary>A pooled tensor whose elements are undefined until an op writes them.</summary>
    internal GpuTensor<T> Uninitialized<T>(TensorShape shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Shapes.RequireNonEmpty("GpuTensor", shape);
        return new GpuTensor<T>(this, shape, Pool.Rent<T>(shape.Length), 0, null);
    }

    /// <summary>Throws unless <paramref name="tensor"/> lives on this runtime.</summary>
    internal void Own<T>(GpuTensor<T> tensor, string op) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!ReferenceEquals(tensor.Runtime, this))
            throw new ArgumentException($"{op}: a tensor on '{tensor.Runtime.Name}' was passed to an op on '{Name}'; copy it across first.");
    }

    // ---- kernels ------------------------------------------------------------------------------------------

    /// <summary>
    /// The launcher of the kernel <paramref name="key"/> names, compiled on first use from the closed generic kernel
    /// method that <paramref name="method"/> makes of the key, then cached for the life of the runtime.
    /// </summary>
    internal TDelegate Kernel<TDelegate>(KernelKey key, Func<KernelKey, MethodInfo> method) where TDelegate : Delegate
    {
        if (kernels.TryGetValue(key, out var cached)) return (TDelegate)cached;
        ObjectDisposedException.ThrowIf(disposed, this);
        var launcher = Accelerator.LoadKernel<TDelegate>(method(key));
        kernels[key] = launcher;
        return launcher;
    }

    /// <summary>A one-element int view for kernels whose labels argument is unused.</summary>
    internal ArrayView<int> NoLabels => (noLabels ??= Accelerator.Allocate1D<int>(1)).View;

    MemoryBuffer1D<int, Stride1D.Dense>? noLabels;

    /// <summary>A device scalar 1 of type <typeparamref name="T"/>, kept for the life of the runtime (the ȳ of ops that need none).</summary>
    internal GpuTensor<T> One<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ones.TryGetValue(typeof(T), out var one)) return (GpuTensor<T>)one;
        var t = new GpuTensor<T>(this, TensorShape.Scalar, Accelerator.Allocate1D<T>(1), 0, null);
        t.View.CopyFromCPU(Stream, new[] { T.One }.AsSpan());
        ones[typeof(T)] = t;
        return t;
    }

    /// <summary>A grid-stride launch for <paramref name="n"/> elements: groups of <see cref="GpuKernelOptions.GroupSize"/>.</summary>
    internal KernelConfig Elementwise(long n)
    {
        long groups = Math.Clamp((n + Options.GroupSize - 1) / Options.GroupSize, 1, Options.MaxGroups);
        return new KernelConfig((int)groups, Options.GroupSize);
    }

    /// <summary>One group per item (a row, a partial sum), at most <see cref="GpuKernelOptions.MaxGroups"/>, with shared memory for a tree.</summary>
    internal KernelConfig PerGroup(long items) => new((int)Math.Clamp(items, 1, Options.MaxGroups), Options.GroupSize);

    /// <summary>Frees the pooled buffers, the compiled kernels, and the accelerator and context if this runtime created them.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        Ops.Release();
        Pool.Dispose();
        kernels.Clear();
        foreach (var one in ones.Values) ((IDisposable)one).Dispose(); // the pool is closed: their buffers are freed
        ones.Clear();
        noLabels?.Dispose();
        if (ownedContext is not null)
        {
            Accelerator.Dispose();
            ownedContext.Dispose();
        }
    }

    /// <summary>The device's name and kind.</summary>
    public override string ToString() => $"GpuRuntime on {Name} ({Accelerator.AcceleratorType})";
}

/// <summary>Names a compiled kernel: the kernel's class and method, the functor (or mode family) plugged into it, and the element type.</summary>
internal readonly record struct KernelKey(Type Kernel, string Method, Type Functor, Type Rule, Type Element);
