using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Tutor.Gpu.Devices;

/// <summary>
/// Maps the CUDA driver's unversioned name to the versioned file. ILGPU imports <c>cuda</c>, which .NET looks up as
/// <c>libcuda.so</c>; a machine with only the driver (no toolkit, no <c>-dev</c> package) has just <c>libcuda.so.1</c>,
/// and ILGPU would then silently offer no CUDA device. The same holds for OpenCL's ICD loader (<c>libOpenCL.so.1</c>).
/// </summary>
/// <remarks>
/// A <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> handler runs only after .NET's own search failed, so it
/// never shadows a library that is found normally, and it does not collide with the resolver ILGPU itself sets on
/// its assembly under WSL (<see cref="NativeLibrary.SetDllImportResolver"/> may be called once per assembly).
/// </remarks>
public static class CudaLibraryResolver
{
    static int registered;

    /// <summary>The versioned file names tried for each name ILGPU imports, in order.</summary>
    public static IReadOnlyDictionary<string, string[]> VersionedNames { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cuda"] = ["libcuda.so.1"],
        ["libcuda"] = ["libcuda.so.1"],
        ["libcuda.so"] = ["libcuda.so.1"],
        ["OpenCL"] = ["libOpenCL.so.1"],
        ["libOpenCL"] = ["libOpenCL.so.1"],
        ["libOpenCL.so"] = ["libOpenCL.so.1"],
    };

    /// <summary>Registers the mapping once per process (later calls do nothing); call before the first <c>Context.Create</c>.</summary>
    public static void EnsureRegistered()
    {
        if (!OperatingSystem.IsLinux() || Interlocked.Exchange(ref registered, 1) == 1) return;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
    }

    static IntPtr Resolve(System.Reflection.Assembly assembly, string name)
    {
        if (!VersionedNames.TryGetValue(name, out var candidates)) return IntPtr.Zero;
        foreach (var candidate in candidates)
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        return IntPtr.Zero;
    }
}
