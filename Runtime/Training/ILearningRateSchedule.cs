namespace Tutor.Training;

/// <summary>
/// A learning-rate schedule: called once per step or per epoch (the lesson decides which, and says so) with the loss
/// it monitors, it returns the learning rate for what follows. Assign the result to
/// <see cref="Optimizer{T}.LearningRate"/>: <c>optimizer.LearningRate = schedule.Step(loss);</c>
/// </summary>
public interface ILearningRateSchedule
{
    /// <summary>The current learning rate.</summary>
    double LearningRate { get; }

    /// <summary>Records <paramref name="loss"/> (ignored by schedules that only count calls) and returns the new learning rate.</summary>
    double Step(double loss);
}

static class Schedules
{
    internal static double CheckRate(double learningRate) =>
        double.IsFinite(learningRate) && learningRate > 0
            ? learningRate
            : throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate must be finite and positive");
}
