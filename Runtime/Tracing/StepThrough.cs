using System.Globalization;
using System.Text;

namespace Tutor;

/// <summary>
/// <c>trace.StepThrough()</c>: walk a <see cref="Trace"/> one step at a time in the terminal. Forward: the graph so
/// far, the current operation, its inputs and its value. Backward: the adjoint flowing in, the local derivative and
/// the contribution added (<c>+=</c>). Keys: → / n / space next, ← / p previous, b jump to the backward pass,
/// f back to the start, q / Esc quit. Without an interactive terminal (output or input redirected, <c>CI</c> set,
/// <c>TERM=dumb</c>) it prints the whole trace (<see cref="Trace.ToText"/>) and returns.
/// </summary>
/// <remarks>
/// Drawn with Spectre.Console (<see cref="SpectreStepperTerminal"/>). The view and its navigation (<see cref="TraceStepper"/>) are separate from the terminal
/// (<see cref="IStepperTerminal"/>), so tests and other hosts can drive it with their own keys and screen.
/// </remarks>
public static class TraceStepThrough
{
    /// <summary>Steps through <paramref name="trace"/> in the console (or prints it whole when there is no terminal).</summary>
    public static void StepThrough(this Trace trace) => StepThrough(trace, new SpectreStepperTerminal());

    /// <summary>Steps through <paramref name="trace"/> on <paramref name="terminal"/>; returns when the student quits or input ends.</summary>
    public static void StepThrough(this Trace trace, IStepperTerminal terminal)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(terminal);
        if (!terminal.IsInteractive)
        {
            terminal.WriteAll("Not an interactive terminal, so here is the whole trace (run it in a terminal to step through it).\n\n"
                + trace.ToText());
            return;
        }

        var stepper = new TraceStepper(trace);
        terminal.Begin();
        try
        {
            while (true)
            {
                terminal.Show(stepper.Render(terminal.Width, terminal.Height));
                var key = terminal.ReadKey();
                if (key is StepperKey.Quit or StepperKey.EndOfInput) break;
                stepper.Apply(key);
            }
        }
        finally
        {
            terminal.End();
        }
    }
}

/// <summary>What a key press asks the stepper to do.</summary>
public enum StepperKey
{
    /// <summary>A key with no meaning here: the screen is drawn again.</summary>
    None,
    /// <summary>→, n, space, Enter, j, ↓: the next step.</summary>
    Next,
    /// <summary>←, p, Backspace, k, ↑: the previous step.</summary>
    Previous,
    /// <summary>b: the start of the backward pass (the seed f̄ = 1).</summary>
    Backward,
    /// <summary>f, Home: the start (the inputs).</summary>
    First,
    /// <summary>End: the last screen (the gradient).</summary>
    Last,
    /// <summary>q, Esc, Ctrl+C: leave.</summary>
    Quit,
    /// <summary>The input ended (no more keys can come).</summary>
    EndOfInput,
}

/// <summary>A style for one line of the stepper's screen; the terminal decides how it looks.</summary>
public enum StepperStyle
{
    /// <summary>Ordinary text.</summary>
    Normal,
    /// <summary>The top line.</summary>
    Title,
    /// <summary>A section heading.</summary>
    Heading,
    /// <summary>The row of the current step in the graph.</summary>
    Current,
    /// <summary>The other row the current backward step involves (where the adjoint comes from).</summary>
    Related,
    /// <summary>Rows not reached yet, and rules.</summary>
    Dim,
    /// <summary>The key help at the bottom.</summary>
    Help,
}

/// <summary>One line of the stepper's screen.</summary>
/// <param name="Text">The text, without escape sequences.</param>
/// <param name="Style">How to show it.</param>
public readonly record struct StepperLine(string Text, StepperStyle Style = StepperStyle.Normal);

/// <summary>Where the stepper draws and reads keys: the console (<see cref="SpectreStepperTerminal"/>) or a test double.</summary>
public interface IStepperTerminal
{
    /// <summary>False when keys cannot be read or the screen cannot be redrawn; the whole trace is then printed.</summary>
    bool IsInteractive { get; }

    /// <summary>Columns available.</summary>
    int Width { get; }

    /// <summary>Rows available.</summary>
    int Height { get; }

    /// <summary>Called once before the first screen (e.g. to switch to the alternate screen).</summary>
    void Begin();

    /// <summary>Replaces what is on the screen with <paramref name="lines"/>.</summary>
    void Show(IReadOnlyList<StepperLine> lines);

