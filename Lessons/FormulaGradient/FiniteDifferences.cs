namespace Tutor.Lessons.FormulaGradient;

/// <summary>Central differences, (f(p + h) − f(p − h)) / 2h: a gradient check that knows nothing of the generator.</summary>
public static class FiniteDifferences
{
    /// <summary>∂f/∂x and ∂f/∂y at (x, y) with step <paramref name="h"/>.</summary>
    public static (double Dx, double Dy) Central(Func<double, double, double> f, double x, double y, double h) =>
        ((f(x + h, y) - f(x - h, y)) / (2 * h), (f(x, y + h) - f(x, y - h)) / (2 * h));

    /// <summary>|a − b| / |b|.</summary>
    public static double RelativeError(double actual, double reference) => Math.Abs(actual - reference) / Math.Abs(reference);
}
