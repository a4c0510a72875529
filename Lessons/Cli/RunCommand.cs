using System.CommandLine;

namespace Tutor.Lessons.Cli;

/// <summary><c>tutor run &lt;id&gt;... | --all [--out DIR] [--quiet] [--seed N] [--device auto|cpu|gpu]</c>.</summary>
static class RunCommand
{
    public static Command Build(LessonRegistry registry)
    {
        var ids = new Argument<string[]>("id")
        {
            Description = "The lessons to run (see `tutor list`).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var all = new Option<bool>("--all") { Description = "Run every lesson." };
        var outDir = new Option<string>("--out", "-o")
        {
            Description = "The folder the reports are written to, relative to the current directory.",
            DefaultValueFactory = _ => "reports",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary line (and errors)." };
        var seed = new Option<int>("--seed")
        {
            Description = "The seed for everything random; recorded in each report.",
            DefaultValueFactory = _ => LessonContext.DefaultSeed,
        };

        var device = new Option<string>("--device")
        {
            Description = "Where models run: auto (the default: a GPU when there is one), cpu or gpu.",
            DefaultValueFactory = _ => "auto",
        };

        var command = new Command("run", "Run lessons and write their Markdown walkthroughs.") { ids, all, outDir, quiet, seed, device };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!TrySelect(registry, parseResult.GetValue(ids) ?? [], parseResult.GetValue(all), error, out var selected))
                return TutorCli.ExitUsage;

            var chosen = LessonDevice.Select(parseResult.GetValue(device) ?? "auto", out var deviceError);
            if (chosen is null)
            {
                error.WriteLine(deviceError);
                return TutorCli.ExitUsage;
            }
            if (!parseResult.GetValue(quiet)) output.WriteLine($"device: {chosen}");

            using var gpu = chosen.Gpu;   // the GPU context is released when the run ends
            var context = new LessonContext(parseResult.GetValue(outDir) ?? "reports", parseResult.GetValue(seed),
                parseResult.GetValue(quiet), output, chosen);
            return LessonRunner.RunAll(selected, context, output, error);
        });
        return command;
    }

    /// <summary>The lessons named on the command line; false (with a message listing the valid ids) when one is unknown.</summary>
    static bool TrySelect(LessonRegistry registry, string[] ids, bool all, TextWriter error, out List<ILesson> selected)
    {
        selected = [];
        var valid = string.Join(", ", registry.Ids);
        if (all)
        {
            selected.AddRange(registry.All);
            return true;
        }
        if (ids.Length == 0)
        {
            error.WriteLine($"Name at least one lesson, or use --all. Valid lesson ids: {valid}");
            return false;
        }
        var unknown = ids.Where(id => registry.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            var plural = unknown.Count == 1 ? "Unknown lesson id" : "Unknown lesson ids";
            error.WriteLine($"{plural}: {string.Join(", ", unknown.Select(u => $"'{u}'"))}. Valid lesson ids: {valid}");
            return false;
        }
        selected.AddRange(ids.Distinct(StringComparer.Ordinal).Select(id => registry.Find(id)!));
        return true;
    }
}
