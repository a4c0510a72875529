namespace Tutor.Training;

/// <summary>
/// Seed 004 part 1's rule for full-batch gradient descent: whenever the loss rises (L_t &gt; L_{t−1}) the learning rate is
/// halved. The notes add why it is only for gradient descent: a mini-batch loss rises and falls by sampling alone.
/// </summary>
public sealed class HalveOnLossIncrease : ILearningRateSchedule
{
    double previous = double.NaN;

    /// <summary>Starts at α₀; <paramref name="factor"/> is ½ in the seed.</summary>
    public HalveOnLossIncrease(double learningRate, double factor = 0.5)
    {
        if (!(factor > 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be in (0, 1)");
        LearningRate = Schedules.CheckRate(learningRate);
        Factor = factor;
    }

    /// <summary>The factor applied when the loss rises.</summary>
    public double Factor { get; }

    /// <summary>How many times the rate has been cut.</summary>
    public int Reductions { get; private set; }

    /// <inheritdoc/>
    public double LearningRate { get; private set; }

    /// <inheritdoc/>
    public double Step(double loss)
    {
        if (loss > previous)
        {
            LearningRate *= Factor;
            Reductions++;
        }
        previous = loss;
        return LearningRate;
    }
}
