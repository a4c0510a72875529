using System.CommandLine;

namespace Tutor.Lessons.Cli;

/// <summary><c>tutor list</c>: every lesson id with its one-line description.</summary>
static class ListCommand
{
    public static Command Build(LessonRegistry registry)
    {
        var command = new Command("list", "List the lessons with a one-line description each.");
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            int width = registry.All.Select(l => l.Id.Length).DefaultIfEmpty(0).Max();
            foreach (var lesson in registry.All)
                output.WriteLine($"{lesson.Id.PadRight(width)}  {lesson.Description}");
            return TutorCli.ExitOk;
        });
        return command;
    }
}
