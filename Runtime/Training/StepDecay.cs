namespace Tutor.Training;

/// <summary>
/// Step decay, PyTorch's <c>StepLR</c>: after the k-th call, α = α₀ · γ^⌊k / stepSize⌋.
/// </summary>
public sealed class StepDecay : ILearningRateSchedule
{
    readonly double initial;
    int calls;

    /// <summary>Creates a step decay from α₀ that multiplies by <paramref name="gamma"/> every <paramref name="stepSize"/> calls.</summary>
    public StepDecay(double learningRate, int stepSize, double gamma = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        if (!(gamma > 0 && gamma <= 1)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be in (0, 1]");
        initial = LearningRate = Schedules.CheckRate(learningRate);
        (StepSize, Gamma) = (stepSize, gamma);
    }

    /// <summary>The number of calls between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ, the factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public double LearningRate { get; private set; }

    /// <inheritdoc/>
    public double Step(double loss)
    {
        calls++;
        LearningRate = initial * Math.Pow(Gamma, calls / StepSize);
        return LearningRate;
    }
}
