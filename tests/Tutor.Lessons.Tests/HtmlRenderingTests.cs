using System.Net;
using Markdig.Extensions.Mathematics;
using Markdig.Syntax;
using System.Text.RegularExpressions;
using Tutor.Lessons.FormulaGradient;
using Tutor.Lessons.Reports;
using Xunit.Abstractions;

namespace Tutor.Lessons.Tests;

/// <summary>
/// The HTML reports read offline: they link only the assets written beside them, and in a real browser (headless
/// Chromium) KaTeX typesets every math span and Mermaid draws every graph. The browser test keeps a screenshot and
/// the rendered DOM in the test results (<c>$TUTOR_TEST_ARTIFACTS</c>, which <c>.ci/run</c> sets, or
/// <c>artifacts/test-results/screenshots/</c>).
/// </summary>
public sealed partial class HtmlRenderingTests(ITestOutputHelper output)
{
    /// <summary>The formula-gradient lesson, run once into a temp folder: its folder, Markdown and HTML path.</summary>
    static (TempDirectory Folder, string Markdown, string Html) RunLesson()
    {
        var temp = new TempDirectory();
        var lesson = new FormulaGradientLesson();
        var result = lesson.Run(new LessonContext(temp.Path, quiet: true));
        var html = Path.ChangeExtension(result.ReportPath, ".html");
        Assert.True(File.Exists(html), $"The lesson wrote no HTML report at {html}.");
        return (temp, File.ReadAllText(result.ReportPath), html);
    }

