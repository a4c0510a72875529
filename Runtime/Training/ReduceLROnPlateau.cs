namespace Tutor.Training;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c> in its default mode ('min', threshold mode 'rel'): a loss counts as better than
/// the best so far when L &lt; best·(1 − threshold); after more than <see cref="Patience"/> calls in a row without
/// improvement the rate is multiplied by <see cref="Factor"/> (not below <see cref="MinLearningRate"/>), and the next
/// <see cref="Cooldown"/> calls do not count as bad. Seed 001 P1 uses factor 0.5, patience 5 on the validation loss.
/// </summary>
/// <remarks>
/// As in PyTorch, a reduction smaller than 1e−8 is skipped, the best starts at +∞ (so the first loss always improves),
/// and a NaN loss counts as not better.
/// </remarks>
public sealed class ReduceLROnPlateau : ILearningRateSchedule
{
    const double MinimumChange = 1e-8;
    int cooldownLeft;

    /// <summary>Creates the schedule with PyTorch's defaults.</summary>
    public ReduceLROnPlateau(double learningRate, double factor = 0.1, int patience = 10, double threshold = 1e-4, int cooldown = 0, double minLearningRate = 0)
    {
        if (!(factor > 0 && factor < 1)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the threshold must be non-negative");
        if (!(minLearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "the minimum rate must be non-negative");
        LearningRate = Schedules.CheckRate(learningRate);
        (Factor, Patience, Threshold, Cooldown, MinLearningRate) = (factor, patience, threshold, cooldown, minLearningRate);
    }

    /// <summary>The factor the rate is multiplied by on a plateau.</summary>
    public double Factor { get; }

    /// <summary>How many calls without improvement are tolerated; the rate drops on the next one.</summary>
    public int Patience { get; }

    /// <summary>The relative improvement that counts: better means L &lt; best·(1 − threshold).</summary>
    public double Threshold { get; }

    /// <summary>Calls after a reduction during which bad calls are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>The floor for the learning rate.</summary>
    public double MinLearningRate { get; }

    /// <summary>The best loss seen so far.</summary>
    public double Best { get; private set; } = double.PositiveInfinity;

    /// <summary>Consecutive calls without improvement (PyTorch's <c>num_bad_epochs</c>).</summary>
    public int BadSteps { get; private set; }

    /// <summary>How many times the rate has been cut.</summary>
    public int Reductions { get; private set; }

    /// <inheritdoc/>
    public double LearningRate { get; private set; }

    /// <inheritdoc/>
    public double Step(double loss)
    {
        if (loss < Best * (1 - Threshold))
        {
            Best = loss;
            BadSteps = 0;
        }
        else
        {
            BadSteps++;
        }

        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            BadSteps = 0;
        }

        if (BadSteps > Patience)
        {
            double reduced = Math.Max(LearningRate * Factor, MinLearningRate);
            if (LearningRate - reduced > MinimumChange)
            {
                LearningRate = reduced;
                Reductions++;
            }
            cooldownLeft = Cooldown;
            BadSteps = 0;
        }
        return LearningRate;
    }
}
