namespace Tutor.Training;

/// <summary>How a run went wrong.</summary>
public enum DivergenceKind
{
    /// <summary>The loss became NaN or ±∞.</summary>
    NotFinite,

    /// <summary>The loss grew by orders of magnitude over its starting value.</summary>
    Growing,
}

/// <summary>What <see cref="TrainingMonitor"/> found: the step, the loss, the kind, and a sentence for the student.</summary>
/// <param name="Step">The step (or epoch) number the lesson passed in.</param>
/// <param name="Loss">The loss at that step.</param>
/// <param name="Kind">NaN/∞, or growth.</param>
/// <param name="LearningRate">The learning rate at that step, when the lesson gave it.</param>
/// <param name="Message">The explanation, e.g. "the loss became NaN at step 37: the learning rate 0.1 is likely above 2/λmax, or a log/exp overflowed".</param>
/// <param name="Origin">For a NaN/∞ loss: where a generated gradient saw the first non-finite value in that step, when one did.</param>
public sealed record DivergenceReport(int Step, double Loss, DivergenceKind Kind, double? LearningRate, string Message, NonFiniteOrigin? Origin = null);
