using System.Diagnostics;

namespace Tutor.Lessons.Tests;

/// <summary>
/// Debian's Chromium, run headless on a file:// page: its DOM after the scripts ran (<c>--dump-dom</c>), or a PNG.
/// <c>.ci/run</c> installs it (package <c>chromium</c>); elsewhere set <c>TUTOR_CHROMIUM</c> to a Chrome or Chromium binary.
/// </summary>
static class HeadlessChromium
{
    const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The browser binary, or null when there is none.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>On CI (<c>CI=true</c>) the browser must be there: <c>.ci/run</c> installs it, so a missing one is a failure, not a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string MissingReason =
        "Chromium is not installed (neither $TUTOR_CHROMIUM nor /usr/bin/chromium exists): install Debian's 'chromium' " +
        "package (.ci/run does) to check that the HTML reports render in a browser.";

    /// <summary>Virtual time the page gets before the DOM is dumped or the screenshot taken; rendering takes well under it.</summary>
    const int VirtualTimeBudgetMs = 30_000;

    static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("TUTOR_CHROMIUM");
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        return File.Exists(DefaultPath) ? DefaultPath : null;
    }

    /// <summary>The serialized DOM of <paramref name="page"/> once its scripts have run.</summary>
    public static string DumpDom(string page, string scratch) =>
        Run(scratch, "--dump-dom", $"--virtual-time-budget={VirtualTimeBudgetMs}", new Uri(page).AbsoluteUri).Stdout;

    /// <summary>A screenshot of <paramref name="page"/> in a <paramref name="width"/>×<paramref name="height"/> window (the flag captures the window, not the whole page).</summary>
    public static void Screenshot(string page, string png, string scratch, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(png))!);
        Run(scratch, $"--screenshot={Path.GetFullPath(png)}", $"--window-size={width},{height}", "--hide-scrollbars",
            $"--virtual-time-budget={VirtualTimeBudgetMs}", new Uri(page).AbsoluteUri);
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot to {png}.");
    }

    static (string Stdout, string Stderr) Run(string scratch, params string[] arguments)
    {
        var executable = Executable ?? throw new InvalidOperationException(MissingReason);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The flags known to work as root on a machine with a closed network; a fresh profile every run.
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(scratch, "chromium-profile-" + Guid.NewGuid().ToString("N")),
        ];
        foreach (var a in flags.Concat(arguments)) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within 120 s: {string.Join(' ', arguments)}");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {Tail(stderr.Result)}");
        return (stdout.Result, stderr.Result);
    }

    static string Tail(string s) => s.Length <= 2000 ? s : "…" + s[^2000..];
}

/// <summary>A fact that needs Chromium: skipped, with the reason, where there is none (a developer machine), but run and failed on CI.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null && !HeadlessChromium.Required)
            Skip = HeadlessChromium.MissingReason;
    }
}
