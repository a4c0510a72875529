using Tutor.Gpu;
using Tutor.Lessons.GdClosedForm;
using Tutor.Lessons.LinearAutoencoder;
using Tutor.Lessons.MnistSgdMomentum;

namespace Tutor.Lessons.Tests;

/// <summary>
/// Whole lessons with the GPU branch taken (<see cref="LessonDevice.Simulated"/>: ILGPU's CPU simulator stands in for
/// the card) against the same lesson on the CPU, at tiny sizes: the branch, the batching and the evaluation loops of
/// each <c>*.Gpu.cs</c> file, not just the network. depth-and-initialisation is left out here: even at 256 digits its
/// four runs take minutes on the simulator; its network is checked step by step in <see cref="GpuLessonPathTests"/>. The numbers a lesson reports must agree: float32 training within
/// 1e-3 relative after an epoch (1e-4 per step in <see cref="GpuLessonPathTests"/>, compounded), an accuracy within one
/// example, float64 closed form within the lesson's own tolerance.
/// </summary>
public sealed class GpuLessonRunTests(GpuSimulatorFixture fixture) : IClassFixture<GpuSimulatorFixture>
{
    readonly GpuRuntime gpu = fixture.Gpu;

    (LessonResult Cpu, LessonResult Gpu) RunBoth(ILesson lesson)
    {
        using var cpuOut = new TempDirectory();
        using var gpuOut = new TempDirectory();
        var cpu = lesson.Run(new LessonContext(cpuOut.Path, quiet: true, device: LessonDevice.Cpu("test")));
        var device = lesson.Run(new LessonContext(gpuOut.Path, quiet: true, device: LessonDevice.Simulated(gpu)));
        return (cpu, device);
    }

    static void Close(LessonResult cpu, LessonResult gpu, string key, double relative) =>
        Assert.True(Math.Abs(cpu.Values[key] - gpu.Values[key]) <= relative * Math.Abs(cpu.Values[key]),
            $"{key}: CPU {cpu.Values[key]:R}, GPU {gpu.Values[key]:R}");

    [Fact]
    public void Mnist_momentum_on_the_device_reports_the_cpus_accuracy()
    {
        var (cpu, device) = RunBoth(new MnistSgdMomentumLesson(new MomentumOptions(1, 160, 64)));
        Close(cpu, device, "test-loss", 1e-3);
        Assert.InRange(device.Values["test-accuracy"], cpu.Values["test-accuracy"] - 1.0 / 64, cpu.Values["test-accuracy"] + 1.0 / 64);
    }

    [Fact]
    public void Linear_autoencoder_trains_part_c_on_the_device_and_says_so()
    {
        var (cpu, device) = RunBoth(new LinearAutoencoderLesson(new LinearAutoencoderOptions(10, 4, 2, ReplaySeed: false)));
        Assert.Contains("(batch 1, CPU)", cpu.Headline, StringComparison.Ordinal);
        Assert.Contains("(batch 1, GPU)", device.Headline, StringComparison.Ordinal);
        Close(cpu, device, "best-loss", 0);   // part (b) stays on the CPU in float64: identical
    }

    [Fact]
    public void Gd_closed_form_on_the_device_passes_the_lessons_own_checks()
    {
        var (cpu, device) = RunBoth(new GdClosedFormLesson());
        Assert.True(cpu.Passed);
        Assert.True(device.Passed, string.Join("; ", device.Checks.Where(c => !c.Passed).Select(c => c.Name)));
    }
}
