namespace Tutor.Gpu;

/// <summary>
/// The ILGPU backend lives here (issue "The ILGPU backend"). It is empty until the tensor runtime exists.
/// </summary>
public static class GpuBackend
{
    /// <summary>Whether this build contains GPU kernels yet.</summary>
    public static bool IsAvailable => false;
}
