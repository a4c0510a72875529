using System.CommandLine;
using Tutor.Lessons.FormulaGradient;

namespace Tutor.Lessons.Cli;

/// <summary>
/// A lesson whose derivation can be stepped through with <c>tutor step</c>: it gives the trace of its function at
/// the lesson's point. Lessons without one are not steppable (the command says which are).
/// </summary>
public interface ISteppableLesson
{
    /// <summary>The trace to step through; <paramref name="float32"/> asks for the single-precision version when there is one.</summary>
    Trace StepTrace(bool float32);
}

/// <summary>
/// <c>tutor step &lt;id&gt; [--float32]</c>: steps through the lesson's trace in the terminal
/// (<see cref="TraceStepThrough.StepThrough(Trace)"/>); with redirected output it prints the whole trace.
/// </summary>
public static class StepCommand
{
    /// <summary>The traces of the lessons that do not implement <see cref="ISteppableLesson"/> themselves, by lesson id.</summary>
    static readonly Dictionary<string, Func<bool, Trace>> KnownTraces = new(StringComparer.Ordinal)
    {
        ["formula-gradient"] = float32 => float32
            ? Formula.F32Trace((float)FormulaGradientLesson.X, (float)FormulaGradientLesson.Y)
            : Formula.FTrace(FormulaGradientLesson.X, FormulaGradientLesson.Y),
    };

    /// <summary>
    /// The command. <paramref name="terminal"/> replaces the console (for tests); without it the console is used when
    /// the command's output is the console, and otherwise the whole trace is written to the command's output.
    /// </summary>
    public static Command Build(LessonRegistry registry, Func<IStepperTerminal>? terminal = null)
    {
        var id = new Argument<string>("id") { Description = "The lesson to step through (see `tutor list`)." };
        var float32 = new Option<bool>("--float32") { Description = "Step through the single-precision version of the lesson's function." };
        var command = new Command("step",
            "Step through a lesson's derivation in the terminal: forward one operation at a time, then backward one += at a time. "
            + "Keys: → next, ← previous, b backward, q quit. Without a terminal it prints the whole trace.")
        { id, float32 };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var lessonId = parseResult.GetValue(id) ?? "";
            var steppable = Steppable(registry).ToList();
            var lesson = registry.Find(lessonId);
            if (lesson is null)
            {
                error.WriteLine($"Unknown lesson id '{lessonId}'. Lessons you can step through: {string.Join(", ", steppable)}");
                return TutorCli.ExitUsage;
            }
            var trace = TraceOf(lesson, parseResult.GetValue(float32));
            if (trace is null)
            {
                error.WriteLine($"The lesson '{lessonId}' has no scalar trace to step through. Lessons you can step through: {string.Join(", ", steppable)}");
                return TutorCli.ExitUsage;
            }
            var term = terminal?.Invoke()
                ?? (ReferenceEquals(output, Console.Out) ? new SpectreStepperTerminal() : new WriterTerminal(output));
            trace.StepThrough(term);
            return TutorCli.ExitOk;
        });
        return command;
    }

    /// <summary>The ids of the lessons <c>tutor step</c> can show, in list order.</summary>
    public static IEnumerable<string> Steppable(LessonRegistry registry) =>
        registry.All.Where(l => l is ISteppableLesson || KnownTraces.ContainsKey(l.Id)).Select(l => l.Id);

    /// <summary>The lesson's trace, or null when it has none.</summary>
    public static Trace? TraceOf(ILesson lesson, bool float32 = false) =>
        lesson is ISteppableLesson s ? s.StepTrace(float32)
        : KnownTraces.TryGetValue(lesson.Id, out var make) ? make(float32)
        : null;

    /// <summary>Not a terminal: the command's output writer (tests, a redirected <c>InvocationConfiguration</c>).</summary>
    sealed class WriterTerminal(TextWriter output) : IStepperTerminal
    {
        public bool IsInteractive => false;
        public int Width => 100;
        public int Height => 40;
        public void Begin() { }
        public void Show(IReadOnlyList<StepperLine> lines) { }
        public StepperKey ReadKey() => StepperKey.EndOfInput;
        public void End() { }
        public void WriteAll(string text) => output.Write(text);
    }
}
