using ScottPlot;

namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>Saves a ScottPlot figure as SVG (for the Markdown) and PNG (for the HTML and for people) under &lt;out&gt;/&lt;id&gt;/.</summary>
static class AutoencoderFigure
{
    /// <summary>Writes <paramref name="name"/>.svg and .png into the lesson's figure folder and returns the SVG's path relative to the report.</summary>
    public static string Save(Plot plot, LessonContext context, string lessonId, string name, int width = 720, int height = 420)
    {
        var folder = context.PathFor(lessonId);
        Directory.CreateDirectory(folder);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), width, height);
        plot.SavePng(Path.Combine(folder, name + ".png"), width, height);
        return lessonId + "/" + name + ".svg";
    }
}
