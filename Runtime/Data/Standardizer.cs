using System.Numerics;

namespace Tutor.Data;

/// <summary>
/// Standardisation x′ = (x − μ)/σ per column, fitted on the training rows only and then applied unchanged to
/// validation and test rows, so that nothing about them leaks into training. σ is the population standard deviation
/// (divide by n, as scikit-learn's StandardScaler); a constant column (σ ≤ 1e−12·|μ|, rounding noise) gets σ = 1 so it maps to 0 instead of NaN or noise.
/// </summary>
public sealed class Standardizer
{
    Standardizer(double[] mean, double[] scale) => (Mean, Scale) = (mean, scale);

    /// <summary>μ per column.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>σ per column (1 where the column is constant).</summary>
    public IReadOnlyList<double> Scale { get; }

    /// <summary>The number of columns.</summary>
    public int Columns => Mean.Count;

    /// <summary>Fits μ and σ on all rows of a row-major matrix with <paramref name="columns"/> columns (accumulated in double).</summary>
    public static Standardizer Fit<T>(ReadOnlySpan<T> data, int columns) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (data.Length % columns != 0) throw new ArgumentException($"{data.Length} values do not make rows of {columns} columns", nameof(data));
        int rows = data.Length / columns;
        var all = new int[rows];
        for (int r = 0; r < rows; r++) all[r] = r;
        return Fit(data, columns, all);
    }

    /// <summary>Fits μ and σ on the given rows only (the training split).</summary>
    public static Standardizer Fit<T>(ReadOnlySpan<T> data, int columns, ReadOnlySpan<int> rows) where T : IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (rows.Length == 0) throw new ArgumentException("cannot fit a standardiser on zero rows", nameof(rows));
        var mean = new double[columns];
        var scale = new double[columns];
        foreach (int r in rows)
            for (int c = 0; c < columns; c++) mean[c] += double.CreateChecked(data[r * columns + c]);
        for (int c = 0; c < columns; c++) mean[c] /= rows.Length;
        foreach (int r in rows)
            for (int c = 0; c < columns; c++)
            {
                double d = double.CreateChecked(data[r * columns + c]) - mean[c];
                scale[c] += d * d;
            }
        for (int c = 0; c < columns; c++)
        {
            double sigma = Math.Sqrt(scale[c] / rows.Length);
            // A constant column's computed σ is rounding noise (~ε|μ|), not spread: treat it as exactly constant.
            scale[c] = sigma > 1e-12 * Math.Abs(mean[c]) && sigma > 0 ? sigma : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /// <summary>Applies x′ = (x − μ)/σ in place to every row of <paramref name="data"/>.</summary>
    public void Transform<T>(Span<T> data) where T : IFloatingPointIeee754<T>
    {
        CheckShape(data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % Columns;
            data[i] = T.CreateChecked((double.CreateChecked(data[i]) - Mean[c]) / Scale[c]);
        }
    }

    /// <summary>Undoes <see cref="Transform{T}"/> in place: x = x′σ + μ.</summary>
    public void InverseTransform<T>(Span<T> data) where T : IFloatingPointIeee754<T>
    {
        CheckShape(data.Length);
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % Columns;
            data[i] = T.CreateChecked(double.CreateChecked(data[i]) * Scale[c] + Mean[c]);
        }
    }

    void CheckShape(int length)
    {
        if (length % Columns != 0) throw new ArgumentException($"{length} values do not make rows of the {Columns} columns this standardiser was fitted on");
    }
}
