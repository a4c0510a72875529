using Tutor.Lessons.Reports;
using ScottPlot;

namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>The lesson's figures: loss curves per learning rate against the bound, and the singular values of z.</summary>
sealed class AutoencoderFigures(LessonContext context, string id, AutoencoderMeasurements m)
{
    public (string Losses, string Spectrum) Draw() => (Losses(), Spectrum());

    string Losses()
    {
        var plot = new Plot();
        foreach (var run in m.Runs)
        {
            var finite = run.Losses.Select((l, i) => (i, l)).Where(p => double.IsFinite(p.l) && p.l > 0).ToArray();
            var line = plot.Add.Scatter(finite.Select(p => (double)p.i).ToArray(), finite.Select(p => Math.Log10(p.l)).ToArray());
            line.LegendText = $"lr {run.LearningRate:0.####}" + (run.Divergence is { } d ? $" (diverged at step {d.Step})" : "");
            line.MarkerSize = 0;
            line.LineWidth = 2;
        }
        var bound = plot.Add.HorizontalLine(Math.Log10(m.Bound));
        bound.LegendText = $"Eckart–Young bound {m.Bound:0.###}";
        bound.LinePattern = LinePattern.Solid;
        bound.Color = Colors.Black;
        plot.Title("Linear autoencoder, 100×100 Gaussian z, k = 50 (float64)");
        plot.XLabel("step");
        plot.YLabel("log10(loss)");
        plot.ShowLegend(Alignment.UpperRight);
        return LessonSupport.Save(plot, context, id, "losses", 720, 420);
    }

    string Spectrum()
    {
        var plot = new Plot();
        var s2 = m.SingularValues.Select(s => s * s).ToArray();
        var kept = plot.Add.Bars(Enumerable.Range(1, LinearAutoencoderLesson.K).Select(i => (double)i).ToArray(), s2[..LinearAutoencoderLesson.K]);
        kept.LegendText = "σᵢ², kept by the best rank-50 map";
        var lost = plot.Add.Bars(Enumerable.Range(LinearAutoencoderLesson.K + 1, s2.Length - LinearAutoencoderLesson.K).Select(i => (double)i).ToArray(), s2[LinearAutoencoderLesson.K..]);
        lost.LegendText = "σᵢ², lost: half their sum is the bound";
        lost.Color = Colors.OrangeRed;
        plot.Title("Squared singular values of z");
        plot.XLabel("i");
        plot.YLabel("σᵢ²");
        plot.ShowLegend(Alignment.UpperRight);
        return LessonSupport.Save(plot, context, id, "spectrum", 720, 420);
    }
}
