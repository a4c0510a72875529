namespace Tutor.Training;

/// <summary>Thrown by <see cref="TrainingMonitor.Observe"/> when a run diverges; <see cref="Report"/> says where and why.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception from a report.</summary>
    public TrainingDivergedException(DivergenceReport report) : base(report?.Message) => Report = report!;

    /// <summary>Creates the exception with only a message (for serialisers and the usual constructors).</summary>
    public TrainingDivergedException(string message) : this(new DivergenceReport(0, double.NaN, DivergenceKind.NotFinite, null, message)) { }

    /// <summary>Creates an empty exception.</summary>
    public TrainingDivergedException() : this("training diverged") { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public TrainingDivergedException(string message, Exception innerException) : base(message, innerException)
        => Report = new DivergenceReport(0, double.NaN, DivergenceKind.NotFinite, null, message);

    /// <summary>The step, loss, kind and explanation.</summary>
    public DivergenceReport Report { get; }

    /// <summary>The step at which divergence was detected.</summary>
    public int Step => Report.Step;

    /// <summary>The loss at that step.</summary>
    public double Loss => Report.Loss;
}
