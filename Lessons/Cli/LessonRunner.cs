namespace Tutor.Lessons.Cli;

/// <summary>
/// Runs lessons one after another: one line each (headline and report path), then a summary: the counts, and for
/// every lesson that failed one line saying why (its failed checks, measured against what LESSONS.md asks, or the
/// exception it threw). The summary is printed with <c>--quiet</c> too.
/// </summary>
static class LessonRunner
{
    public static int RunAll(IReadOnlyList<ILesson> lessons, LessonContext context, TextWriter output, TextWriter error)
    {
        int passed = 0, failed = 0;
        var failures = new List<string>();
        foreach (var lesson in lessons)
        {
            try
            {
                var result = lesson.Run(context);
                if (result.Passed) passed++;
                else
                {
                    failed++;
                    failures.Add($"FAIL {lesson.Id}: {string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => c.Explain()))}");
                }
                if (!context.Quiet)
                    output.WriteLine($"{(result.Passed ? "PASS" : "FAIL")} {lesson.Id}: {result.Headline} -> {Display(result.ReportPath)}");
                foreach (var check in result.Checks.Where(c => !c.Passed))
                    error.WriteLine(check.Measured is { } measured
                        ? $"  {lesson.Id}: check '{check.Name}' failed: measured {measured:R}"
                        : check.Expected == 0 && check.RelativeTolerance == 0
                        ? $"  {lesson.Id}: check '{check.Name}' failed: got {check.Actual:R}, should be 0"
                        : $"  {lesson.Id}: check '{check.Name}' failed: expected {check.Expected:R}, got {check.Actual:R} (relative error {check.RelativeError:E2} > {check.RelativeTolerance:E0})");
            }
#pragma warning disable CA1031 // One failing lesson must not stop the others; the error is reported and counted.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                error.WriteLine($"FAIL {lesson.Id}: {e.GetType().Name}: {e.Message}");
                if (e.StackTrace is { } stack) error.WriteLine(stack);   // where it threw, for whoever fixes it
                failures.Add($"FAIL {lesson.Id}: threw {e.GetType().Name}: {FirstLine(e.Message)}");
            }
        }
        var noun = lessons.Count == 1 ? "lesson" : "lessons";
        output.WriteLine($"{lessons.Count} {noun} run: {passed} passed, {failed} failed. Reports in {Display(context.OutputDirectory)}{Path.DirectorySeparatorChar}");
        foreach (var line in failures) output.WriteLine("  " + line);
        return failed == 0 ? TutorCli.ExitOk : TutorCli.ExitLessonFailed;
    }

    static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    /// <summary>A path relative to the current directory when it lies below it, else the full path.</summary>
    static string Display(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
