namespace Tutor.Lessons;

/// <summary>The device a lesson runs on, with the reason it was chosen (printed by <c>tutor run</c>, recorded in reports).</summary>
public sealed record LessonDevice(string Name, string Reason)
{
    /// <summary>The CPU backend.</summary>
    public static LessonDevice Cpu(string reason) => new("cpu", reason);

    /// <summary>
    /// Chooses the device for <c>--device auto|cpu|gpu</c>. This build has no GPU backend yet (the ILGPU backend is
    /// its own piece of work), so <c>auto</c> uses the CPU and says why, and <c>gpu</c> is refused with that reason.
    /// </summary>
    /// <returns>The device, or null with <paramref name="error"/> set when the request cannot be met.</returns>
    public static LessonDevice? Select(string request, out string? error)
    {
        error = null;
        switch (request.Trim().ToLowerInvariant())
        {
            case "cpu":
                return Cpu("the CPU backend was asked for (--device cpu)");
            case "auto":
                return Cpu("no GPU backend in this build yet; using the CPU backend");
            case "gpu":
                error = "--device gpu: this build has no GPU backend yet (the ILGPU backend is not written); run with --device cpu or --device auto.";
                return null;
            default:
                error = $"--device {request}: unknown device; use auto, cpu or gpu.";
                return null;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Reason})";
}
