namespace Tutor.Lessons;

/// <summary>What a lesson is given to run: where to write, which seed to use, where to say what it is doing.</summary>
public sealed class LessonContext
{
    /// <summary>The seed the command line uses when none is given; every report records the seed it ran with.</summary>
    public const int DefaultSeed = 20240917;

    public LessonContext(string outputDirectory, int seed = DefaultSeed, bool quiet = false, TextWriter? log = null, LessonDevice? device = null)
    {
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Seed = seed;
        Quiet = quiet;
        Log = log ?? TextWriter.Null;
        Device = device ?? LessonDevice.Cpu("the CPU backend was asked for");
    }

    /// <summary>Where the lesson's models run, and why; every report records it.</summary>
    public LessonDevice Device { get; }

    /// <summary>
    /// A progress bar for a training loop: <c>using var bar = context.Progress("training", epochs);</c> then
    /// <c>bar.Report(epoch + 1, $"loss {loss:G4}")</c>. It draws only when <see cref="Log"/> is the console, the
    /// console is an interactive terminal and the context is not quiet; otherwise it prints nothing.
    /// </summary>
    public Progress Progress(string label, int total) =>
        new(label, total, Log, Quiet, ReferenceEquals(Log, Console.Out) && !Console.IsOutputRedirected, bar => drawing = bar);

    /// <summary>The bar drawn on the terminal's current line, if any: <see cref="Say"/> clears it first.</summary>
    Progress? drawing;

    /// <summary>The folder reports go to (created when a lesson writes its report).</summary>
    public string OutputDirectory { get; }

    /// <summary>The seed for everything random in the lesson.</summary>
    public int Seed { get; }

    /// <summary>When true the lesson writes nothing to <see cref="Log"/>.</summary>
    public bool Quiet { get; }

    /// <summary>Where a lesson may narrate its progress (the terminal, or nothing).</summary>
    public TextWriter Log { get; }

    /// <summary>The path of a file in the output folder, e.g. <c>PathFor("formula-gradient.md")</c>.</summary>
    public string PathFor(string fileName) => Path.Combine(OutputDirectory, fileName);

    /// <summary>Writes a progress line unless <see cref="Quiet"/>.</summary>
    public void Say(string line)
    {
        if (Quiet) return;
        drawing?.Clear();
        Log.WriteLine(line);
    }
}
