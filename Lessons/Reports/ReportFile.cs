using System.Net;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;

namespace Tutor.Lessons.Reports;

/// <summary>
/// Writes a report as Markdown and as HTML, through one Markdig pipeline built once. The HTML reads offline:
/// it links KaTeX, Mermaid and the report's script and style by relative path from <c>assets/</c> next to it
/// (<see cref="ReportAssets"/>), so the math is typeset and the graphs drawn without a network.
/// </summary>
public static class ReportFile
{
    /// <summary>The folder, next to each HTML report, that holds the scripts, styles and fonts it links.</summary>
    public const string AssetsFolder = ReportAssets.FolderName;

    /// <summary>
    /// The pipeline every report is parsed and rendered with: what GitHub renders (pipe tables, strikethrough, task
    /// lists, autolinks, footnotes, alerts, heading anchors) plus <c>$…$</c>/<c>$$…$$</c> math and Mermaid blocks.
    /// Markdig writes math as <c>&lt;span class="math"&gt;\(…\)&lt;/span&gt;</c> and <c>&lt;div class="math"&gt;\[…\]&lt;/div&gt;</c>,
    /// and a <c>```mermaid</c> block as <c>&lt;pre class="mermaid"&gt;</c>; <c>assets/report.js</c> draws both.
    /// Markdig's other extensions (sub/superscript with <c>~</c>/<c>^</c>, <c>==mark==</c>, <c>{attributes}</c>, …) are
    /// left out on purpose: GitHub does not know them, and in a math text they would turn <c>~3</c> into a subscript.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        .UseDiagrams()
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoLinks()
        .UseFootnotes()
        .UseAlertBlocks()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>
    /// Writes <paramref name="markdown"/> to <paramref name="markdownPath"/>, its HTML next to it (<c>&lt;id&gt;.html</c>)
    /// and the assets the HTML links into <c>assets/</c> beside both; returns the Markdown path.
    /// </summary>
    public static string Write(string markdownPath, string markdown, string title)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(markdownPath))!;
        Directory.CreateDirectory(folder);
        File.WriteAllText(markdownPath, markdown);
        File.WriteAllText(Path.ChangeExtension(markdownPath, ".html"), Html(markdown, title));
        ReportAssets.CopyTo(Path.Combine(folder, AssetsFolder));
        return Path.GetFullPath(markdownPath);
    }

    /// <summary>
    /// A standalone HTML page for <paramref name="markdown"/>. It expects <c>assets/</c> beside it (<see cref="Write"/>
    /// puts it there); without it the page still reads, with the LaTeX and the Mermaid source shown as text.
    /// </summary>
    public static string Html(string markdown, string title) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="Tutor (Markdig, KaTeX, Mermaid)">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <link rel="stylesheet" href="{{AssetsFolder}}/katex/katex.min.css">
        <link rel="stylesheet" href="{{AssetsFolder}}/report.css">
        </head>
        <body>
        <main>
        {{Markdown.ToHtml(markdown, Pipeline)}}
        </main>
        <script src="{{AssetsFolder}}/katex/katex.min.js"></script>
        <script src="{{AssetsFolder}}/mermaid/mermaid.min.js"></script>
        <script src="{{AssetsFolder}}/report.js"></script>
        </body>
        </html>
        """;
}
