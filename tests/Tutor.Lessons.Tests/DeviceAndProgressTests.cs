using Tutor.Lessons.Cli;

namespace Tutor.Lessons.Tests;

/// <summary><c>--device</c> says where models run and why; the progress bar draws only on a terminal and never when output is redirected.</summary>
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
    public void Redirected_progress_prints_nothing()
    {
        var log = new StringWriter();   // not the console: what a redirected run or a test sees
        var context = new LessonContext(Path.GetTempPath(), log: log);
        using (var bar = context.Progress("training", 1000))
        {
            Assert.False(bar.Visible);
            for (int i = 1; i <= 1000; i++) bar.Report(i, $"loss {1.0 / i:G3}");
        }
        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void Terminal_progress_redraws_one_line_at_most_once_per_thousandth_and_ends_it_with_the_last_step()
    {
        var log = new StringWriter();
        using (var bar = new Progress("Xavier", 100_000, log, quiet: false, terminal: true))
        {
            Assert.True(bar.Visible);
            for (int i = 1; i <= 100_000; i++) bar.Report(i, "loss 0.5");
        }
        var text = log.ToString();
        int redraws = text.Count(c => c == '\r');
        Assert.InRange(redraws, 2, 1000);      // 100 000 reports: at most one redraw per thousandth (and per 50 ms)
        Assert.EndsWith("  Xavier  [########################]  100000/100000  loss 0.5" + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));   // one line, redrawn in place
    }

    [Fact]
    public void Terminal_progress_pads_a_shorter_redraw_over_the_longer_one()
    {
        var log = new StringWriter();
        using (var bar = new Progress("t", 2, log, quiet: false, terminal: true))
        {
            bar.Report(1, "loss 123456");
            bar.Report(2, "loss 1");
        }
        var text = log.ToString();
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
        var draws = text[..^Environment.NewLine.Length].Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, draws.Length);
        Assert.Equal(draws[0].Length, draws[1].Length);   // the old, longer status is blanked out
    }

    [Fact]
    public void Clearing_blanks_the_bar_so_a_line_can_replace_it_and_the_next_report_redraws()
    {
        var log = new StringWriter();
        using (var bar = new Progress("t", 10, log, quiet: false, terminal: true))
        {
            bar.Report(1, "abc");
            bar.Clear();
            log.WriteLine("a line the lesson says");
            bar.Report(2, "abc");
        }
        var expected = "\r  t  [##......................]  1/10  abc".Length;
        Assert.StartsWith("\r  t  [##......................]  1/10  abc\r" + new string(' ', expected - 1) + "\r" + "a line the lesson says" + Environment.NewLine +
                          "\r  t  [####....................]  2/10  abc", log.ToString(), StringComparison.Ordinal);
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
