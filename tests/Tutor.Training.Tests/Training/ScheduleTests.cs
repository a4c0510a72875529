namespace Tutor.Training.Tests.Training;

public class ScheduleTests
{
    static double[] Run(ILearningRateSchedule schedule, params double[] losses) => [.. losses.Select(schedule.Step)];

    [Fact]
    public void Halve_on_loss_increase_halves_exactly_when_the_loss_rises()
    {
        var schedule = new HalveOnLossIncrease(0.4);
        Assert.Equal([0.4, 0.4, 0.2, 0.2, 0.1, 0.05], Run(schedule, 1.0, 0.8, 0.9, 0.7, 0.75, 0.76));
        Assert.Equal(3, schedule.Reductions);
    }

    [Fact]
    public void Plateau_reduces_after_more_than_patience_bad_steps_and_respects_the_relative_threshold()
    {
        var schedule = new ReduceLROnPlateau(1.0, factor: 0.5, patience: 2);
        // 9 → 9 → 9 → 9 is three bad steps (> patience 2): halve. 8.9995 is not below 9·(1 − 1e−4) = 8.9991: bad.
        Assert.Equal([1, 1, 1, 1, 0.5, 0.5, 0.5], Run(schedule, 10, 9, 9, 9, 9, 8.9995, 8));
        Assert.Equal(8, schedule.Best);
        Assert.Equal(0, schedule.BadSteps);
    }

    [Fact]
    public void Plateau_cooldown_suspends_counting_and_min_lr_is_a_floor()
    {
        var cooling = new ReduceLROnPlateau(1.0, factor: 0.5, patience: 0, cooldown: 2);
        Assert.Equal([1, 0.5, 0.5, 0.5, 0.25], Run(cooling, 5, 5, 5, 5, 5));

        var floored = new ReduceLROnPlateau(1.0, factor: 0.1, patience: 0, minLearningRate: 0.05);
        double[] rates = Run(floored, 1, 1, 1, 1);
        Assert.Equal(1.0, rates[0]);
        Assert.Equal(0.1, rates[1], 15);
        Assert.Equal(0.05, rates[2]);
        Assert.Equal(0.05, rates[3]);
        Assert.Equal(2, floored.Reductions);
    }

    [Fact]
    public void Plateau_with_the_seed_001_settings_keeps_the_rate_while_the_loss_improves()
    {
        var schedule = new ReduceLROnPlateau(1e-3, factor: 0.5, patience: 5);
        Assert.All(Run(schedule, [.. Enumerable.Range(0, 40).Select(i => 1.0 / (i + 1))]), lr => Assert.Equal(1e-3, lr));
        Assert.Equal(5e-4, Run(schedule, 1, 1, 1, 1, 1, 1)[^1]);
    }

    [Fact]
    public void Step_decay_and_constant()
    {
        Assert.Equal([1, 0.5, 0.5, 0.25, 0.25], Run(new StepDecay(1.0, stepSize: 2, gamma: 0.5), 0, 0, 0, 0, 0));
        Assert.Equal([0.3, 0.3], Run(new ConstantSchedule(0.3), 1, 100));
    }

    [Fact]
    public void A_schedule_drives_an_optimizer()
    {
        double[] theta = [1.0];
        var set = new ParameterSet<double>();
        var p = set.Add("θ", theta);
        var sgd = new Sgd<double>(set, 2.5); // above 2/λ = 2 for L = ½θ²: the loss rises until the rate is halved
        var schedule = new HalveOnLossIncrease(sgd.LearningRate);
        double loss = 0;
        for (int t = 0; t < 20; t++)
        {
            loss = 0.5 * theta[0] * theta[0];
            sgd.LearningRate = schedule.Step(loss);
            p.Gradient.Span[0] = theta[0];
            sgd.Step();
        }
        Assert.True(schedule.Reductions >= 1);
        Assert.True(loss < 1e-6);
    }
}
