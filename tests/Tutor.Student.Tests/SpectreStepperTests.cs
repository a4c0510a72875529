using Spectre.Console;
using Spectre.Console.Testing;

namespace Tutor.Student.Tests;

/// <summary>The stepper on Spectre.Console, driven by Spectre.Console.Testing's TestConsole with the keys pushed first.</summary>
public sealed class SpectreStepperTests
{
    static TestConsole Terminal(params ConsoleKey[] keys)
    {
        var console = new TestConsole().Interactive().EmitAnsiSequences().Width(100).Height(40);
        console.Profile.Capabilities.ColorSystem = ColorSystem.Standard;
        foreach (var key in keys) console.Input.PushKey(key);
        return console;
    }

    [Fact]
    public void Keys_walk_forward_then_jump_to_the_backward_pass_and_quit_restoring_the_terminal()
    {
        var trace = Functions.FirstTrace(2, 3);
        // → (t₁ = x*y), b (the seed), → (the first += contribution), q
        var console = Terminal(ConsoleKey.RightArrow, ConsoleKey.B, ConsoleKey.RightArrow, ConsoleKey.Q);
        var terminal = new SpectreStepperTerminal(console);
        Assert.True(terminal.IsInteractive);

        trace.StepThrough(terminal);

        var output = console.Output;
        Assert.StartsWith("\u001b[?1049h\u001b[?25l", output, StringComparison.Ordinal);                 // alternate screen, no cursor
        Assert.EndsWith("\u001b[0m\u001b[?25h\u001b[?1049l", output, StringComparison.Ordinal);          // and back
        Assert.Contains("Forward step 1 of 3: t₁ = x * y", output, StringComparison.Ordinal);
        Assert.Contains("value:              t₁ = 6", output, StringComparison.Ordinal);
        Assert.Contains("+=", output, StringComparison.Ordinal);                                          // a contribution
        Assert.Equal(4, CountOf(output, "\u001b[H"));                                                    // one screen per key
        Assert.Contains("\u001b[1;", output, StringComparison.Ordinal);                                   // styled (bold) lines
    }

    [Fact]
    public void The_screens_match_the_stepper_view_line_for_line()
    {
        var trace = Functions.FirstTrace(2, 3);
        var console = Terminal(ConsoleKey.End, ConsoleKey.Escape);
        console.Profile.Capabilities.Ansi = false;   // no control codes: only the text of the screens
        trace.StepThrough(new SpectreStepperTerminal(console));

        var stepper = new TraceStepper(trace);
        string first = string.Join('\n', stepper.Render(100, 40).Select(l => l.Text.TrimEnd()));
        stepper.Apply(StepperKey.Last);
        string last = string.Join('\n', stepper.Render(100, 40).Select(l => l.Text.TrimEnd()));
        var lines = string.Join('\n', console.Output.Split('\n').Select(l => l.TrimEnd()));
        Assert.Equal(first + "\n" + last + "\n", lines);
    }

    [Fact]
    public void Ctrl_C_quits_and_running_out_of_keys_ends()
    {
        var trace = Functions.FirstTrace(2, 3);
        var console = Terminal(ConsoleKey.RightArrow);
        console.Input.PushKey(new ConsoleKeyInfo('\u0003', ConsoleKey.C, shift: false, alt: false, control: true));
        console.Input.PushKey(ConsoleKey.RightArrow);   // never read
        trace.StepThrough(new SpectreStepperTerminal(console));
        Assert.Equal(2, CountOf(console.Output, "\u001b[H"));
    }

    [Fact]
    public void A_console_that_is_not_interactive_gets_the_whole_trace()
    {
        var trace = Functions.FirstTrace(2, 3);
        var console = new TestConsole();   // not interactive
        var terminal = new SpectreStepperTerminal(console);
        Assert.False(terminal.IsInteractive);
        trace.StepThrough(terminal);
        Assert.Contains("Not an interactive terminal", console.Output, StringComparison.Ordinal);
        Assert.EndsWith(trace.ToText(), console.Output, StringComparison.Ordinal);
    }

    static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
