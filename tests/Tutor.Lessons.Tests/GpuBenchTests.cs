using Tutor.Lessons.Cli;
using Tutor.Lessons.GpuBench;

namespace Tutor.Lessons.Tests;

/// <summary><c>tutor gpu-bench</c>: the workloads run, the device product equals the CPU's, and <c>--device gpu</c> without one exits 2.</summary>
public sealed class GpuBenchTests(GpuSimulatorFixture fixture) : IClassFixture<GpuSimulatorFixture>
{
    [Fact]
    public void The_device_matrix_multiply_computes_the_cpus_product()
    {
        var cpu = CpuBench.MatMul(24, 1);
        var device = DeviceBench.MatMul(fixture.Gpu, 24, 1);
        Assert.True(Math.Abs(cpu.Check - device.Check) <= 1e-5 * Math.Abs(cpu.Check), $"C[0,0]: CPU {cpu.Check}, GPU {device.Check}");
        Assert.True(device.Rate > 0 && device.Seconds > 0);
    }

    [Fact]
    public void The_device_mlp_epoch_trains_as_the_cpu_one_does()
    {
        int[] sizes = [784, 8, 8, 10];
        var cpu = CpuBench.MlpEpoch(steps: 2, repeats: 1, sizes, batch: 16);
        var device = DeviceBench.MlpEpoch(fixture.Gpu, steps: 2, repeats: 1, sizes, batch: 16);
        Assert.True(Math.Abs(cpu.Check - device.Check) <= 1e-4 * Math.Abs(cpu.Check), $"last loss: CPU {cpu.Check}, GPU {device.Check}");
    }

    [Fact]
    public void On_the_cpu_it_prints_both_workloads_and_writes_json()
    {
        using var temp = new TempDirectory();
        var json = Path.Combine(temp.Path, "bench.json");
        var output = new StringWriter();
        int exit = TutorCli.Run(["gpu-bench", "--device", "cpu", "--size", "32", "--steps", "1", "--repeats", "1", "--json", json], output, new StringWriter());
        Assert.Equal(TutorCli.ExitOk, exit);
        var text = output.ToString();
        Assert.StartsWith("device: cpu (the CPU backend was asked for (--device cpu))", text, StringComparison.Ordinal);
        Assert.Contains("matmul 32^3 float32", text, StringComparison.Ordinal);
        Assert.Contains("MLP 784-1024-1024-10 tanh, batch 1024, 1 steps", text, StringComparison.Ordinal);
        Assert.Contains("\"results\"", File.ReadAllText(json), StringComparison.Ordinal);
    }

    [Fact]
    public void Gpu_without_a_driver_exits_2_with_the_reason()
    {
        if (Tutor.Gpu.Devices.CudaProbe.Run().LibraryFound) return;   // a machine with the driver may have a GPU
        var error = new StringWriter();
        int exit = TutorCli.Run(["gpu-bench", "--device", "gpu"], new StringWriter(), error);
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains("no CUDA device: libcuda not found", error.ToString(), StringComparison.Ordinal);
    }
}
