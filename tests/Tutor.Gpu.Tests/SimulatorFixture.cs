namespace Tutor.Gpu.Tests;

/// <summary>
/// One CPU-simulated device for the whole test assembly: accelerator creation and each kernel's compilation happen
/// once (compiling costs 40–500 ms a kernel), and every test class shares the compiled kernels.
/// </summary>
public sealed class SimulatorFixture : IDisposable
{
    public GpuRuntime Runtime { get; } = GpuRuntime.CreateCpuSimulator();

    public void Dispose() => Runtime.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SimulatorCollection : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "CPU-simulated device";
}
