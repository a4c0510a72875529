namespace Tutor.Student.Tests;

public sealed class StepperTests
{
    static string Text(IReadOnlyList<StepperLine> lines) => string.Join('\n', lines.Select(l => l.Text));

    [Fact]
    public void Screens_are_start_then_each_forward_step_then_the_seed_then_each_contribution_then_the_gradient()
    {
        var trace = Functions.FirstTrace(2, 3);
        var stepper = new TraceStepper(trace);
        var seen = new List<StepperScreen> { stepper.Screen };
        while (stepper.Apply(StepperKey.Next)) seen.Add(stepper.Screen);

        Assert.Equal(trace.Forward.Count + trace.Backward.Count + 3, seen.Count);
        Assert.Equal(stepper.Count, seen.Count);
        Assert.Equal(StepperScreen.Start, seen[0]);
        Assert.All(seen.Skip(1).Take(trace.Forward.Count), s => Assert.Equal(StepperScreen.Forward, s));
        Assert.Equal(StepperScreen.Seed, seen[trace.Forward.Count + 1]);
        Assert.All(seen.Skip(trace.Forward.Count + 2).Take(trace.Backward.Count), s => Assert.Equal(StepperScreen.Backward, s));
        Assert.Equal(StepperScreen.Gradient, seen[^1]);
        Assert.False(stepper.Apply(StepperKey.Next));   // stays on the last screen
    }

    [Fact]
    public void Previous_backward_first_and_last_move_where_they_say()
    {
        var stepper = new TraceStepper(Functions.FirstTrace(2, 3));
        Assert.False(stepper.Apply(StepperKey.Previous));
        stepper.Apply(StepperKey.Next);
        stepper.Apply(StepperKey.Next);
        Assert.Equal(2, stepper.Position);
        stepper.Apply(StepperKey.Previous);
        Assert.Equal(1, stepper.Position);
        stepper.Apply(StepperKey.Backward);
        Assert.Equal(StepperScreen.Seed, stepper.Screen);
        stepper.Apply(StepperKey.Next);
        Assert.Equal(StepperScreen.Backward, stepper.Screen);
        Assert.Equal(0, stepper.CurrentBackward!.Index);
        stepper.Apply(StepperKey.Last);
        Assert.Equal(StepperScreen.Gradient, stepper.Screen);
        stepper.Apply(StepperKey.First);
        Assert.Equal(0, stepper.Position);
    }

    [Fact]
    public void A_forward_screen_shows_the_graph_so_far_the_operation_its_inputs_and_its_value()
    {
        var stepper = new TraceStepper(Functions.FirstTrace(2, 3));
        stepper.Apply(StepperKey.Next);   // t₁ = x * y
        var text = Text(stepper.Render());

        Assert.Contains("forward 1 of 3", text, StringComparison.Ordinal);
        Assert.Contains("▶ t₁ = x * y = 6", text, StringComparison.Ordinal);
        Assert.Contains("Forward step 1 of 3: t₁ = x * y    (operation Mul)", text, StringComparison.Ordinal);
        Assert.Contains("inputs:             x = 2,  y = 3", text, StringComparison.Ordinal);
        Assert.Contains("value:              t₁ = 6", text, StringComparison.Ordinal);
        Assert.Contains("∂t₁/∂x = 3, ∂t₁/∂y = 2", text, StringComparison.Ordinal);
        Assert.Contains("2 more steps not computed yet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sin(x)", text, StringComparison.Ordinal);   // not computed yet
    }

