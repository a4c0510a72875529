using Tutor.Lessons.DepthAndInitialisation;
using Tutor.Lessons.JacobianModes;
using Tutor.Lessons.LinearAutoencoder;
using Tutor.Lessons.MnistSgdMomentum;

namespace Tutor.Lessons.Tests;

/// <summary>Runs a lesson once into a temp folder; the tests read its result, its report and its figures.</summary>
public abstract class LessonRun : IDisposable
{
    readonly TempDirectory folder = new();

    protected LessonRun(ILesson lesson)
    {
        Result = lesson.Run(new LessonContext(folder.Path));
        Markdown = File.ReadAllText(Result.ReportPath);
    }

    public LessonResult Result { get; }
    public string Markdown { get; }
    public string Folder => folder.Path;

    /// <summary>Every image link in the report points at a file that exists (SVG, with its PNG beside it).</summary>
    public void AssertFiguresResolve()
    {
        var links = System.Text.RegularExpressions.Regex.Matches(Markdown, @"!\[[^\]]*\]\(([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.True(File.Exists(Path.Combine(Folder, link)), $"figure {link} is missing");
            Assert.True(File.Exists(Path.Combine(Folder, Path.ChangeExtension(link, ".png"))), $"PNG of {link} is missing");
        }
    }

    public void AssertStructure(IEnumerable<string> sections)
    {
        ReportStructure.AssertTablesAreRectangular(Markdown);
        ReportStructure.AssertMathCloses(Markdown);
        var headings = ReportStructure.Headings(Markdown);
        foreach (var s in sections) Assert.Contains(headings, h => h.StartsWith(s, StringComparison.Ordinal));
        AssertFiguresResolve();
        Assert.True(File.Exists(Path.ChangeExtension(Result.ReportPath, ".html")));
    }

    public void Dispose()
    {
        folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class JacobianModesRun() : LessonRun(new JacobianModesLesson(JacobianModesOptions.Quick));
public sealed class LinearAutoencoderRun() : LessonRun(new LinearAutoencoderLesson(LinearAutoencoderOptions.Quick));
public sealed class DepthRun() : LessonRun(new DepthAndInitialisationLesson(new DepthOptions(Epochs: 2, TrainCount: 3000, TestCount: 1000)));
public sealed class MomentumRun() : LessonRun(new MnistSgdMomentumLesson(new MomentumOptions(Epochs: 3, TrainPool: 8000, TestCount: 2000)));
