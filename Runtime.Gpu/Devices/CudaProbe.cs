using System.Globalization;
using System.Runtime.InteropServices;

namespace Tutor.Gpu.Devices;

/// <summary>
/// What the CUDA driver says, asked directly (not through ILGPU, which hides why it found no device): whether
/// <c>libcuda</c> loads, what <c>cuInit</c> returns, how many devices and which driver version. Tests build these by
/// hand to check the messages without a GPU.
/// </summary>
/// <param name="LibraryFound">Whether <c>libcuda.so</c> or <c>libcuda.so.1</c> could be loaded.</param>
/// <param name="InitResult">The <c>CUresult</c> of <c>cuInit(0)</c> (0 = success); meaningless without the library.</param>
/// <param name="InitResultName">The driver's name for <see cref="InitResult"/> (<c>CUDA_ERROR_NO_DEVICE</c>), or null.</param>
/// <param name="DeviceCount">What <c>cuDeviceGetCount</c> reports after a successful <c>cuInit</c>.</param>
/// <param name="DriverVersion">What <c>cuDriverGetVersion</c> reports, e.g. 13000 for 13.0; 0 when unknown.</param>
public sealed record CudaProbe(bool LibraryFound, int InitResult, string? InitResultName, int DeviceCount, int DriverVersion)
{
    /// <summary>The probe of a machine without the CUDA driver.</summary>
    public static CudaProbe NoLibrary { get; } = new(false, 0, null, 0, 0);

    /// <summary>The driver version as the user knows it (<c>13.0</c>).</summary>
    public string DriverVersionText =>
        string.Create(CultureInfo.InvariantCulture, $"{DriverVersion / 1000}.{DriverVersion % 1000 / 10}");

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int CuInit(uint flags);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int CuGetInt(out int value);
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)] delegate int CuGetErrorName(int result, out IntPtr name);

    /// <summary>Asks the driver of this machine. Never throws; a missing library or symbol is reported in the result.</summary>
    public static CudaProbe Run()
    {
        CudaLibraryResolver.EnsureRegistered();
        if (!NativeLibrary.TryLoad("libcuda.so", out var library) && !NativeLibrary.TryLoad("libcuda.so.1", out library))
            return NoLibrary;
        try
        {
            if (!NativeLibrary.TryGetExport(library, "cuInit", out var init)) return new(true, -1, "no cuInit in libcuda", 0, 0);
            int result = Marshal.GetDelegateForFunctionPointer<CuInit>(init)(0);
            string? name = null;
            if (NativeLibrary.TryGetExport(library, "cuGetErrorName", out var errorName)
                && Marshal.GetDelegateForFunctionPointer<CuGetErrorName>(errorName)(result, out var text) == 0 && text != IntPtr.Zero)
                name = Marshal.PtrToStringAnsi(text);
            int version = 0, count = 0;
            if (NativeLibrary.TryGetExport(library, "cuDriverGetVersion", out var getVersion))
                _ = Marshal.GetDelegateForFunctionPointer<CuGetInt>(getVersion)(out version);
            if (result == 0 && NativeLibrary.TryGetExport(library, "cuDeviceGetCount", out var getCount))
                _ = Marshal.GetDelegateForFunctionPointer<CuGetInt>(getCount)(out count);
            return new(true, result, name, count, version);
        }
#pragma warning disable CA1031 // The probe must never throw out to the user; a failure is reported as a failed cuInit.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new(true, -1, $"{e.GetType().Name}: {e.Message}", 0, 0);
        }
    }
}
