using Tutor.Lessons.Cli;

namespace Tutor.Lessons.Tests;

/// <summary><c>--device</c> says where models run and why; the progress bar stays short when output is redirected.</summary>
public sealed class DeviceAndProgressTests
{
    sealed class DeviceLesson : ILesson
    {
        public string Id => "device-lesson";
        public string Title => "Device";
        public string Description => "Records its device.";
        public LessonDevice? Seen { get; private set; }

        public LessonResult Run(LessonContext context)
        {
            Seen = context.Device;
            var report = context.PathFor(Id + ".md");
            Directory.CreateDirectory(context.OutputDirectory);
            File.WriteAllText(report, $"# Device{Environment.NewLine}{Environment.NewLine}Ran on {context.Device}.{Environment.NewLine}");
            return new LessonResult { Id = Id, Headline = "ran on " + context.Device.Name, ReportPath = report, Checks = [] };
        }
    }

    static (int Exit, string Out, string Err, DeviceLesson Lesson) Run(params string[] args)
    {
        var lesson = new DeviceLesson();
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = TutorCli.Run(args, output, error, new LessonRegistry([lesson]));
        return (exit, output.ToString(), error.ToString(), lesson);
    }

    [Fact]
    public void Auto_says_which_device_and_why()
    {
        var (exit, output, _, lesson) = Run("run", "device-lesson", "--out", Path.GetTempPath());
        Assert.Equal(0, exit);
        Assert.StartsWith($"device: {lesson.Seen}", output, StringComparison.Ordinal);
        if (!Tutor.Gpu.Devices.CudaProbe.Run().LibraryFound)
        {
            Assert.Equal("cpu", lesson.Seen!.Name);
            Assert.Contains("device: cpu (no CUDA device: libcuda not found", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Gpu_without_a_driver_is_refused_with_the_reason_and_the_fix()
    {
        if (Tutor.Gpu.Devices.CudaProbe.Run().LibraryFound) return;   // a machine with the driver may have a GPU
        var (exit, _, error, lesson) = Run("run", "device-lesson", "--device", "gpu", "--out", Path.GetTempPath());
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains("no CUDA device: libcuda not found", error, StringComparison.Ordinal);
        Assert.Contains("--device cpu", error, StringComparison.Ordinal);
        Assert.Null(lesson.Seen);
    }

    [Fact]
    public void Cpu_is_recorded_as_asked_for()
    {
        var (exit, _, _, lesson) = Run("run", "device-lesson", "--device", "cpu", "--out", Path.GetTempPath());
        Assert.Equal(0, exit);
        Assert.Contains("--device cpu", lesson.Seen!.Reason);
    }

    [Theory]
    [InlineData("tpu", "unknown device; use auto, cpu or gpu")]
    public void Devices_that_cannot_be_used_are_refused_with_the_reason(string device, string expected)
    {
        var (exit, _, error, lesson) = Run("run", "device-lesson", "--device", device, "--out", Path.GetTempPath());
        Assert.Equal(TutorCli.ExitUsage, exit);
        Assert.Contains(expected, error);
        Assert.Null(lesson.Seen);
    }

    [Fact]
    public void Redirected_progress_prints_a_line_per_tenth()
    {
        var log = new StringWriter();
        var context = new LessonContext(Path.GetTempPath(), log: log);
        using (var bar = context.Progress("training", 1000))
            for (int i = 1; i <= 1000; i++) bar.Report(i, $"loss {1.0 / i:G3}");
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);   // at 1 (the start), then at every tenth up to 1000
        Assert.Equal("  training: 1/1000 loss 1", lines[0]);
        Assert.Equal("  training: 1000/1000 loss 0.001", lines[^1]);
    }

    [Fact]
    public void Quiet_progress_prints_nothing()
    {
        var log = new StringWriter();
        var context = new LessonContext(Path.GetTempPath(), quiet: true, log: log);
        using (var bar = context.Progress("training", 10))
            for (int i = 1; i <= 10; i++) bar.Report(i);
        Assert.Equal("", log.ToString());
    }
}
