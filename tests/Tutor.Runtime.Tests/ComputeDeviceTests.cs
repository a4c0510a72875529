using Tutor.Devices;

namespace Tutor.Runtime.Tests;

/// <summary>
/// <see cref="ComputeDevice"/> without the GPU backend: this test project references only Tutor.Runtime, so the
/// Tutor.Runtime.Gpu assembly is really absent here, and every request must still answer with a reason.
/// </summary>
public sealed class ComputeDeviceTests
{
    [Fact]
    public void Without_the_gpu_assembly_auto_is_the_cpu_and_says_the_backend_is_not_installed()
    {
        using var device = ComputeDevice.Select("auto");
        Assert.Equal(DeviceKind.Cpu, device.Kind);
        Assert.Null(device.Backend);
        Assert.StartsWith("GPU backend not installed", device.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; using the CPU backend", device.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_gpu_assembly_gpu_is_refused_with_the_reason_and_the_fix()
    {
        var e = Assert.Throws<DeviceUnavailableException>(() => ComputeDevice.Select("gpu"));
        Assert.Contains("GPU backend not installed", e.Message, StringComparison.Ordinal);
        Assert.Contains("--device cpu", e.Message, StringComparison.Ordinal);
        Assert.Contains("ComputeDevice.Select(\"cpu\")", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_is_the_cpu_whatever_the_provider(string request)
    {
        var provider = new Fixed(new GpuOffer(new Owned(), "Some GPU", "CUDA: Some GPU, sm_90, driver 13.0"));
        using var device = ComputeDevice.Select(request, provider);
        Assert.Equal(DeviceKind.Cpu, device.Kind);
        Assert.Equal("cpu", device.Name);
        Assert.Equal(0, provider.Calls);   // asking for the CPU does not even look for a GPU
    }

    [Fact]
    public void Auto_takes_the_gpu_the_provider_offers_and_disposing_releases_it()
    {
        var backend = new Owned();
        var device = ComputeDevice.Select("auto", new Fixed(new GpuOffer(backend, "NVIDIA H100 80GB HBM3", "CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0")));
        Assert.True(device.IsGpu);
        Assert.Equal("NVIDIA H100 80GB HBM3", device.Name);
        Assert.Same(backend, device.Backend);
        Assert.Equal("gpu (CUDA: NVIDIA H100 80GB HBM3, sm_90, driver 13.0)", device.ToString());
        device.Dispose();
        Assert.True(backend.Disposed);
    }

    [Fact]
    public void Auto_without_a_gpu_is_the_cpu_with_the_providers_reason()
    {
        using var device = ComputeDevice.Select("auto", new Fixed(GpuOffer.None("no CUDA device: libcuda not found")));
        Assert.Equal("cpu (no CUDA device: libcuda not found; using the CPU backend)", device.ToString());
    }

    [Fact]
    public void A_provider_that_throws_still_gives_the_cpu_and_the_failure()
    {
        using var device = ComputeDevice.Select("auto", new Throwing());
        Assert.Equal(DeviceKind.Cpu, device.Kind);
        Assert.Contains("InvalidOperationException: driver exploded", device.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_device_names_the_three_valid_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ComputeDevice.Select("tpu", new Throwing()));
        Assert.Contains("unknown device 'tpu': use auto, cpu or gpu", e.Message, StringComparison.Ordinal);
    }

    sealed class Owned : IDisposable
    {
        public bool Disposed { get; private set; }
        public void Dispose() => Disposed = true;
    }

    sealed class Fixed(GpuOffer offer) : IGpuProvider
    {
        public int Calls { get; private set; }
        public GpuOffer Open()
        {
            Calls++;
            return offer;
        }
    }

    sealed class Throwing : IGpuProvider
    {
        public GpuOffer Open() => throw new InvalidOperationException("driver exploded");
    }
}
