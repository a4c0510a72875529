using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Tutor.Tensors;

/// <summary>
/// Operands of a tensor op have shapes that do not fit: the message names the op and every shape involved
/// ("MatMul: cannot multiply (3×4) by (5×2): inner dimensions 4 and 5 differ"). When the op ran inside code the
/// generator wrote for a <c>[Differentiable]</c> method, the message also names the line of the student's source
/// that the op came from (<see cref="SourceFile"/>, <see cref="SourceLine"/>).
/// </summary>
public sealed class ShapeMismatchException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="operation"/> with the message that names the shapes.</summary>
    public ShapeMismatchException(string operation, string message) : base(message) => Operation = operation;

    /// <summary>The op whose operands did not fit (e.g. <c>MatMul</c>, <c>AddRowVectorVjpRight</c>).</summary>
    public string Operation { get; }

    /// <summary>The [Differentiable] method whose generated code ran the op, or null outside generated code.</summary>
    public string? Method { get; private set; }

    /// <summary>The file of that method (its name, as the compiler saw it), or null.</summary>
    public string? SourceFile { get; private set; }

    /// <summary>The 1-based line of the student's source that the op came from; 0 when unknown.</summary>
    public int SourceLine { get; private set; }

    /// <summary>Lines it may have come from when the generated code's line is unknown (no debug symbols) and the op occurs more than once.</summary>
    public IReadOnlyList<int> CandidateLines { get; private set; } = [];

    /// <inheritdoc />
    public override string Message => Method is null
        ? base.Message
        : SourceLine > 0
            ? $"{base.Message} (in {Method}, {SourceFile} line {SourceLine})"
            : CandidateLines.Count > 0
                ? $"{base.Message} (in {Method}, {SourceFile}, one of lines {string.Join(", ", CandidateLines)})"
                : $"{base.Message} (in {Method}, {SourceFile})";

    /// <summary>
    /// Called by generated code from an exception filter (it returns false, so the exception goes on unchanged): finds
    /// the student's line of the failing op from the generated method's line in the stack trace and the table the
    /// generator wrote, <c>"Op@generatedLine:sourceLine,…"</c>. Without debug symbols it falls back to the op's name.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool Locate(string method, string file, string sites, MethodBase? generated)
    {
        if (Method is not null) return false;   // an inner generated method already said where
        Method = method;
        SourceFile = file;
        var table = Parse(sites);
        int line = GeneratedLine(generated);
        if (line > 0)
        {
            // The call on that line, or the nearest one above it (a call's sequence point may start a line early).
            var site = table.Where(s => s.Generated <= line).OrderByDescending(s => s.Generated).FirstOrDefault();
            if (site.Source > 0) SourceLine = site.Source;
        }
        if (SourceLine == 0)
        {
            var lines = table.Where(s => s.Op == Operation).Select(s => s.Source).Distinct().Order().ToArray();
            if (lines.Length == 1) SourceLine = lines[0];
            else CandidateLines = lines;
        }
        return false;
    }

    int GeneratedLine(MethodBase? generated)
    {
        if (generated is null) return 0;
        try
        {
            foreach (var frame in new StackTrace(this, fNeedFileInfo: true).GetFrames())
            {
                var method = frame.GetMethod();
                if (method is not null && method.Name == generated.Name && method.DeclaringType == generated.DeclaringType)
                    return frame.GetFileLineNumber();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            // No stack trace here (e.g. trimmed or AOT): fall back to the op's name.
        }
        return 0;
    }

    static List<(string Op, int Generated, int Source)> Parse(string sites)
    {
        var table = new List<(string, int, int)>();
        foreach (var entry in sites.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int at = entry.IndexOf('@'), colon = entry.IndexOf(':', at + 1);
            if (at <= 0 || colon < 0) continue;
            if (int.TryParse(entry.AsSpan(at + 1, colon - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int generated)
                && int.TryParse(entry.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int source))
                table.Add((entry[..at], generated, source));
        }
        return table;
    }
}
