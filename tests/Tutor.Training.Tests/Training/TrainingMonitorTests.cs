namespace Tutor.Training.Tests.Training;

public class TrainingMonitorTests
{
    [Fact]
    public void A_NaN_loss_names_the_step_the_learning_rate_and_the_likely_causes()
    {
        var monitor = new TrainingMonitor();
        for (int step = 0; step < 37; step++) monitor.Observe(step, 1.0 / (step + 1), 0.1);
        var e = Assert.Throws<TrainingDivergedException>(() => monitor.Observe(37, double.NaN, 0.1));
        Assert.Equal("the loss became NaN at step 37: the learning rate 0.1 is likely above 2/λmax, or a log/exp overflowed", e.Message);
        Assert.Equal(37, e.Step);
        Assert.True(double.IsNaN(e.Loss));
        Assert.Equal(DivergenceKind.NotFinite, e.Report.Kind);
    }

    [Fact]
    public void An_infinite_loss_without_a_learning_rate()
    {
        var report = new TrainingMonitor().Check(3, double.PositiveInfinity);
        Assert.NotNull(report);
        Assert.Equal("the loss became +∞ at step 3: the learning rate is likely above 2/λmax, or a log/exp overflowed", report.Message);
    }

    [Fact]
    public void A_loss_grown_by_three_orders_of_magnitude_is_diverging()
    {
        var monitor = new TrainingMonitor();
        Assert.Null(monitor.Check(0, 2.0, 0.5));
        Assert.Null(monitor.Check(1, 2000.0, 0.5));
        var report = monitor.Check(2, 2500.0, 0.5);
        Assert.NotNull(report);
        Assert.Equal(DivergenceKind.Growing, report.Kind);
        Assert.Equal("the loss is diverging at step 2: 2500 is 1250 times the first loss 2; the learning rate 0.5 is likely above 2/λmax", report.Message);
        Assert.Same(report, monitor.Divergence);
    }

    [Theory]
    [InlineData(0.19, false)]
    [InlineData(0.21, true)]
    public void Gradient_descent_on_a_quadratic_diverges_exactly_above_2_over_lambda_max(double learningRate, bool diverges)
    {
        // L = ½(x² + 10y²): λmax = 10, so the threshold is α = 0.2.
        double[] theta = [1.0, 1.0];
        var set = new ParameterSet<double>();
        var p = set.Add("θ", theta);
        var sgd = new Sgd<double>(set, learningRate);
        var monitor = new TrainingMonitor();
        DivergenceReport? report = null;
        for (int step = 0; step < 200 && report is null; step++)
        {
            report = monitor.Check(step, 0.5 * (theta[0] * theta[0] + 10 * theta[1] * theta[1]), learningRate);
            p.Gradient.Span[0] = theta[0];
            p.Gradient.Span[1] = 10 * theta[1];
            sgd.Step();
        }
        Assert.Equal(diverges, report is not null);
        if (report is not null) Assert.Contains("diverging", report.Message);
    }
}
