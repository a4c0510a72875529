using Tutor.Gpu;

namespace Tutor.Lessons;

/// <summary>
/// Host-side helpers of the lessons' GPU paths. (The optimizer steps are <see cref="GpuOptimizer{T}"/>s of
/// <c>Tutor.Runtime.Gpu</c>: <see cref="GpuSgd{T}"/>, <see cref="GpuMomentum{T}"/>, … — one kernel per parameter tensor.)
/// </summary>
public static class GpuTraining
{
    /// <summary>The index of the largest entry of each row of a host matrix given as rows × columns floats.</summary>
    public static int[] ArgMaxRows(ReadOnlySpan<float> values, int rows, int columns)
    {
        var result = new int[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = values.Slice(r * columns, columns);
            int best = 0;
            for (int c = 1; c < columns; c++) if (row[c] > row[best]) best = c;
            result[r] = best;
        }
        return result;
    }
}
