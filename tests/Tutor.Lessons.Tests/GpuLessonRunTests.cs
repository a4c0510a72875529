using Tutor.Gpu;
using Tutor.Lessons.DepthAndInitialisation;
using Tutor.Training;
using Tutor.Lessons.GdClosedForm;
using Tutor.Lessons.LinearAutoencoder;
using Tutor.Lessons.MnistSgdMomentum;

namespace Tutor.Lessons.Tests;

/// <summary>
/// Whole lessons with the GPU branch taken (<see cref="LessonDevice.Simulated"/>: ILGPU's CPU simulator stands in for
/// the card) against the same lesson on the CPU, at tiny sizes: the branch, the batching and the evaluation loops of
/// each <c>*.Gpu.cs</c> file, not just the network. depth-and-initialisation's four runs take minutes on the simulator
/// even at 256 digits, so one of its runs is checked against the same steps on the CPU instead. The numbers a lesson reports must agree: float32 training within
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

    [Fact]
    public void Depth_gpu_run_of_one_initialisation_matches_the_same_steps_on_the_cpu()
    {
        // One initialisation (Xavier) at 128 training and 20 test digits, one epoch (one SGD step of 128): the GPU file's
        // batching, gradient-norm batch and accuracy loops, against the lesson's CPU steps written out with the student's net.
        var data = MnistData.Load(128, 20);
        var random = new TutorRandom(LessonContext.DefaultSeed).Fork("Xavier");
        using var output = new TempDirectory();
        var context = new LessonContext(output.Path, quiet: true);
        var device = DepthAndInitialisationGpu.Train(gpu, "Xavier", null, data, 1, random, context);

        var net = new DeepTanhNet(MnistData.Pixels, DepthAndInitialisationLesson.Hidden, DepthAndInitialisationLesson.Depth, DepthAndInitialisationLesson.Classes);
        net.Initialise(null, random.Fork("init"));
        var (gx, gy) = data.Batch(data.TestImages, data.TestLabels, Enumerable.Range(0, 20).ToArray());
        net.LossAndGradient(gx, gy);
        for (int l = 0; l < net.Sizes.Length - 1; l++)
        {
            double norm = Math.Sqrt(net.WeightGradient(l).AsReadOnlySpan().ToArray().Sum(v => (double)v * v));
            Assert.True(Math.Abs(norm - device.GradientNorms[l]) <= 1e-4 * norm, $"‖∂L/∂W{l + 1}‖: CPU {norm}, GPU {device.GradientNorms[l]}");
        }
        Assert.Equal(data.Accuracy(net, train: false), device.TestAccuracy[0]);
        var (x, y) = data.Batch(data.TrainImages, data.TrainLabels, Enumerable.Range(0, 128).ToArray());
        double loss = net.LossAndGradient(x, y);
        new Sgd<float>(net.Parameters, DepthAndInitialisationLesson.LearningRate).Step();
        Assert.True(Math.Abs(loss - device.TrainLoss[0]) <= 1e-4 * loss, $"epoch loss: CPU {loss}, GPU {device.TrainLoss[0]}");
        Assert.InRange(device.TestAccuracy[1], data.Accuracy(net, train: false) - 1.0 / 20, data.Accuracy(net, train: false) + 1.0 / 20);
    }
}
