namespace Tutor.Lessons.JacobianModes;

/// <summary>The sizes the lesson runs at. <see cref="Full"/> is LESSONS.md's; the tests use <see cref="Quick"/>.</summary>
/// <param name="Depths">L values for the timing tables (LESSONS.md: 3, 5, 10).</param>
/// <param name="Width">D = K for the "one output" table (LESSONS.md: 1000).</param>
/// <param name="TallInputs">D for the "many outputs" table (P ≫ D).</param>
/// <param name="TallOutputs">P for the "many outputs" table.</param>
/// <param name="SecondsPerTiming">Each timing repeats its computation until this much time has passed (at least once).</param>
/// <param name="TimeGenerated">Whether to time the generated (scalar, loop-based) code at the big size too.</param>
public sealed record JacobianModesOptions(int[] Depths, int Width, int TallInputs, int TallOutputs, double SecondsPerTiming, bool TimeGenerated)
{
    public static JacobianModesOptions Full { get; } = new([3, 5, 10], 1000, 10, 1000, 1.0, true);
    public static JacobianModesOptions Quick { get; } = new([3], 200, 4, 200, 0.05, false);
}
