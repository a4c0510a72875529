namespace Tutor.Gpu.Devices;

/// <summary>What kind of device ILGPU offers.</summary>
public enum CandidateKind
{
    /// <summary>An NVIDIA GPU through the CUDA driver.</summary>
    Cuda,
    /// <summary>An OpenCL device that reports itself as a GPU.</summary>
    OpenClGpu,
    /// <summary>An OpenCL device that runs on the CPU (pocl, Intel's CPU runtime): not used, the CPU backend is faster.</summary>
    OpenClCpu,
    /// <summary>Another OpenCL device type (accelerator, custom): not used.</summary>
    OpenClOther,
    /// <summary>ILGPU's CPU accelerator (one OS thread per simulated GPU thread): for tests only, never for speed.</summary>
    IlgpuCpu,
}

/// <summary>One device ILGPU offers, as the chooser sees it (tests build these by hand).</summary>
/// <param name="Kind">CUDA, OpenCL GPU, ...</param>
/// <param name="Name">The device's name, e.g. <c>NVIDIA H100 80GB HBM3</c>.</param>
/// <param name="Detail">For CUDA: <c>sm_90, driver 13.0</c>; for OpenCL: the vendor; else empty.</param>
/// <param name="Index">Its position in ILGPU's device list.</param>
public sealed record DeviceCandidate(CandidateKind Kind, string Name, string Detail, int Index);

/// <summary>The chooser's answer: the device to open (null: none), and the line the user reads.</summary>
/// <param name="Device">The chosen device, or null when the CPU backend must be used.</param>
/// <param name="Reason"><c>CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0</c>, or why there is no GPU.</param>
public sealed record DeviceChoice(DeviceCandidate? Device, string Reason);
