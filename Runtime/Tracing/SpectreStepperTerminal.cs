using System.Text;
using Spectre.Console;

namespace Tutor;

/// <summary>
/// The stepper on a Spectre.Console <see cref="IAnsiConsole"/> (<see cref="AnsiConsole.Console"/> by default): the
/// alternate screen, colours as the terminal supports them (none when <c>NO_COLOR</c> is set), keys read without echo,
/// Ctrl+C read as quit, and the terminal restored on the way out. Tests pass Spectre.Console.Testing's
/// <c>TestConsole</c> with the keys pushed in advance.
/// </summary>
public sealed class SpectreStepperTerminal : IStepperTerminal
{
    const string Esc = "\u001b[";
    readonly IAnsiConsole console;
    readonly bool systemConsole;
    bool treatedControlC;
    Encoding? encoding;

    /// <summary>The stepper on the process's console.</summary>
    public SpectreStepperTerminal() : this(AnsiConsole.Console, systemConsole: true) { }

    /// <summary>The stepper on <paramref name="console"/> (a test console, or a console you configured).</summary>
    public SpectreStepperTerminal(IAnsiConsole console) : this(console, systemConsole: false) { }

    SpectreStepperTerminal(IAnsiConsole console, bool systemConsole)
    {
        ArgumentNullException.ThrowIfNull(console);
        this.console = console;
        this.systemConsole = systemConsole;
    }

    /// <summary>
    /// For a console you pass in: its profile says it is interactive. For the process's console: also neither standard
    /// input nor output redirected, <c>TERM</c> not <c>dumb</c> and the <c>CI</c> environment variable unset or false.
    /// </summary>
    public bool IsInteractive
    {
        get
        {
            if (!console.Profile.Capabilities.Interactive) return false;
            if (!systemConsole) return true;
            if (!console.Profile.Out.IsTerminal || Console.IsInputRedirected || Console.IsOutputRedirected) return false;
            if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)) return false;
            var ci = Environment.GetEnvironmentVariable("CI");
            return string.IsNullOrEmpty(ci) || string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase) || ci == "0";
        }
    }

    /// <inheritdoc />
    public int Width => console.Profile.Width > 0 ? console.Profile.Width : 100;

    /// <inheritdoc />
    public int Height => console.Profile.Height > 0 ? console.Profile.Height : 40;

    /// <inheritdoc />
    public void Begin()
    {
        if (systemConsole)
        {
            encoding = Console.OutputEncoding;
            if (encoding.CodePage != Encoding.UTF8.CodePage) Console.OutputEncoding = Encoding.UTF8;
            treatedControlC = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
        }
        Control(Esc + "?1049h" + Esc + "?25l");   // alternate screen, hide the cursor
    }

    /// <inheritdoc />
    public void Show(IReadOnlyList<StepperLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Control(Esc + "H");
        foreach (var line in lines)
        {
            console.Write(new Text(line.Text, StyleOf(line.Style)) { Overflow = Overflow.Crop });
            Control(Esc + "K");
            console.WriteLine();
        }
        Control(Esc + "J");
    }

    static Style StyleOf(StepperStyle style) => style switch
    {
        StepperStyle.Title => new Style(Color.Aqua, decoration: Decoration.Bold),
        StepperStyle.Heading => new Style(decoration: Decoration.Bold),
        StepperStyle.Current => new Style(Color.Yellow, decoration: Decoration.Bold),
        StepperStyle.Related => new Style(Color.Green),
        StepperStyle.Dim or StepperStyle.Help => new Style(decoration: Decoration.Dim),
        _ => Style.Plain,
    };

    /// <inheritdoc />
    public StepperKey ReadKey()
    {
        ConsoleKeyInfo? read;
        try { read = console.Input.ReadKey(intercept: true); }
        catch (InvalidOperationException) { return StepperKey.EndOfInput; }
        if (read is not { } key) return StepperKey.EndOfInput;
        if (key.Key == ConsoleKey.C && key.Modifiers.HasFlag(ConsoleModifiers.Control)) return StepperKey.Quit;
        return key.Key switch
        {
            ConsoleKey.RightArrow or ConsoleKey.DownArrow or ConsoleKey.Spacebar or ConsoleKey.Enter or ConsoleKey.N or ConsoleKey.J
                or ConsoleKey.PageDown => StepperKey.Next,
            ConsoleKey.LeftArrow or ConsoleKey.UpArrow or ConsoleKey.Backspace or ConsoleKey.P or ConsoleKey.K
                or ConsoleKey.PageUp => StepperKey.Previous,
            ConsoleKey.B => StepperKey.Backward,
            ConsoleKey.F or ConsoleKey.Home => StepperKey.First,
            ConsoleKey.End or ConsoleKey.G => StepperKey.Last,
            ConsoleKey.Q or ConsoleKey.Escape => StepperKey.Quit,
            _ => StepperKey.None,
        };
    }

    /// <inheritdoc />
    public void End()
    {
        Control(Esc + "0m" + Esc + "?25h" + Esc + "?1049l");   // plain text, cursor back, main screen back
        if (!systemConsole) return;
        Console.TreatControlCAsInput = treatedControlC;
        if (encoding is not null && encoding.CodePage != Console.OutputEncoding.CodePage) Console.OutputEncoding = encoding;
    }

    /// <summary>Writes <paramref name="text"/> as it is (no wrapping, no markup): the whole trace when there is no terminal.</summary>
    public void WriteAll(string text)
    {
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
    }

    void Control(string sequence)
    {
        if (console.Profile.Capabilities.Ansi) console.Write(new ControlCode(sequence));
    }
}
