using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tutor.Lessons.Cli;

namespace Tutor.Lessons.GpuBench;

/// <summary>
/// <c>tutor gpu-bench [--device auto|cpu|gpu] [--size N] [--steps N] [--repeats N] [--json FILE]</c>: times MatMul
/// 4096³ float32 and one epoch of the MLP 784-1024-1024-10 on the chosen device. Run <c>bench/pytorch/gpu_peer.py</c>
/// in the same session for PyTorch's figures on the same card.
/// </summary>
static class GpuBenchCommand
{
    public static Command Build()
    {
        var device = new Option<string>("--device") { Description = "auto (the default), cpu or gpu.", DefaultValueFactory = _ => "auto" };
        var size = new Option<int>("--size") { Description = "The matrix multiply's n (n×n by n×n).", DefaultValueFactory = _ => BenchWorkload.MatMulSize };
        var steps = new Option<int>("--steps") { Description = "MLP steps per epoch (default: 60000 / 1024 = 58).", DefaultValueFactory = _ => BenchWorkload.StepsPerEpoch };
        var repeats = new Option<int>("--repeats") { Description = "Timed repetitions (the median is reported).", DefaultValueFactory = _ => 5 };
        var json = new Option<string?>("--json") { Description = "Also write the results to this JSON file." };
        var command = new Command("gpu-bench", "Time MatMul 4096³ float32 and an MLP 784-1024-1024-10 epoch on the chosen device.")
            { device, size, steps, repeats, json };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var chosen = LessonDevice.Select(parseResult.GetValue(device) ?? "auto", out var deviceError);
            if (chosen is null)
            {
                error.WriteLine(deviceError);
                return TutorCli.ExitUsage;
            }
            using var gpu = chosen.Gpu;
            output.WriteLine($"device: {chosen}");
            int n = parseResult.GetValue(size), s = parseResult.GetValue(steps), r = Math.Max(1, parseResult.GetValue(repeats));
            var results = new List<BenchResult>();
            if (gpu is not null)
            {
                results.Add(DeviceBench.MatMul(gpu.Runtime, n, r));
                results.Add(DeviceBench.MlpEpoch(gpu.Runtime, s, Math.Max(1, r / 2)));
            }
            else
            {
                results.Add(CpuBench.MatMul(n, r));
                results.Add(CpuBench.MlpEpoch(s, Math.Max(1, r / 2)));
            }
            foreach (var result in results)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {result.Name}: {result.Seconds * 1e3:0.00} ms (median of {result.Repeats}), {(result.Name.StartsWith("matmul", StringComparison.Ordinal) ? $"{result.Rate:0} GFLOP/s" : $"{result.Rate:0} samples/s")}, check {result.Check:G6}{(result.QueueSeconds is { } q ? $", host queued it in {q * 1e3:0.00} ms" : "")}"));
            if (parseResult.GetValue(json) is { Length: > 0 } path)
                File.WriteAllText(path, JsonSerializer.Serialize(new { device = chosen.ToString(), results }, new JsonSerializerOptions { WriteIndented = true }));
            return TutorCli.ExitOk;
        });
        return command;
    }
}
