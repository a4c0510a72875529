using Microsoft.CodeAnalysis.Text;

namespace Tutor.Generator.Tests.Diagnostics;

/// <summary>Source text with spans marked as [|…|]: the markers are stripped and the spans remembered.</summary>
public sealed record MarkedSource(string Text, IReadOnlyList<TextSpan> Spans)
{
    public static MarkedSource Parse(string marked)
    {
        var spans = new List<TextSpan>();
        var text = new System.Text.StringBuilder();
        int start = -1;
        for (int i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0) { start = text.Length; i++; continue; }
            if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0) { spans.Add(TextSpan.FromBounds(start, text.Length)); i++; continue; }
            text.Append(marked[i]);
        }
        return new MarkedSource(text.ToString(), spans);
    }
}
