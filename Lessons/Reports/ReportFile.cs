using System.Net;
using Markdig;

namespace Tutor.Lessons.Reports;

/// <summary>Writes a report as Markdown and as HTML, through one Markdig pipeline built once.</summary>
public static class ReportFile
{
    /// <summary>The pipeline every report is parsed and rendered with: GitHub tables, <c>$…$</c> math, Mermaid blocks.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>Writes <paramref name="markdown"/> to <paramref name="markdownPath"/> and its HTML next to it; returns the Markdown path.</summary>
    public static string Write(string markdownPath, string markdown, string title)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        File.WriteAllText(markdownPath, markdown);
        File.WriteAllText(Path.ChangeExtension(markdownPath, ".html"), Html(markdown, title));
        return Path.GetFullPath(markdownPath);
    }

    /// <summary>A standalone HTML page; KaTeX draws the math and Mermaid the graphs when the page is opened online.</summary>
    public static string Html(string markdown, string title) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>{{WebUtility.HtmlEncode(title)}}</title>
        <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/katex@0.16/dist/katex.min.css">
        <script defer src="https://cdn.jsdelivr.net/npm/katex@0.16/dist/katex.min.js"></script>
        <script defer src="https://cdn.jsdelivr.net/npm/katex@0.16/dist/contrib/auto-render.min.js"
          onload="renderMathInElement(document.body, {delimiters: [{left: '\\[', right: '\\]', display: true}, {left: '\\(', right: '\\)', display: false}]});"></script>
        <script type="module">import mermaid from 'https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs'; mermaid.initialize({ startOnLoad: true });</script>
        <style>body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; } table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; } pre { background: #f6f8fa; padding: .5rem; overflow-x: auto; }</style>
        </head>
        <body>
        {{Markdown.ToHtml(markdown, Pipeline)}}
        </body>
        </html>
        """;
}
