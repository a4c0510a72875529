using System.Text;

namespace Tutor.Lessons.Reports;

/// <summary>Column alignment in a GitHub table.</summary>
public enum Align { Left, Right, Center }

/// <summary>
/// Builds a Markdown document (CommonMark + GitHub tables + <c>$…$</c> math + Mermaid) block by block.
/// Every block ends with a blank line, so blocks never run into each other.
/// </summary>
public sealed class MarkdownWriter
{
    readonly StringBuilder text = new();

    /// <summary>A heading; <paramref name="level"/> 1 is the title.</summary>
    public MarkdownWriter Heading(int level, string title)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 6);
        return Block(new string('#', level) + " " + OneLine(title));
    }

    /// <summary>A paragraph of Markdown text (inline math, code and emphasis allowed).</summary>
    public MarkdownWriter Paragraph(string markdown) => Block(markdown.Trim());

    /// <summary>A display equation: <c>$$</c> on its own lines around the LaTeX.</summary>
    public MarkdownWriter DisplayMath(string latex) => Block("$$\n" + latex.Trim() + "\n$$");

    /// <summary>Inline math, <c>$latex$</c>; no space may follow the opening or precede the closing <c>$</c>.</summary>
    public static string InlineMath(string latex) => "$" + latex.Trim() + "$";

    /// <summary>Inline code, fenced with more backticks than the code contains.</summary>
    public static string Code(string code)
    {
        var fence = new string('`', LongestRun(code, '`') + 1);
        var pad = code.StartsWith('`') || code.EndsWith('`') ? " " : "";
        return fence + pad + code + pad + fence;
    }

    /// <summary>A bulleted list, one item per entry.</summary>
    public MarkdownWriter Bullets(IEnumerable<string> items) => Block(string.Join("\n", items.Select(i => "- " + OneLine(i))));

    /// <summary>A fenced code block; the fence is longer than any backtick run in the code.</summary>
    public MarkdownWriter CodeBlock(string language, string code)
    {
        var fence = new string('`', Math.Max(3, LongestRun(code, '`') + 1));
        return Block(fence + language + "\n" + code.TrimEnd('\n', '\r') + "\n" + fence);
    }

    /// <summary>A Mermaid diagram (GitHub and the HTML report draw it).</summary>
    public MarkdownWriter Mermaid(string diagram) => CodeBlock("mermaid", diagram);

    /// <summary>A GitHub table. Cells are escaped (<see cref="Cell"/>); short rows are padded, long rows are an error.</summary>
    public MarkdownWriter Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<Align>? align = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(header.Count);
        var lines = new List<string> { Row(header), Row(header.Select((_, i) => Rule(align is not null && i < align.Count ? align[i] : Align.Left)).ToList(), escape: false) };
        foreach (var row in rows)
        {
            if (row.Count > header.Count)
                throw new ArgumentException($"A table row has {row.Count} cells but the header has {header.Count}.", nameof(rows));
            lines.Add(Row([.. row, .. Enumerable.Repeat("", header.Count - row.Count)]));
        }
        return Block(string.Join("\n", lines));
    }

    /// <summary>Markdown written as is (the caller answers for it).</summary>
    public MarkdownWriter Raw(string markdown) => Block(markdown.Trim('\n', '\r'));

    /// <summary>
    /// One table cell: line breaks become <c>&lt;br&gt;</c>; <c>|</c> becomes <c>\|</c> in text and <c>\vert</c> inside
    /// <c>$…$</c> math (an escaped pipe would reach the math renderer as <c>\|</c>, a double bar).
    /// </summary>
    public static string Cell(string content)
    {
        var s = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
        var result = new StringBuilder(s.Length + 8);
        bool inMath = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\\' && i + 1 < s.Length && (s[i + 1] == '$' || s[i + 1] == '|'))
            {
                result.Append(c).Append(s[++i]);   // already escaped: keep
                continue;
            }
            if (c == '$') inMath = !inMath;
            if (c == '|') result.Append(inMath ? "\\vert " : "\\|");
            else result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>The document so far.</summary>
    public override string ToString() => text.ToString();

    MarkdownWriter Block(string block)
    {
        text.Append(block).Append("\n\n");
        return this;
    }

    static string Row(IReadOnlyList<string> cells, bool escape = true) =>
        "| " + string.Join(" | ", cells.Select(c => escape ? Cell(c) : c)) + " |";

    static string Rule(Align align) => align switch
    {
        Align.Right => "---:",
        Align.Center => ":---:",
        _ => "---",
    };

    static string OneLine(string s) => s.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();

    static int LongestRun(string s, char c)
    {
        int best = 0, run = 0;
        foreach (var ch in s)
        {
            run = ch == c ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }
}
