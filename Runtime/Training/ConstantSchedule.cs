namespace Tutor.Training;

/// <summary>A learning rate that never changes.</summary>
/// <param name="learningRate">α.</param>
public sealed class ConstantSchedule(double learningRate) : ILearningRateSchedule
{
    /// <inheritdoc/>
    public double LearningRate { get; } = Schedules.CheckRate(learningRate);

    /// <inheritdoc/>
    public double Step(double loss) => LearningRate;
}