    [Fact]
    public void A_backward_screen_shows_the_adjoint_flowing_in_the_local_derivative_and_the_contribution_added()
    {
        var trace = Functions.BranchyTrace(2);
        var stepper = new TraceStepper(trace);
        stepper.Apply(StepperKey.Backward);
        // Walk to the second contribution to x̄: its "before" must be the first one's "after", not 0.
        var toX = trace.Backward.Where(b => b.Target == "x").ToList();
        while (stepper.CurrentBackward != toX[1]) Assert.True(stepper.Apply(StepperKey.Next));
        var text = Text(stepper.Render());
        var b = toX[1];

        Assert.Contains($"Backward step {b.Index + 1} of {trace.Backward.Count}: x̄ += {Bar(b.Source)} · ∂{Pretty(b.Source)}/∂x", text, StringComparison.Ordinal);
        Assert.Contains($"adjoint flowing in:    {Bar(b.Source)} = {b.SourceAdjoint:R}", text, StringComparison.Ordinal);
        Assert.Contains($"local derivative:      ∂{Pretty(b.Source)}/∂x = {b.LocalDerivative:R}", text, StringComparison.Ordinal);
        Assert.Contains($"contribution:          {b.SourceAdjoint:R} · {b.LocalDerivative:R} = {b.Contribution:R}", text, StringComparison.Ordinal);
        Assert.Contains($"x̄: {toX[0].TargetAdjoint:R} → {b.TargetAdjoint:R}", text, StringComparison.Ordinal);
        Assert.Contains("← receives += this step", text, StringComparison.Ordinal);
        Assert.Contains("→ passes its adjoint back", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_gradient_screen_matches_the_generated_gradient()
    {
        var stepper = new TraceStepper(Functions.FirstTrace(2, 3));
        stepper.Apply(StepperKey.Last);
        var text = Text(stepper.Render());
        var (_, dx, dy) = Functions.FirstGradient(2, 3);
        Assert.Contains($"∂f/∂x = x̄ = {dx:R}", text, StringComparison.Ordinal);
        Assert.Contains($"∂f/∂y = ȳ = {dy:R}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_fit_the_width_and_a_long_graph_is_windowed_around_the_current_step()
    {
        var b = new TraceBuilder("Long", "float64");
        b.Input("x", 1, true);
        string previous = "x";
        for (int i = 1; i <= 60; i++)
        {
            b.Forward("t" + i, "Add", $"{previous} + 1", [previous, "1"], i + 1);
            previous = "t" + i;
        }
        b.Seed(previous);
        var stepper = new TraceStepper(b.Build(61));
        for (int i = 0; i < 40; i++) stepper.Apply(StepperKey.Next);
        var lines = stepper.Render(width: 40, height: 24);

        Assert.All(lines, l => Assert.True(new System.Globalization.StringInfo(l.Text).LengthInTextElements <= 40, l.Text));
        Assert.True(lines.Count <= 24, $"{lines.Count} lines");
        Assert.Contains(lines, l => l.Style == StepperStyle.Current && l.Text.StartsWith("▶ t₄₀ =", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("rows above", StringComparison.Ordinal));
    }

    [Fact]
    public void StepThrough_draws_a_screen_per_key_until_quit_and_restores_the_terminal()
    {
        var terminal = new ScriptedTerminal(StepperKey.Next, StepperKey.Next, StepperKey.Backward, StepperKey.Next, StepperKey.Quit, StepperKey.Next);
        Functions.FirstTrace(2, 3).StepThrough(terminal);

        Assert.Equal(5, terminal.Screens.Count);
        Assert.Equal(1, terminal.Begins);
        Assert.Equal(1, terminal.Ends);
        Assert.Contains("backward 1 of", terminal.LastScreen, StringComparison.Ordinal);
        Assert.Equal("", terminal.Written.ToString());
    }

    [Fact]
    public void StepThrough_ends_when_the_input_ends()
    {
        var terminal = new ScriptedTerminal(StepperKey.Next);
        Functions.FirstTrace(2, 3).StepThrough(terminal);
        Assert.Equal(2, terminal.Screens.Count);
        Assert.Equal(1, terminal.Ends);
    }

    [Fact]
    public void Without_a_terminal_StepThrough_prints_the_whole_trace()
    {
        var trace = Functions.FirstTrace(2, 3);
        var terminal = new ScriptedTerminal(StepperKey.Next) { IsInteractive = false };
        trace.StepThrough(terminal);

        Assert.Empty(terminal.Screens);
        Assert.Equal(0, terminal.Begins);
        var written = terminal.Written.ToString();
        Assert.Contains("Not an interactive terminal", written, StringComparison.Ordinal);
        Assert.EndsWith(trace.ToText(), written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_terminal_is_not_interactive_when_output_is_redirected()
    {
        // The test host redirects the console; the student's `dotnet run > out.txt` is the same case.
        Assert.True(Console.IsOutputRedirected || Console.IsInputRedirected);
        Assert.False(new SpectreStepperTerminal().IsInteractive);
    }

    static string Pretty(string name) => TraceNames.Pretty(name);
    static string Bar(string name) => TraceNames.Pretty(name + "Bar");
}
