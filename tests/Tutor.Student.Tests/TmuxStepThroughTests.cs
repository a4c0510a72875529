using System.Diagnostics;

namespace Tutor.Student.Tests;

/// <summary>Skips when tmux is not installed (the stepper itself is tested without it in <see cref="StepperTests"/>).</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Skip = "tmux runs on Linux and macOS only";
        else if (!Run.OnPath("tmux")) Skip = "tmux is not installed (apt-get install tmux)";
    }
}

/// <summary>
/// <c>tutor step formula-gradient</c> in a real terminal: a detached tmux session on a private server, keys sent with
/// <c>send-keys</c>, the screen read with <c>capture-pane</c>. Takes about two seconds.
/// </summary>
[Collection(ExternalProcesses.Name)]
public sealed class TmuxStepThroughTests : IDisposable
{
    readonly string socket = "tutor-test-" + Guid.NewGuid().ToString("N")[..8];
    const string Session = "step";

    ProcessResult Tmux(params string[] args) =>
        Run.Program("tmux", ["-L", socket, .. args], AppContext.BaseDirectory, timeout: TimeSpan.FromSeconds(20));

    string Screen() => Tmux("capture-pane", "-p", "-t", Session).Output;

    /// <summary>
    /// Polls the pane until it shows every one of <paramref name="texts"/> (a screen is drawn line by line, so a
    /// capture can catch it half drawn); fails with the last screen after 30 s.
    /// </summary>
    string WaitFor(params string[] texts)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            screen = Screen();
            if (texts.All(t => screen.Contains(t, StringComparison.Ordinal))) return screen;
            Thread.Sleep(100);
        }
        Assert.Fail($"The pane never showed all of: {string.Join(" | ", texts)}. Last screen:\n{screen}");
        return screen;
    }

    [TmuxFact]
    public void Tutor_step_walks_forward_and_backward_in_a_real_terminal_and_restores_the_screen_on_quit()
    {
        var tutor = Path.Combine(AppContext.BaseDirectory, "tutor.dll");
        Assert.True(File.Exists(tutor), tutor);
        var command = $"env -u CI dotnet '{tutor}' step formula-gradient; echo \"tutor exited with $?\"; sleep 60";
        var started = Tmux("new-session", "-d", "-s", Session, "-x", "120", "-y", "45", command);
        Assert.True(started.ExitCode == 0, started.ToString());

        WaitFor("Tutor step-through · F(x = 3, y = 4) · float64 · start", "Press → to run the first step.", "→/n/space next");

        Tmux("send-keys", "-t", Session, "Right", "Right", "Right");
        WaitFor("forward 3 of 7", "▶ t₃ = ln(x) = 1.0986122886681098", "… 4 more steps not computed yet",
            "local derivatives:  ∂t₃/∂x = 0.3333333333333333");

        Tmux("send-keys", "-t", Session, "Left");
        WaitFor("forward 2 of 7", "▶ t₂ = x + t₁ = 57.598150033144236");

        Tmux("send-keys", "-t", Session, "b", "n");
        WaitFor("backward 1 of 11", "Backward step 1 of 11: t̄₂ += t̄₇ · ∂t₇/∂t₂", "adjoint flowing in:    t̄₇ = 1");

        Tmux("send-keys", "-t", Session, "End");
        WaitFor("· gradient", "∂f/∂x = x̄ = -19733.40743108211", "∂f/∂y = ȳ = 18322.858108624616");

        Tmux("send-keys", "-t", Session, "q");
        var after = WaitFor("tutor exited with 0");
        Assert.DoesNotContain("Tutor step-through", after, StringComparison.Ordinal);   // the alternate screen is gone
    }

    public void Dispose() => Tmux("kill-server");
}
