using Tutor.Devices;
using Tutor.Gpu.Devices;

namespace Tutor.Lessons.Tests;

/// <summary>
/// Device discovery's messages, from injected driver and ILGPU results (no GPU needed), and the real discovery on
/// whatever machine runs the tests (it must answer, never throw).
/// </summary>
public sealed class DeviceSelectionTests
{
    static readonly CudaProbe H100Driver = new(true, 0, "CUDA_SUCCESS", 1, 13000);
    static readonly DeviceCandidate H100 = new(CandidateKind.Cuda, "NVIDIA H100 80GB HBM3", "sm_90, driver 13.0", 0);
    static readonly DeviceCandidate IlgpuCpu = new(CandidateKind.IlgpuCpu, "CPUAccelerator", "", 1);

    [Fact]
    public void Cuda_is_chosen_first_and_named_with_architecture_and_driver()
    {
        var openCl = new DeviceCandidate(CandidateKind.OpenClGpu, "gfx1100", "AMD", 0);
        var choice = DeviceChooser.Choose(H100Driver, [openCl, IlgpuCpu, H100 with { Index = 2 }]);
        Assert.Equal(2, choice.Device!.Index);
        Assert.Equal("CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0", choice.Reason);
    }

    [Fact]
    public void Without_libcuda_the_reason_says_so()
    {
        var choice = DeviceChooser.Choose(CudaProbe.NoLibrary, [IlgpuCpu]);
        Assert.Null(choice.Device);
        Assert.Equal("no CUDA device: libcuda not found", choice.Reason);
    }

    [Fact]
    public void A_failed_cuInit_is_named_with_the_drivers_error()
    {
        var choice = DeviceChooser.Choose(new CudaProbe(true, 100, "CUDA_ERROR_NO_DEVICE", 0, 12040), [IlgpuCpu]);
        Assert.Null(choice.Device);
        Assert.Equal("no CUDA device: cuInit failed with CUDA_ERROR_NO_DEVICE (100)", choice.Reason);
    }

    [Fact]
    public void A_driver_with_no_device_is_named_with_its_version()
    {
        var choice = DeviceChooser.Choose(new CudaProbe(true, 0, "CUDA_SUCCESS", 0, 12040), []);
        Assert.Equal("no CUDA device: the NVIDIA driver 12.4 reports no device", choice.Reason);
    }

    [Fact]
    public void A_device_the_driver_sees_but_ILGPU_does_not_is_reported_as_such()
    {
        var choice = DeviceChooser.Choose(H100Driver, [IlgpuCpu]);
        Assert.Null(choice.Device);
        Assert.Equal("no CUDA device: the NVIDIA driver 13.0 reports 1 device(s), but ILGPU offers none it can use", choice.Reason);
        var failed = DeviceChooser.Choose(H100Driver, [], "DllNotFoundException: boom");
        Assert.Equal("no CUDA device: ILGPU could not start (DllNotFoundException: boom)", failed.Reason);
    }

    [Fact]
    public void Cpu_opencl_and_ILGPUs_cpu_accelerator_are_never_chosen()
    {
        var pocl = new DeviceCandidate(CandidateKind.OpenClCpu, "pthread-AMD EPYC", "Portable Computing Language", 0);
        var choice = DeviceChooser.Choose(CudaProbe.NoLibrary, [pocl, IlgpuCpu]);
        Assert.Null(choice.Device);
        Assert.Equal("no CUDA device: libcuda not found; OpenCL offers only CPU devices (pthread-AMD EPYC), which the CPU backend outruns", choice.Reason);
    }

    [Fact]
    public void An_opencl_gpu_is_taken_when_there_is_no_cuda_and_the_reason_says_why_not_cuda()
    {
        var amd = new DeviceCandidate(CandidateKind.OpenClGpu, "gfx1100", "AMD", 1);
        var choice = DeviceChooser.Choose(CudaProbe.NoLibrary, [IlgpuCpu, amd]);
        Assert.Same(amd, choice.Device);
        Assert.Equal("OpenCL GPU: gfx1100 (AMD) (no CUDA device: libcuda not found)", choice.Reason);
    }

    [Fact]
    public void The_runtime_finds_the_gpu_backend_by_assembly_name()
    {
        Assert.IsType<GpuDeviceProvider>(ComputeDevice.FindGpuProvider());
    }

    [Fact]
    public void Real_discovery_on_this_machine_answers_without_throwing()
    {
        using var device = ComputeDevice.Select("auto");
        Assert.False(string.IsNullOrWhiteSpace(device.Reason));
        Assert.Equal(device.IsGpu, device.GpuRuntime() is not null);
        if (!CudaProbe.Run().LibraryFound)
        {
            // CI and this repository's build machine: no driver, so the CPU with the exact message.
            Assert.Equal(DeviceKind.Cpu, device.Kind);
            Assert.StartsWith("no CUDA device: libcuda not found", device.Reason, StringComparison.Ordinal);
            Assert.EndsWith("; using the CPU backend", device.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_libcuda_name_mapping_covers_ILGPUs_import_names()
    {
        CudaLibraryResolver.EnsureRegistered();
        CudaLibraryResolver.EnsureRegistered();   // registering twice is harmless
        Assert.Equal(["libcuda.so.1"], CudaLibraryResolver.VersionedNames["cuda"]);
        Assert.Equal(["libcuda.so.1"], CudaLibraryResolver.VersionedNames["libcuda.so"]);
    }

    [Fact]
    public void The_cli_device_choice_passes_a_gpu_through_and_refuses_gpu_with_exit_reason()
    {
        var gpu = LessonDevice.Select("auto", new Offer(GpuOffer.None("no CUDA device: libcuda not found")), out var error);
        Assert.Null(error);
        Assert.Equal("cpu (no CUDA device: libcuda not found; using the CPU backend)", gpu!.ToString());

        var refused = LessonDevice.Select("gpu", new Offer(GpuOffer.None("no CUDA device: libcuda not found")), out error);
        Assert.Null(refused);
        Assert.StartsWith("--device gpu: a GPU was asked for, but none can be used: no CUDA device: libcuda not found.", error, StringComparison.Ordinal);
        Assert.Contains("--device cpu", error, StringComparison.Ordinal);
    }

    sealed class Offer(GpuOffer offer) : IGpuProvider
    {
        public GpuOffer Open() => offer;
    }
}
