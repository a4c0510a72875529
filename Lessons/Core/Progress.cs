namespace Tutor.Lessons;

/// <summary>
/// A progress bar for a lesson that trains: on a terminal it redraws one line (<c>training  [#####.....]  50/100  loss 0.31</c>);
/// when the output is redirected (CI, a pipe, a file) it prints a plain line at every tenth of the way, so logs stay short.
/// Quiet contexts print nothing.
/// </summary>
public sealed class Progress : IDisposable
{
    readonly string label;
    readonly int total;
    readonly TextWriter output;
    readonly bool quiet;
    readonly bool terminal;
    int lastTenth = -1;
    int lastLength;

    internal Progress(string label, int total, TextWriter output, bool quiet, bool terminal)
    {
        this.label = label;
        this.total = Math.Max(1, total);
        this.output = output;
        this.quiet = quiet;
        this.terminal = terminal;
    }

    /// <summary>Reports that <paramref name="done"/> of the total steps are finished, with an optional status (e.g. the loss).</summary>
    public void Report(int done, string status = "")
    {
        if (quiet) return;
        done = Math.Clamp(done, 0, total);
        if (terminal)
        {
            const int width = 24;
            int filled = (int)((long)done * width / total);
            var line = $"  {label}  [{new string('#', filled)}{new string('.', width - filled)}]  {done}/{total}  {status}";
            output.Write("\r" + line.PadRight(lastLength));
            lastLength = line.Length;
            return;
        }
        int tenth = (int)((long)done * 10 / total);
        if (tenth == lastTenth) return;
        lastTenth = tenth;
        output.WriteLine($"  {label}: {done}/{total} {status}".TrimEnd());
    }

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Dispose()
    {
        if (!quiet && terminal && lastLength > 0) output.WriteLine();
    }
}
