using System.CommandLine;

namespace Tutor.Lessons.Cli;

/// <summary>The <c>tutor</c> command line: <c>tutor list</c> and <c>tutor run &lt;id&gt;... | --all</c>.</summary>
public static class TutorCli
{
    /// <summary>Every lesson ran and passed its checks.</summary>
    public const int ExitOk = 0;
    /// <summary>A lesson threw or missed one of its checks (parse errors also exit with 1).</summary>
    public const int ExitLessonFailed = 1;
    /// <summary>The command named no lesson or an unknown one.</summary>
    public const int ExitUsage = 2;

    /// <summary>Parses <paramref name="args"/> and runs the command; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null, LessonRegistry? registry = null)
    {
        var root = Build(registry ?? LessonRegistry.Discover());
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error ?? Console.Error };
        return root.Parse(args).Invoke(configuration);
    }

    /// <summary>The command tree, over the lessons of <paramref name="registry"/>.</summary>
    public static RootCommand Build(LessonRegistry registry)
    {
        var root = new RootCommand("Tutor: step-through autograd lessons. Each lesson writes a Markdown walkthrough.");
        root.Add(ListCommand.Build(registry));
        root.Add(RunCommand.Build(registry));
        root.Add(StepCommand.Build(registry));
        root.Add(GpuBench.GpuBenchCommand.Build());
        return root;
    }
}
