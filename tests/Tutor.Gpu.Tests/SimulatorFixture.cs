using Tutor.Devices;
using Tutor.Gpu.Devices;

namespace Tutor.Gpu.Tests;

/// <summary>
/// One device for the whole test assembly: accelerator creation and each kernel's compilation happen once
/// (compiling costs 40–500 ms a kernel), and every test class shares the compiled kernels.
/// <para>
/// By default the device is ILGPU's CPU accelerator, so the kernels are checked on a machine without a GPU (CI).
/// With <c>TUTOR_TEST_DEVICE=gpu</c> the same tests run on the GPU that <see cref="ComputeDevice.Select(string)"/>
/// finds (and fail, saying why, when there is none): <c>TUTOR_TEST_DEVICE=gpu dotnet test tests/Tutor.Gpu.Tests</c>.
/// </para>
/// </summary>
public sealed class SimulatorFixture : IDisposable
{
    /// <summary>The environment variable that moves the tests onto a real GPU.</summary>
    public const string DeviceVariable = "TUTOR_TEST_DEVICE";

    readonly ComputeDevice? device;

    public SimulatorFixture()
    {
        var request = Environment.GetEnvironmentVariable(DeviceVariable);
        if (string.IsNullOrEmpty(request) || request == "simulator")
        {
            Runtime = GpuRuntime.CreateCpuSimulator();
            return;
        }
        if (request != "gpu")
            throw new InvalidOperationException(
                $"{DeviceVariable}={request} is not understood: use 'gpu' (a real GPU) or leave it unset (ILGPU's CPU accelerator).");
        device = ComputeDevice.Select("gpu");
        Runtime = device.GpuRuntime()
            ?? throw new InvalidOperationException($"{DeviceVariable}=gpu, but no GPU was found: {device.Reason}");
        Console.WriteLine($"Tutor.Gpu.Tests on {Runtime.Name} ({device.Reason})");
    }

    /// <summary>The device the tests run on: the CPU simulator unless <see cref="DeviceVariable"/> says gpu.</summary>
    public GpuRuntime Runtime { get; }

    /// <summary>True when the tests run on ILGPU's CPU accelerator.</summary>
    public bool IsSimulator => device is null;

    public void Dispose()
    {
        if (device is null) Runtime.Dispose();
        else device.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "CPU-simulated device";
}
