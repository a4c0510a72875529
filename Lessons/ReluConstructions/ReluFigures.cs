using ScottPlot;

namespace Tutor.Lessons.ReluConstructions;

/// <summary>Saves a ScottPlot figure as SVG and PNG under &lt;out&gt;/&lt;lesson id&gt;/ and returns the SVG's link relative to the report.</summary>
static class ReluFigures
{
    public static string Save(Plot plot, LessonContext context, string lessonId, string name, int width = 720, int height = 400)
    {
        var folder = context.PathFor(lessonId);
        Directory.CreateDirectory(folder);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), width, height);
        plot.SavePng(Path.Combine(folder, name + ".png"), width, height);
        return lessonId + "/" + name + ".svg";
    }

    public static void Line(Plot plot, double[] xs, double[] ys, string legend, Color color, float width = 2, bool dashed = false)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = legend;
        line.Color = color;
        line.LineWidth = width;
        if (dashed) line.LinePattern = LinePattern.Dashed;
    }
}
