namespace Tutor.Devices;

/// <summary>
/// What a GPU backend found when asked for a device: a ready device (<see cref="Backend"/> not null) with its name, or
/// nothing and the reason a user reads (<c>no CUDA device: libcuda not found</c>).
/// </summary>
/// <param name="Backend">The GPU backend's device object (in <c>Tutor.Runtime.Gpu</c>: a <c>GpuDevice</c> holding the
/// ILGPU context, accelerator and <c>GpuRuntime</c>); null when no GPU can be used.</param>
/// <param name="Name">The device's name, e.g. <c>NVIDIA H100 80GB HBM3</c>; empty when there is none.</param>
/// <param name="Reason">One line for the user: what was chosen, or why nothing was
/// (<c>CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0</c>).</param>
public sealed record GpuOffer(IDisposable? Backend, string Name, string Reason)
{
    /// <summary>No GPU, and why.</summary>
    public static GpuOffer None(string reason) => new(null, "", reason);
}