    /// <summary>Waits for a key.</summary>
    StepperKey ReadKey();

    /// <summary>Called once after the last screen, also when an exception ends the session.</summary>
    void End();

    /// <summary>Writes text when not interactive.</summary>
    void WriteAll(string text);
}

/// <summary>The kinds of screen the stepper shows, in order.</summary>
public enum StepperScreen
{
    /// <summary>The function and its inputs, before the first step.</summary>
    Start,
    /// <summary>One forward step.</summary>
    Forward,
    /// <summary>The seed of the backward pass, f̄ = 1.</summary>
    Seed,
    /// <summary>One backward contribution.</summary>
    Backward,
    /// <summary>The gradient, after the last contribution.</summary>
    Gradient,
}

/// <summary>
/// The step-through view of a <see cref="Trace"/>: its screens (start, each forward step, the seed, each backward
/// contribution, the gradient), the current position, and the text of the current screen. No console here.
/// </summary>
public sealed class TraceStepper
{
    readonly Trace trace;
    readonly TraceNotation n;

    /// <summary>A stepper at the start of <paramref name="trace"/>.</summary>
    public TraceStepper(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        this.trace = trace;
        n = new TraceNotation(trace);
    }

    /// <summary>How many screens: start, forward steps, seed, backward steps, gradient.</summary>
    public int Count => trace.Forward.Count + trace.Backward.Count + 3;

    /// <summary>The current screen, from 0.</summary>
    public int Position { get; private set; }

    int SeedPosition => trace.Forward.Count + 1;

    /// <summary>What the current screen shows.</summary>
    public StepperScreen Screen =>
        Position == 0 ? StepperScreen.Start
        : Position < SeedPosition ? StepperScreen.Forward
        : Position == SeedPosition ? StepperScreen.Seed
        : Position < Count - 1 ? StepperScreen.Backward
        : StepperScreen.Gradient;

    /// <summary>The forward step shown (or, on backward screens, null).</summary>
    public ForwardStep? CurrentForward => Screen == StepperScreen.Forward ? trace.Forward[Position - 1] : null;

    /// <summary>The backward contribution shown, or null.</summary>
    public BackwardStep? CurrentBackward => Screen == StepperScreen.Backward ? trace.Backward[BackwardPosition] : null;

    int BackwardPosition => Position - SeedPosition - 1;

    /// <summary>Moves as <paramref name="key"/> asks; false when it could not (already at that end).</summary>
    public bool Apply(StepperKey key) => key switch
    {
        StepperKey.Next => MoveTo(Position + 1),
        StepperKey.Previous => MoveTo(Position - 1),
        StepperKey.Backward => MoveTo(SeedPosition),
        StepperKey.First => MoveTo(0),
        StepperKey.Last => MoveTo(Count - 1),
        _ => false,
    };

    bool MoveTo(int position)
    {
        position = Math.Clamp(position, 0, Count - 1);
        if (position == Position) return false;
        Position = position;
        return true;
    }

    /// <summary>The current screen as lines, cut to <paramref name="width"/> columns and about <paramref name="height"/> rows.</summary>
    public IReadOnlyList<StepperLine> Render(int width = 100, int height = 40)
    {
        width = Math.Max(width, 20);
        height = Math.Max(height, 12);
        var top = new List<StepperLine>();
        var detail = new List<StepperLine>();

        string where = Screen switch
        {
            StepperScreen.Start => "start",
            StepperScreen.Forward => $"forward {Position} of {trace.Forward.Count}",
            StepperScreen.Seed => "backward: seed",
            StepperScreen.Backward => $"backward {Position - SeedPosition} of {trace.Backward.Count}",
            _ => "gradient",
        };
        top.Add(new($"Tutor step-through · {n.Call()} · {trace.Precision} · {where}", StepperStyle.Title));
        top.Add(new(new string('─', Math.Min(width, 72)), StepperStyle.Dim));

        switch (Screen)
        {
            case StepperScreen.Start: StartDetail(detail); break;
            case StepperScreen.Forward: ForwardDetail(detail, CurrentForward!); break;
            case StepperScreen.Seed: SeedDetail(detail); break;
            case StepperScreen.Backward: BackwardDetail(detail, CurrentBackward!); break;
            default: GradientDetail(detail); break;
        }

        var footer = new List<StepperLine>
        {
            new(new string('─', Math.Min(width, 72)), StepperStyle.Dim),
            new("→/n/space next   ←/p previous   b jump to backward   f start   End gradient   q quit", StepperStyle.Help),
        };

        var graph = Graph(out int focus);
        int room = Math.Max(3, height - top.Count - detail.Count - footer.Count - 3);
        var lines = new List<StepperLine>(top)
        {
            new(Screen is StepperScreen.Start or StepperScreen.Forward ? "Graph so far" : "Graph with the adjoints so far (v̄ = ∂f/∂v)", StepperStyle.Heading),
        };
        lines.AddRange(Window(graph, focus, room));
        lines.Add(new(""));
        lines.AddRange(detail);
        lines.AddRange(footer);
        return lines.Select(l => new StepperLine(Cut(l.Text, width), l.Style)).ToList();
    }

