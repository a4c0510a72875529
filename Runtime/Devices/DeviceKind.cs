namespace Tutor.Devices;

/// <summary>Where a model's tensors live and its ops run.</summary>
public enum DeviceKind
{
    /// <summary>The CPU backend: plain C# with SIMD (<c>Tutor.Tensors.Ops</c>).</summary>
    Cpu,

    /// <summary>A GPU through the ILGPU backend (<c>Tutor.Runtime.Gpu</c>): CUDA, or OpenCL on a real GPU.</summary>
    Gpu,
}
