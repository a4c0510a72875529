using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime.OpenCL;
using Tutor.Devices;
using Tutor.Gpu.Devices;

[assembly: GpuProvider(typeof(GpuDeviceProvider))]

namespace Tutor.Gpu.Devices;

/// <summary>
/// Finds and opens the GPU for <see cref="ComputeDevice.Select(string)"/>: asks the CUDA driver directly
/// (<see cref="CudaProbe"/>), lists ILGPU's devices (CUDA, OpenCL, CPU), lets <see cref="DeviceChooser"/> pick, and
/// creates the accelerator. Never throws: every failure becomes the reason the user reads.
/// </summary>
public sealed class GpuDeviceProvider : IGpuProvider
{
    /// <inheritdoc/>
    public GpuOffer Open()
    {
        var probe = CudaProbe.Run();
        Context? context = null;
        try
        {
            CudaLibraryResolver.EnsureRegistered();
            context = Context.Create(b => b.Cuda().OpenCL().CPU().EnableAlgorithms());
        }
#pragma warning disable CA1031 // Creating the context must never throw out to the user; the failure becomes the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context?.Dispose();
            return GpuOffer.None(DeviceChooser.Choose(probe, [], $"{e.GetType().Name}: {e.Message}").Reason);
        }

        var devices = context.Devices.ToList();
        var choice = DeviceChooser.Choose(probe, devices.Select(Describe).ToList());
        if (choice.Device is null)
        {
            context.Dispose();
            return GpuOffer.None(choice.Reason);
        }
        Accelerator? accelerator = null;
        try
        {
            accelerator = devices[choice.Device.Index].CreateAccelerator(context);
            return new GpuOffer(new GpuDevice(context, accelerator, choice), choice.Device.Name, choice.Reason);
        }
#pragma warning disable CA1031 // As above: a driver that lists a device but cannot open it becomes the reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            accelerator?.Dispose();
            context.Dispose();
            return GpuOffer.None($"opening {choice.Device.Name} failed ({e.GetType().Name}: {e.Message})");
        }
    }

    /// <summary>How the chooser sees one of ILGPU's devices.</summary>
    internal static DeviceCandidate Describe(Device device, int index) => device switch
    {
        CudaDevice cuda => new(CandidateKind.Cuda, cuda.Name, CudaDetail(cuda), index),
        CLDevice cl => new(cl.DeviceType switch
        {
            CLDeviceType.CL_DEVICE_TYPE_GPU => CandidateKind.OpenClGpu,
            CLDeviceType.CL_DEVICE_TYPE_CPU => CandidateKind.OpenClCpu,
            _ => CandidateKind.OpenClOther,
        }, cl.Name, cl.VendorName, index),
        CPUDevice => new(CandidateKind.IlgpuCpu, device.Name, "", index),
        _ => new(CandidateKind.OpenClOther, device.Name, device.AcceleratorType.ToString(), index),
    };

    static string CudaDetail(CudaDevice cuda)
    {
        var driver = $"driver {cuda.DriverVersion.Major}.{cuda.DriverVersion.Minor}";
        return cuda.Architecture is { } arch ? $"sm_{arch.Major}{arch.Minor}, {driver}" : driver;
    }
}
