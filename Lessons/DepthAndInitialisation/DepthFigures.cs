using Tutor.Lessons.Reports;
using ScottPlot;

namespace Tutor.Lessons.DepthAndInitialisation;

/// <summary>Gradient norm per layer (log scale) and accuracy per epoch, one line per initialisation.</summary>
sealed class DepthFigures(LessonContext context, string id, IReadOnlyList<InitialisationRun> runs)
{
    public (string Norms, string Accuracy) Draw() => (Norms(), Accuracy());

    string Norms()
    {
        var plot = new Plot();
        foreach (var r in runs)
        {
            var s = plot.Add.Scatter(Enumerable.Range(1, r.GradientNorms.Length).Select(i => (double)i).ToArray(),
                r.GradientNorms.Select(n => Math.Log10(Math.Max(n, 1e-30))).ToArray());
            s.LegendText = r.Name;
            s.MarkerSize = 7;
        }
        plot.Title("‖∂L/∂W_l‖ on one batch of 256, before training");
        plot.XLabel("layer l (1 = input layer, 9 = output layer)");
        plot.YLabel("log10 ‖∂L/∂W_l‖_F");
        plot.ShowLegend(Alignment.LowerRight);
        return LessonSupport.Save(plot, context, id, "gradient-norms", 720, 420);
    }

    string Accuracy()
    {
        var plot = new Plot();
        foreach (var r in runs)
        {
            var epochs = Enumerable.Range(0, r.TestAccuracy.Length).Select(i => (double)i).ToArray();
            var test = plot.Add.Scatter(epochs, r.TestAccuracy.Select(a => 100 * a).ToArray());
            test.LegendText = r.Name + ", test";
            test.MarkerSize = 7;
            var train = plot.Add.Scatter(epochs, r.TrainAccuracy.Select(a => 100 * a).ToArray());
            train.LegendText = r.Name + ", train";
            train.Color = test.Color;
            train.MarkerShape = MarkerShape.OpenSquare;
            train.MarkerSize = 7;
            train.LineWidth = 1;
        }
        plot.Title("Accuracy per epoch (epoch 0: before training)");
        plot.XLabel("epoch");
        plot.YLabel("accuracy (%)");
        plot.ShowLegend(Alignment.MiddleRight);
        return LessonSupport.Save(plot, context, id, "accuracy", 720, 420);
    }
}