    /// <summary>The rows of the graph: inputs, then the forward steps, each with value (and adjoint once backward began).</summary>
    List<StepperLine> Graph(out int focus)
    {
        var rows = new List<StepperLine>();
        focus = 0;
        bool backward = Screen is StepperScreen.Seed or StepperScreen.Backward or StepperScreen.Gradient;
        var adjoints = backward ? AdjointsSoFar() : null;
        var current = CurrentForward;
        var contribution = CurrentBackward;
        int reached = Screen switch
        {
            StepperScreen.Start => 0,
            StepperScreen.Forward => current!.Index + 1,
            _ => trace.Forward.Count,
        };

        var labels = new List<(string Name, string Text)>();
        foreach (var input in trace.Inputs)
            labels.Add((input.Name, $"{n.Pretty(input.Name)} = {n.Num(input.Value)}" + (input.IsDifferentiable ? "   (input)" : "   (input, not differentiated)")));
        for (int i = 0; i < reached; i++)
        {
            var s = trace.Forward[i];
            labels.Add((s.Name, $"{n.Pretty(s.Name)} = {n.Expression(s.Expression)} = {n.Num(s.Value)}"));
        }
        int width = labels.Count == 0 ? 0 : labels.Max(l => DisplayWidth(l.Text));

        foreach (var (name, text) in labels)
        {
            var style = StepperStyle.Normal;
            string marker = "  ", note = "";
            if (current is not null && name == current.Name) { style = StepperStyle.Current; marker = "▶ "; note = "   ← this step"; }
            if (adjoints is not null)
            {
                string adj = adjoints.TryGetValue(name, out var a) ? n.Num(a) : "0";
                note = $"   {n.Bar(name)} = {adj}";
                if (contribution is not null && name == contribution.Target) { style = StepperStyle.Current; marker = "▶ "; note += "   ← receives += this step"; }
                else if (contribution is not null && name == contribution.Source) { style = StepperStyle.Related; marker = "· "; note += "   → passes its adjoint back"; }
                else if (Screen == StepperScreen.Seed && trace.Forward.Count > 0 && name == trace.Forward[^1].Name) { style = StepperStyle.Current; marker = "▶ "; note += "   ← seed"; }
            }
            if (style == StepperStyle.Current) focus = rows.Count;
            rows.Add(new(marker + text + new string(' ', width - DisplayWidth(text)) + note, style));
        }
        if (reached < trace.Forward.Count)
        {
            int left = trace.Forward.Count - reached;
            rows.Add(new($"  … {left} more step{(left == 1 ? "" : "s")} not computed yet", StepperStyle.Dim));
        }
        return rows;
    }

    /// <summary>The adjoint of each variable after the contributions up to and including the current one (the output's is the seed, 1).</summary>
    Dictionary<string, double> AdjointsSoFar()
    {
        var adjoints = new Dictionary<string, double>(StringComparer.Ordinal);
        if (trace.Forward.Count > 0) adjoints[trace.Forward[^1].Name] = 1;
        int done = Screen switch
        {
            StepperScreen.Backward => BackwardPosition + 1,
            StepperScreen.Gradient => trace.Backward.Count,
            _ => 0,
        };
        for (int i = 0; i < done; i++) adjoints[trace.Backward[i].Target] = trace.Backward[i].TargetAdjoint;
        return adjoints;
    }

    void StartDetail(List<StepperLine> d)
    {
        d.Add(new($"{trace.Function}: {trace.Forward.Count} forward steps, {trace.Backward.Count} backward contributions.", StepperStyle.Heading));
        d.Add(new("The forward pass computes one operation per step and keeps every value;"));
        d.Add(new("the backward pass walks the steps in reverse: v̄ += w̄ · ∂w/∂v, one contribution per line."));
        d.Add(new("Press → to run the first step."));
    }

