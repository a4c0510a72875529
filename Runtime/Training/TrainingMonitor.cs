using System.Globalization;

namespace Tutor.Training;

/// <summary>
/// Watches the loss step by step and recognises a run that has gone wrong: a loss that is NaN or ±∞, or one that has
/// grown to more than <see cref="GrowthFactor"/> times the first loss it saw. Gradient descent on a quadratic with
/// Hessian eigenvalues λ diverges exactly when α &gt; 2/λmax (seed 001 P5), so that is the first cause named.
/// </summary>
/// <remarks>
/// <see cref="Check"/> reports without throwing (a lesson that shows the divergence, like lesson 000's lr = 0.1,
/// keeps the report); <see cref="Observe"/> throws <see cref="TrainingDivergedException"/>. The growth test needs a
/// positive first loss to measure against; for losses that can be zero or negative only NaN/∞ is detected.
/// </remarks>
public sealed class TrainingMonitor
{
    /// <summary>Creates a monitor; the default calls a loss 1000 times its starting value diverging.</summary>
    public TrainingMonitor(double growthFactor = 1e3)
    {
        if (!(growthFactor > 1)) throw new ArgumentOutOfRangeException(nameof(growthFactor), growthFactor, "the growth factor must be above 1");
        GrowthFactor = growthFactor;
    }

    /// <summary>How many times the first loss a loss may reach before the run counts as diverging.</summary>
    public double GrowthFactor { get; }

    /// <summary>The first finite loss seen, the yardstick for growth.</summary>
    public double? InitialLoss { get; private set; }

    /// <summary>The smallest loss seen so far.</summary>
    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>The first divergence found, if any.</summary>
    public DivergenceReport? Divergence { get; private set; }

    /// <summary>Records the loss at <paramref name="step"/> and returns a report if the run has diverged, else null.</summary>
    /// <param name="step">The step or epoch number, as the lesson counts.</param>
    /// <param name="loss">The loss at that step.</param>
    /// <param name="learningRate">The learning rate in use, named in the explanation when given.</param>
    public DivergenceReport? Check(int step, double loss, double? learningRate = null)
    {
        DivergenceReport? report = null;
        var origin = NonFinite.Last is { } recorded && recorded.Sequence > seenSequence ? recorded : null;
        seenSequence = NonFinite.Last?.Sequence ?? seenSequence;
        if (!double.IsFinite(loss))
        {
            string what = double.IsNaN(loss) ? "NaN" : loss > 0 ? "+∞" : "−∞";
            report = new(step, loss, DivergenceKind.NotFinite, learningRate,
                origin is null
                    ? $"the loss became {what} at step {step}: {RateClause(learningRate)}, or a log/exp overflowed"
                    : $"the loss became {what} at step {step}: {origin}. {(origin.IsInput ? Capitalise(RateClause(learningRate)) : "Look for a log or division of zero or an exp that overflowed there; or " + RateClause(learningRate))}",
                origin);
        }
        else if (InitialLoss is double first && first > 0 && loss > GrowthFactor * first)
        {
            report = new(step, loss, DivergenceKind.Growing, learningRate,
                $"the loss is diverging at step {step}: {Format(loss)} is {Format(loss / first)} times the first loss {Format(first)}; {RateClause(learningRate)}");
        }
        else
        {
            InitialLoss ??= loss;
            BestLoss = Math.Min(BestLoss, loss);
        }
        Divergence ??= report;
        return report;
    }

    /// <summary>Like <see cref="Check"/>, but throws when the run has diverged.</summary>
    /// <exception cref="TrainingDivergedException">The loss is NaN/∞ or has grown past <see cref="GrowthFactor"/> times the first loss.</exception>
    public void Observe(int step, double loss, double? learningRate = null)
    {
        if (Check(step, loss, learningRate) is { } report) throw new TrainingDivergedException(report);
    }

    long seenSequence = NonFinite.Last?.Sequence ?? 0;

    static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..] + ".";

    static string RateClause(double? learningRate) => learningRate is double rate
        ? $"the learning rate {Format(rate)} is likely above 2/λmax"
        : "the learning rate is likely above 2/λmax";

    static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
