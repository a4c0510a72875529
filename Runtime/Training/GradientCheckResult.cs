using System.Globalization;

namespace Tutor.Training;

/// <summary>The outcome of <see cref="GradientCheck"/>: pass or fail, the numeric gradient, and the worst coordinate.</summary>
public sealed class GradientCheckResult
{
    readonly double[] analytic;

    internal GradientCheckResult(bool passed, double[] numeric, int worstIndex, double rtol, double atol, string precision, string? warning, double[] analytic)
    {
        Passed = passed;
        Numeric = numeric;
        WorstIndex = worstIndex;
        RelativeTolerance = rtol;
        AbsoluteTolerance = atol;
        Precision = precision;
        Warning = warning;
        this.analytic = analytic;
    }

    /// <summary>True when every coordinate is within tolerance.</summary>
    public bool Passed { get; }

    /// <summary>The central-difference gradient.</summary>
    public IReadOnlyList<double> Numeric { get; }

    /// <summary>The coordinate with the largest error relative to its tolerance (−1 for an empty x).</summary>
    public int WorstIndex { get; }

    /// <summary>The checked gradient at <see cref="WorstIndex"/>.</summary>
    public double WorstAnalytic => WorstIndex < 0 ? 0 : analytic[WorstIndex];

    /// <summary>The central difference at <see cref="WorstIndex"/>.</summary>
    public double WorstNumeric => WorstIndex < 0 ? 0 : Numeric[WorstIndex];

    /// <summary>|analytic − numeric| at <see cref="WorstIndex"/>.</summary>
    public double WorstAbsoluteError => Math.Abs(WorstAnalytic - WorstNumeric);

    /// <summary>|analytic − numeric| / max(|analytic|, |numeric|) at <see cref="WorstIndex"/> (0 when both are 0).</summary>
    public double WorstRelativeError
    {
        get
        {
            double scale = Math.Max(Math.Abs(WorstAnalytic), Math.Abs(WorstNumeric));
            return scale == 0 ? WorstAbsoluteError : WorstAbsoluteError / scale;
        }
    }

    /// <summary>rtol used.</summary>
    public double RelativeTolerance { get; }

    /// <summary>atol used.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>"float64" or "float32".</summary>
    public string Precision { get; }

    /// <summary>Set for float32 checks: <see cref="GradientCheck.Float32Warning"/>.</summary>
    public string? Warning { get; }

    /// <summary>One line for a report: the verdict, the worst coordinate and its errors, and any warning.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"gradient check ({Precision}) {(Passed ? "passed" : "FAILED")}: worst coordinate {WorstIndex}: analytic {WorstAnalytic:G10}, numeric {WorstNumeric:G10}, abs. error {WorstAbsoluteError:G3}, rel. error {WorstRelativeError:G3} (rtol {RelativeTolerance:G3}, atol {AbsoluteTolerance:G3})");
        return Warning is null ? text : $"{text}; warning: {Warning}";
    }
}