    [Fact]
    public void The_html_links_only_local_assets_and_they_are_written_beside_it()
    {
        var (temp, _, htmlPath) = RunLesson();
        using var _ = temp;
        var html = File.ReadAllText(htmlPath);
        var links = LinkPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
        Assert.Contains("assets/katex/katex.min.js", links);
        Assert.Contains("assets/katex/katex.min.css", links);
        Assert.Contains("assets/mermaid/mermaid.min.js", links);
        Assert.Contains("assets/report.js", links);
        foreach (var link in links)
        {
            Assert.False(link.Contains("://", StringComparison.Ordinal) || link.StartsWith("//", StringComparison.Ordinal),
                $"The report links {link}; it must read offline.");
            Assert.True(File.Exists(Path.Combine(temp.Path, link)), $"The report links {link}, which is not beside it.");
        }
        // The stylesheet's fonts, too.
        var css = File.ReadAllText(Path.Combine(temp.Path, "assets/katex/katex.min.css"));
        var fonts = FontPattern().Matches(css).Select(m => m.Groups["file"].Value).Distinct().ToList();
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
            Assert.True(File.Exists(Path.Combine(temp.Path, "assets/katex/fonts", font)), $"katex.min.css loads fonts/{font}, which is missing.");
        Assert.Equal(ReportAssets.Files.Count, Directory.EnumerateFiles(Path.Combine(temp.Path, ReportFile.AssetsFolder), "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public void Writing_a_second_report_keeps_the_assets_as_they_are()
    {
        using var temp = new TempDirectory();
        ReportFile.Write(Path.Combine(temp.Path, "a.md"), "# A\n\n$x$\n", "A");
        var script = Path.Combine(temp.Path, "assets/mermaid/mermaid.min.js");
        var written = File.GetLastWriteTimeUtc(script);
        ReportFile.Write(Path.Combine(temp.Path, "b.md"), "# B\n\n$y$\n", "B");
        Assert.Equal(written, File.GetLastWriteTimeUtc(script));
        Assert.True(File.Exists(Path.Combine(temp.Path, "b.html")));
    }

    [ChromiumFact]
    public void Formula_gradient_report_renders_its_math_and_its_graph_in_chromium()
    {
        var (temp, markdown, htmlPath) = RunLesson();
        using var _ = temp;
        var artifacts = ArtifactsFolder();
        var dom = HeadlessChromium.DumpDom(htmlPath, temp.Path);
        File.WriteAllText(Path.Combine(artifacts, "formula-gradient.rendered.html"), dom);
        var screenshot = Path.Combine(artifacts, "formula-gradient.png");
        // --screenshot captures the window: 9000 px holds the whole report (about 7500 px tall at this width).
        HeadlessChromium.Screenshot(htmlPath, screenshot, temp.Path, 1280, 9000);
        output.WriteLine($"Screenshot: {screenshot}");
        output.WriteLine($"Rendered DOM: {Path.Combine(artifacts, "formula-gradient.rendered.html")}");
        Assert.True(new FileInfo(screenshot).Length > 50_000, "The screenshot is suspiciously small (a blank page?).");

        // report.js says what it rendered once it is done (and the fonts have loaded).
        var rendered = RenderedPattern().Match(dom);
        Assert.True(rendered.Success, "report.js did not finish: <html> has no data-rendered attribute. " +
            $"Errors: {ErrorAttributes(dom)}");
        Assert.DoesNotContain("failed", rendered.Value, StringComparison.Ordinal);

        // KaTeX: one typeset formula per math span in the Markdown, no errors, the fonts loaded from assets/.
        int mathSpans = ReportStructure.MathSpans(markdown);
        Assert.True(mathSpans > 10, $"The report has only {mathSpans} math spans.");
        Assert.Equal(mathSpans, int.Parse(rendered.Groups["math"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(mathSpans, Regex.Matches(dom, "class=\"katex\"").Count);
        Assert.Equal(mathSpans - DisplayMathCount(markdown), Regex.Matches(dom, "<span class=\"math\"><span class=\"katex\">").Count);
        Assert.Equal(DisplayMathCount(markdown), Regex.Matches(dom, "class=\"katex-display\"").Count);
        Assert.DoesNotContain("katex-error", dom, StringComparison.Ordinal);
        Assert.DoesNotContain("math-error", dom, StringComparison.Ordinal);
        Assert.True(int.Parse(rendered.Groups["fonts"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0,
            "No KaTeX font loaded from assets/katex/fonts.");

        // No raw math left in what a reader sees (code and KaTeX's own TeX annotations aside).
        var visible = VisibleText(dom);
        Assert.DoesNotContain("$$", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("\\(", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("\\[", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("\\frac", visible, StringComparison.Ordinal);

        // Mermaid: every graph became an SVG with the graph's nodes in it, not an error diagram.
        int graphs = ReportStructure.CodeBlocks(markdown, "mermaid").Count;
        Assert.Equal(1, graphs);
        Assert.Equal(graphs, int.Parse(rendered.Groups["mermaid"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var svgs = MermaidSvgPattern().Matches(dom);
        Assert.Equal(graphs, svgs.Count);
        var svg = svgs[0].Value;
        Assert.DoesNotContain("Syntax error", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("flowchart TD", svg, StringComparison.Ordinal);
        Assert.True(Regex.Matches(svg, "class=\"node ").Count >= 9, "The graph has fewer than 9 nodes (2 inputs, 7 steps).");
        Assert.True(Regex.Matches(svg, "class=\"edgeLabel").Count >= 8, "The graph has fewer edge labels than it has derivative edges.");
        Assert.Contains("x = 3", svg, StringComparison.Ordinal);
        Assert.Contains("Div: 584.08694", svg, StringComparison.Ordinal);
        Assert.Contains("-19733.407", svg, StringComparison.Ordinal);
    }

    /// <summary>Where the screenshot goes: <c>$TUTOR_TEST_ARTIFACTS</c>, else <c>artifacts/test-results/screenshots</c> in the repository.</summary>
    static string ArtifactsFolder()
    {
        var folder = Environment.GetEnvironmentVariable("TUTOR_TEST_ARTIFACTS");
        if (string.IsNullOrWhiteSpace(folder))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tutor.sln"))) dir = dir.Parent;
            folder = dir is null
                ? Path.Combine(Path.GetTempPath(), "tutor-test-artifacts")
                : Path.Combine(dir.FullName, "artifacts", "test-results", "screenshots");
        }
        Directory.CreateDirectory(folder);
        return folder;
    }

    static int DisplayMathCount(string markdown) =>
        ReportStructure.Parse(markdown).Descendants<MathBlock>().Count();

    /// <summary>The page's text without scripts, styles, code blocks, inline code and KaTeX's MathML annotations.</summary>
    static string VisibleText(string dom)
    {
        var s = HiddenPattern().Replace(dom, " ");
        s = TagPattern().Replace(s, " ");
        return WebUtility.HtmlDecode(s);
    }

    static string ErrorAttributes(string dom) =>
        string.Join("; ", Regex.Matches(dom, "data-(math|mermaid)-error=\"[^\"]*\"").Select(m => m.Value)) is { Length: > 0 } e ? e : "none recorded";

    [GeneratedRegex("<(?:script|link)\\b[^>]*\\b(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"url\(fonts/(?<file>[^)]+\.woff2)\)")]
    private static partial Regex FontPattern();

    [GeneratedRegex("data-rendered=\"math (?<math>\\d+)[^,]*, mermaid (?<mermaid>\\d+)[^,]*, katex fonts (?<fonts>\\d+)[^\"]*\"")]
    private static partial Regex RenderedPattern();

    [GeneratedRegex("<pre class=\"mermaid\"[^>]*>\\s*<svg[\\s\\S]*?</svg>\\s*</pre>")]
    private static partial Regex MermaidSvgPattern();

    [GeneratedRegex("<(script|style|pre|code|annotation)\\b[\\s\\S]*?</\\1>")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
