using Tutor.Devices;

namespace Tutor.Gpu.Devices;

/// <summary>The GPU side of a <see cref="ComputeDevice"/>, for code that references the GPU backend.</summary>
public static class ComputeDeviceExtensions
{
    /// <summary>
    /// The <see cref="GpuRuntime"/> of a device chosen by <see cref="ComputeDevice.Select(string)"/>, or null on the CPU:
    /// <c>if (device.GpuRuntime() is { } gpu) { var y = gpu.Ops.MatMul(a, b); }</c>.
    /// </summary>
    public static GpuRuntime? GpuRuntime(this ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return (device.Backend as GpuDevice)?.Runtime;
    }
}
