using ILGPU;
using ILGPU.Runtime;

namespace Tutor.Gpu.Devices;

/// <summary>
/// An opened GPU: the ILGPU context and accelerator, the <see cref="GpuRuntime"/> on it, and what was chosen and why.
/// Disposing it releases the runtime, the accelerator and then the context. <see cref="Tutor.Devices.ComputeDevice.Backend"/> is one of these on a GPU.
/// </summary>
public sealed class GpuDevice : IDisposable
{
    internal GpuDevice(Context context, Accelerator accelerator, DeviceChoice choice)
    {
        Context = context;
        Accelerator = accelerator;
        Choice = choice;
        Runtime = new GpuRuntime(accelerator);
    }

    /// <summary>The tensor runtime on this device: uploads, downloads and <see cref="GpuRuntime.Ops"/>.</summary>
    public GpuRuntime Runtime { get; }

    /// <summary>The ILGPU context the accelerator belongs to.</summary>
    public Context Context { get; }

    /// <summary>The ILGPU accelerator (CUDA, or OpenCL on a GPU).</summary>
    public Accelerator Accelerator { get; }

    /// <summary>The device chosen and the line the user reads.</summary>
    public DeviceChoice Choice { get; }

    /// <summary>Releases the runtime's buffers and kernels, the accelerator, then the context.</summary>
    public void Dispose()
    {
        Runtime.Dispose();
        Accelerator.Dispose();
        Context.Dispose();
    }
}
