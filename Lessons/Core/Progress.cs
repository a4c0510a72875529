namespace Tutor.Lessons;

/// <summary>
/// A progress bar for a lesson that trains: on a terminal it redraws one line
/// (<c>  Xavier  [############............]  155/310  loss 0.93</c>) and ends it when disposed.
/// It draws only on an interactive terminal: when the output is redirected (CI, a pipe, a file) or the context is
/// quiet (<c>--quiet</c>) it prints nothing, so logs hold the lessons' own lines and no bar residue.
/// Redraws are limited to one per thousandth of the way and one per 50 ms (the last step is always drawn), so a loop
/// may report every step without slowing down. A line the lesson says
/// (<see cref="LessonContext.Say"/>) while the bar is drawn replaces the bar, which is redrawn below it at the next report.
/// </summary>
public sealed class Progress : IDisposable
{
    readonly string label;
    readonly int total;
    readonly TextWriter output;
    readonly Action<Progress?>? onDrawing;
    int lastPermille = -1;
    int lastLength;
    long lastDraw;

    internal Progress(string label, int total, TextWriter output, bool quiet, bool terminal, Action<Progress?>? onDrawing = null)
    {
        this.label = label;
        this.total = Math.Max(1, total);
        this.output = output;
        this.onDrawing = onDrawing;
        Visible = !quiet && terminal;
    }

    /// <summary>
    /// True when the bar draws (an interactive terminal, not quiet). A loop can skip formatting an expensive status
    /// when it is false.
    /// </summary>
    public bool Visible { get; }

    /// <summary>Reports that <paramref name="done"/> of the total steps are finished, with an optional status (e.g. the loss).</summary>
    public void Report(int done, string status = "")
    {
        if (!Visible) return;
        done = Math.Clamp(done, 0, total);
        int permille = (int)((long)done * 1000 / total);
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (done != total && (permille == lastPermille || (lastLength > 0 && System.Diagnostics.Stopwatch.GetElapsedTime(lastDraw, now) < MinInterval)))
            return;
        lastPermille = permille;
        lastDraw = now;
        const int width = 24;
        int filled = (int)((long)done * width / total);
        var line = $"  {label}  [{new string('#', filled)}{new string('.', width - filled)}]  {done}/{total}  {status}".TrimEnd();
        output.Write("\r" + line.PadRight(lastLength));
        lastLength = line.Length;
        onDrawing?.Invoke(this);
    }

    /// <summary>Blanks the bar's line so that a line of text can take its place; the next report draws the bar again.</summary>
    internal void Clear()
    {
        if (lastLength == 0) return;
        output.Write("\r" + new string(' ', lastLength) + "\r");
        lastLength = 0;
        lastPermille = -1;
    }

    static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Ends the bar's line on a terminal.</summary>
    public void Dispose()
    {
        if (Visible && lastLength > 0) output.WriteLine();
        lastLength = 0;
        onDrawing?.Invoke(null);
    }
}