    void ForwardDetail(List<StepperLine> d, ForwardStep s)
    {
        d.Add(new($"Forward step {s.Index + 1} of {trace.Forward.Count}: {n.Pretty(s.Name)} = {n.Expression(s.Expression)}    (operation {s.Op})", StepperStyle.Heading));
        foreach (var branch in trace.Branches.Where(b => b.AfterStep == s.Index))
            d.Add(new($"  branch before this step: if ({branch.Condition}) → {(branch.Taken ? "true" : "false")}"));
        var inputs = new List<string>();
        for (int k = 0; k < s.Operands.Count; k++)
        {
            var operand = s.Operands[k];
            double? value = ValueOf(operand);
            inputs.Add(value is double v ? $"{n.Pretty(operand)} = {n.Num(v)}" : $"{operand} (constant)");
        }
        d.Add(new("  inputs:             " + (inputs.Count == 0 ? "—" : string.Join(",  ", inputs))));
        d.Add(new($"  value:              {n.Pretty(s.Name)} = {n.Num(s.Value)}"));
        d.Add(new("  local derivatives:  " + n.LocalDerivatives(s) + "   (kept for the backward pass)"));
    }

    void SeedDetail(List<StepperLine> d)
    {
        d.Add(new("The backward pass starts: every adjoint is 0, except the output's.", StepperStyle.Heading));
        if (trace.Forward.Count > 0)
            d.Add(new($"  seed:   {n.Bar(trace.Forward[^1].Name)} = ∂f/∂f = 1   (f = {n.Pretty(trace.Forward[^1].Name)} = {n.Num(trace.Value)})"));
        d.Add(new("  Each next step passes an adjoint back through one operand: target̄ += sourcē · ∂source/∂target."));
    }

    void BackwardDetail(List<StepperLine> d, BackwardStep b)
    {
        d.Add(new($"Backward step {BackwardPosition + 1} of {trace.Backward.Count}: {n.Update(b)}    (rule {b.Rule})", StepperStyle.Heading));
        var source = trace.Forward.FirstOrDefault(f => f.Name == b.Source);
        if (source is not null)
            d.Add(new($"  through:               {n.Pretty(source.Name)} = {n.Expression(source.Expression)}"));
        double before = 0;   // adjoints start at 0; the last earlier contribution to the same target says where it stands
        for (int i = BackwardPosition - 1; i >= 0; i--)
            if (trace.Backward[i].Target == b.Target) { before = trace.Backward[i].TargetAdjoint; break; }
        d.Add(new($"  adjoint flowing in:    {n.Bar(b.Source)} = {n.Num(b.SourceAdjoint)}"));
        d.Add(new($"  local derivative:      ∂{n.Pretty(b.Source)}/∂{n.Pretty(b.Target)} = {n.Num(b.LocalDerivative)}"));
        d.Add(new($"  contribution:          {n.Num(b.SourceAdjoint)} · {n.Num(b.LocalDerivative)} = {n.Num(b.Contribution)}"));
        d.Add(new($"  +=                     {n.Bar(b.Target)}: {n.Num(before)} → {n.Num(b.TargetAdjoint)}"));
    }

    void GradientDetail(List<StepperLine> d)
    {
        d.Add(new($"Done: f = {n.Num(trace.Value)}, and the gradient is the inputs' adjoints.", StepperStyle.Heading));
        foreach (var input in trace.Inputs)
            d.Add(new(input.Gradient is double g
                ? $"  ∂f/∂{n.Pretty(input.Name)} = {n.Bar(input.Name)} = {n.Num(g)}"
                : $"  {n.Pretty(input.Name)}: not differentiated"));
    }

    double? ValueOf(string name)
    {
        foreach (var input in trace.Inputs) if (input.Name == name) return input.Value;
        foreach (var step in trace.Forward) if (step.Name == name) return step.Value;
        return null;
    }

    static IEnumerable<StepperLine> Window(List<StepperLine> rows, int focus, int room)
    {
        if (rows.Count <= room) return rows;
        int start = Math.Clamp(focus - room / 2, 0, rows.Count - room);
        var window = rows.GetRange(start, room);
        if (start > 0) window[0] = new($"  … {start + 1} rows above", StepperStyle.Dim);
        if (start + room < rows.Count) window[^1] = new($"  … {rows.Count - start - room + 1} rows below", StepperStyle.Dim);
        return window;
    }

    static string Cut(string text, int width)
    {
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= width) return text;
        return info.SubstringByTextElements(0, width - 1) + "…";
    }

    static int DisplayWidth(string s) => new StringInfo(s).LengthInTextElements;
}
