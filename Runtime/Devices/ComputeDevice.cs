using System.Reflection;

namespace Tutor.Devices;

/// <summary>
/// The one call that chooses where a student's model runs: <c>using var device = ComputeDevice.Select("auto");</c>.
/// <list type="bullet">
/// <item><c>auto</c>: a GPU when one can be used, else the CPU backend, with the reason (<see cref="Reason"/>).</item>
/// <item><c>cpu</c>: the CPU backend.</item>
/// <item><c>gpu</c>: a GPU, or a <see cref="DeviceUnavailableException"/> that names the reason and the fix.</item>
/// </list>
/// On a GPU, <see cref="Backend"/> is the GPU backend's device (<c>Tutor.Gpu.Devices.GpuDevice</c>, whose <c>Runtime</c>
/// is the <c>GpuRuntime</c> to run ops with); <c>Tutor.Runtime.Gpu</c> is found by assembly name, so a program that does
/// not ship it gets the CPU backend with the reason "GPU backend not installed". Dispose the device when done: it
/// releases the GPU context.
/// </summary>
public sealed class ComputeDevice : IDisposable
{
    /// <summary>The assembly that holds the GPU backend; loaded by name when a GPU is asked for.</summary>
    public const string GpuAssemblyName = "Tutor.Runtime.Gpu";

    ComputeDevice(DeviceKind kind, string name, string reason, IDisposable? backend)
    {
        Kind = kind;
        Name = name;
        Reason = reason;
        Backend = backend;
    }

    /// <summary>CPU or GPU.</summary>
    public DeviceKind Kind { get; }

    /// <summary><c>cpu</c>, or the GPU's name (<c>NVIDIA H100 80GB HBM3</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// Why this device was chosen, for the user: <c>CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0</c> or
    /// <c>no CUDA device: libcuda not found; using the CPU backend</c>.
    /// </summary>
    public string Reason { get; }

    /// <summary>The GPU backend's device object on a GPU; null on the CPU.</summary>
    public IDisposable? Backend { get; }

    /// <summary>True on a GPU.</summary>
    public bool IsGpu => Kind == DeviceKind.Gpu;

    /// <summary>The CPU backend, with the reason it was chosen.</summary>
    public static ComputeDevice Cpu(string reason) => new(DeviceKind.Cpu, "cpu", reason, null);

    /// <summary>Chooses the device for <paramref name="request"/> (<c>auto</c>, <c>cpu</c> or <c>gpu</c>, any case).</summary>
    /// <exception cref="DeviceUnavailableException"><c>gpu</c> was asked for and none can be used.</exception>
    /// <exception cref="ArgumentException"><paramref name="request"/> is none of the three.</exception>
    public static ComputeDevice Select(string request = "auto") => Select(request, FindGpuProvider());

    /// <summary>
    /// Chooses the device for <paramref name="request"/> with the given GPU provider (tests pass one that reports a
    /// chosen outcome; <see cref="Select(string)"/> uses <see cref="FindGpuProvider"/>).
    /// </summary>
    /// <exception cref="DeviceUnavailableException"><c>gpu</c> was asked for and none can be used.</exception>
    /// <exception cref="ArgumentException"><paramref name="request"/> is none of <c>auto</c>, <c>cpu</c>, <c>gpu</c>.</exception>
    public static ComputeDevice Select(string request, IGpuProvider provider)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(provider);
        switch (request.Trim().ToLowerInvariant())
        {
            case "cpu":
                return Cpu("the CPU backend was asked for");
            case "auto":
            {
                var offer = Open(provider);
                return offer.Backend is null
                    ? Cpu($"{offer.Reason}; using the CPU backend")
                    : new ComputeDevice(DeviceKind.Gpu, offer.Name, offer.Reason, offer.Backend);
            }
            case "gpu":
            {
                var offer = Open(provider);
                if (offer.Backend is null)
                    throw new DeviceUnavailableException(
                        $"a GPU was asked for, but none can be used: {offer.Reason}. Run on a machine with an NVIDIA GPU " +
                        "and its driver (libcuda.so.1), or use the CPU backend: --device cpu on the command line, " +
                        "ComputeDevice.Select(\"cpu\") in code (\"auto\" falls back by itself).");
                return new ComputeDevice(DeviceKind.Gpu, offer.Name, offer.Reason, offer.Backend);
            }
            default:
                throw new ArgumentException($"unknown device '{request}': use auto, cpu or gpu.", nameof(request));
        }
    }

    /// <summary>
    /// The GPU backend's provider: the <see cref="GpuProviderAttribute"/> of the <c>Tutor.Runtime.Gpu</c> assembly, or,
    /// when that assembly is absent or unusable, a provider that reports "GPU backend not installed" and why.
    /// </summary>
    public static IGpuProvider FindGpuProvider()
    {
        Assembly assembly;
        try
        {
            assembly = Assembly.Load(new AssemblyName(GpuAssemblyName));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return new Unavailable($"GPU backend not installed ({GpuAssemblyName}.dll is not part of this program; " +
                                   "reference the Tutor.Runtime.Gpu project or package to use a GPU)");
        }
        var attribute = assembly.GetCustomAttribute<GpuProviderAttribute>();
        if (attribute is null || !typeof(IGpuProvider).IsAssignableFrom(attribute.ProviderType))
            return new Unavailable($"GPU backend not installed ({GpuAssemblyName} names no IGpuProvider; it is older or newer than Tutor.Runtime)");
        try
        {
            return (IGpuProvider)Activator.CreateInstance(attribute.ProviderType)!;
        }
#pragma warning disable CA1031 // Choosing a device must never throw out to the user; the failure becomes the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Unavailable($"GPU backend could not start ({e.GetType().Name}: {e.Message})");
        }
    }

    static GpuOffer Open(IGpuProvider provider)
    {
        try
        {
            return provider.Open();
        }
#pragma warning disable CA1031 // A provider must not throw, but if one does the user still gets the CPU and the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return GpuOffer.None($"the GPU backend failed while looking for a device ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>Releases the GPU backend's device (nothing on the CPU).</summary>
    public void Dispose() => Backend?.Dispose();

    /// <summary><c>cpu (reason)</c> or <c>gpu (reason)</c>.</summary>
    public override string ToString() => $"{(IsGpu ? "gpu" : "cpu")} ({Reason})";

    /// <summary>The provider used when the GPU backend is absent: it always reports why.</summary>
    sealed class Unavailable(string reason) : IGpuProvider
    {
        public GpuOffer Open() => GpuOffer.None(reason);
    }
}
