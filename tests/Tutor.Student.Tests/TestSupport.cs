using System.Diagnostics;
using System.Text;

namespace Tutor.Student.Tests;

/// <summary>The repository around the test binaries.</summary>
static class Repo
{
    /// <summary>The folder with Tutor.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tutor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tutor.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The <c>Version</c> in pack/Version.props.</summary>
    public static string PackageVersion
    {
        get
        {
            var doc = System.Xml.Linq.XDocument.Load(PathOf("pack", "Version.props"));
            return doc.Descendants("Version").Single().Value.Trim();
        }
    }
}

/// <summary>A folder under the system temp folder, deleted on dispose.</summary>
sealed class TempDirectory : IDisposable
{
    public TempDirectory(string prefix)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The result of a finished process.</summary>
sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    public override string ToString() => $"`{Command}` exited with {ExitCode}:\n{Output}";
}

/// <summary>Runs a program to completion, with stdout and stderr captured together, and a time limit.</summary>
static class Run
{
    public static ProcessResult Program(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
            if (value is null) start.Environment.Remove(key); else start.Environment[key] = value;

        var output = new StringBuilder();
        // A null line means the stream reached its end; WaitForExit(timeout) does not wait for that, so we do.
        using var outputClosed = new ManualResetEventSlim();
        using var errorClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is null) outputClosed.Set(); else lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is null) errorClosed.Set(); else lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        string command = fileName + " " + string.Join(' ', arguments);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            lock (output) return new ProcessResult(command, -1, output + $"\n(killed after {limit.TotalSeconds} s)");
        }
        // Drain what is left. A grandchild that inherited the pipes (a build server) could hold them open: bounded wait.
        outputClosed.Wait(TimeSpan.FromSeconds(30));
        errorClosed.Wait(TimeSpan.FromSeconds(30));
        lock (output) return new ProcessResult(command, process.ExitCode, output.ToString());
    }

    /// <summary>True when <paramref name="program"/> is on the PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(System.IO.Path.Combine(dir, program)));
}

/// <summary>A terminal the test scripts: keys from a queue, every screen recorded.</summary>
sealed class ScriptedTerminal(params StepperKey[] keys) : IStepperTerminal
{
    readonly Queue<StepperKey> keys = new(keys);

    public bool IsInteractive { get; init; } = true;
    public int Width { get; init; } = 120;
    public int Height { get; init; } = 50;
    public List<IReadOnlyList<StepperLine>> Screens { get; } = [];
    public StringBuilder Written { get; } = new();
    public int Begins { get; private set; }
    public int Ends { get; private set; }

    public string LastScreen => string.Join('\n', Screens[^1].Select(l => l.Text));

    public void Begin() => Begins++;
    public void End() => Ends++;
    public void Show(IReadOnlyList<StepperLine> lines) => Screens.Add(lines);
    public StepperKey ReadKey() => keys.Count > 0 ? keys.Dequeue() : StepperKey.EndOfInput;
    public void WriteAll(string text) => Written.Append(text);
}

/// <summary>Tests that start other programs (tmux, dotnet pack/build) run one at a time, so timings stay sane on small machines.</summary>
[CollectionDefinition(Name)]
public sealed class ExternalProcesses
{
    public const string Name = "External processes";
}
