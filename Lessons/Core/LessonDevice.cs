using Tutor.Devices;
using Tutor.Gpu;
using Tutor.Gpu.Devices;

namespace Tutor.Lessons;

/// <summary>
/// The device a lesson runs on, with the reason it was chosen (printed by <c>tutor run</c>, recorded in reports).
/// <see cref="Name"/> is <c>cpu</c> or <c>gpu</c>; on a GPU, <see cref="Gpu"/> is the opened device.
/// </summary>
public sealed record LessonDevice(string Name, string Reason)
{
    /// <summary>The CPU backend.</summary>
    public static LessonDevice Cpu(string reason) => new("cpu", reason);

    /// <summary>The opened GPU (ILGPU context, accelerator and runtime) when <see cref="Name"/> is <c>gpu</c>; else null.</summary>
    public GpuDevice? Gpu { get; init; }

    /// <summary>The GPU tensor runtime the lessons' GPU paths train on; null on the CPU.</summary>
    public GpuRuntime? Runtime { get; init; }

    /// <summary>
    /// Tests only: a "GPU" that is ILGPU's CPU simulator (<see cref="GpuRuntime.CreateCpuSimulator"/>), so the lessons'
    /// GPU paths run on a machine without one. The command line never uses it: <c>--device gpu</c> needs a real GPU.
    /// </summary>
    internal static LessonDevice Simulated(GpuRuntime simulator) =>
        new("gpu", "ILGPU's CPU simulator (tests only)") { Runtime = simulator };

    /// <summary>True when the lesson's models should run on the GPU.</summary>
    public bool IsGpu => Name == "gpu";

    /// <summary>What a report's header says about the device: <paramref name="cpu"/> on the CPU, <c>GPU (reason)</c> on a GPU.</summary>
    public string ReportLabel(string cpu) => IsGpu ? $"GPU ({Reason})" : cpu;

    /// <summary>
    /// Chooses the device for <c>--device auto|cpu|gpu</c> through <see cref="ComputeDevice.Select(string)"/>:
    /// <c>auto</c> takes a GPU when there is one, else the CPU with the reason; <c>gpu</c> without one is refused with
    /// the reason and the fix.
    /// </summary>
    /// <returns>The device, or null with <paramref name="error"/> set when the request cannot be met.</returns>
    public static LessonDevice? Select(string request, out string? error) =>
        Select(request, ComputeDevice.FindGpuProvider(), out error);

    /// <summary><see cref="Select(string, out string?)"/> with a given GPU provider (tests pass one that reports a chosen outcome).</summary>
    internal static LessonDevice? Select(string request, IGpuProvider provider, out string? error)
    {
        error = null;
        try
        {
            var device = ComputeDevice.Select(request, provider);
            return device.IsGpu
                ? new LessonDevice("gpu", device.Reason) { Gpu = device.Backend as GpuDevice, Runtime = (device.Backend as GpuDevice)?.Runtime }
                : Cpu(request.Trim().Equals("cpu", StringComparison.OrdinalIgnoreCase)
                    ? "the CPU backend was asked for (--device cpu)"
                    : device.Reason);
        }
        catch (DeviceUnavailableException e)
        {
            error = $"--device {request}: {e.Message}";
            return null;
        }
        catch (ArgumentException)
        {
            error = $"--device {request}: unknown device; use auto, cpu or gpu.";
            return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Reason})";
}
