using System.Globalization;

namespace Tutor.Gpu.Devices;

/// <summary>
/// Picks the GPU from what the driver and ILGPU report, and says why in one line. A pure function of its inputs, so
/// every message is tested without a GPU. CUDA comes first; OpenCL only when it is a real GPU; ILGPU's CPU accelerator
/// and CPU OpenCL runtimes never (the CPU backend is faster than either).
/// </summary>
public static class DeviceChooser
{
    /// <summary>Chooses among <paramref name="candidates"/>.</summary>
    /// <param name="probe">What the CUDA driver said (<see cref="CudaProbe.Run"/>).</param>
    /// <param name="candidates">The devices ILGPU's context lists, in its order.</param>
    /// <param name="contextError">Why creating the ILGPU context failed, if it did (then there are no candidates).</param>
    public static DeviceChoice Choose(CudaProbe probe, IReadOnlyList<DeviceCandidate> candidates, string? contextError = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(candidates);
        var cuda = candidates.FirstOrDefault(c => c.Kind == CandidateKind.Cuda);
        if (cuda is not null)
            return new(cuda, cuda.Detail.Length == 0 ? $"CUDA: {cuda.Name}" : $"CUDA: {cuda.Name}, {cuda.Detail}");

        var noCuda = $"no CUDA device: {WhyNoCuda(probe, contextError)}";
        var openClGpu = candidates.FirstOrDefault(c => c.Kind == CandidateKind.OpenClGpu);
        if (openClGpu is not null)
            return new(openClGpu, $"OpenCL GPU: {openClGpu.Name}{(openClGpu.Detail.Length == 0 ? "" : $" ({openClGpu.Detail})")} ({noCuda})");

        var openClCpus = candidates.Where(c => c.Kind == CandidateKind.OpenClCpu).Select(c => c.Name).ToList();
        if (openClCpus.Count > 0)
            return new(null, $"{noCuda}; OpenCL offers only CPU devices ({string.Join(", ", openClCpus)}), which the CPU backend outruns");
        return new(null, noCuda);
    }

    static string WhyNoCuda(CudaProbe probe, string? contextError)
    {
        if (!probe.LibraryFound) return "libcuda not found";
        if (probe.InitResult != 0)
            return string.Create(CultureInfo.InvariantCulture,
                $"cuInit failed with {probe.InitResultName ?? "CUresult"} ({probe.InitResult})");
        if (probe.DeviceCount == 0) return $"the NVIDIA driver {probe.DriverVersionText} reports no device";
        if (contextError is not null) return $"ILGPU could not start ({contextError})";
        return string.Create(CultureInfo.InvariantCulture,
            $"the NVIDIA driver {probe.DriverVersionText} reports {probe.DeviceCount} device(s), but ILGPU offers none it can use");
    }
}
