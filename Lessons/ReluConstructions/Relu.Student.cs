namespace Tutor.Lessons.ReluConstructions;

/// <summary>
/// Seed 001 P3 as a student writes it: two piecewise-linear functions built from ReLUs only.
/// The generator adds TriangleGradient, SoftThresholdGradient, … to this class.
/// </summary>
public static partial class Relu
{
    /// <summary>Exercise 8: the triangle 2x on [0, ½], 2(1 − x) on [½, 1], 0 elsewhere.</summary>
    [Differentiable]
    public static double Triangle(double x) =>
        StableMath.Relu(-StableMath.Relu(2 * x - 1) - StableMath.Relu(1 - 2 * x) + 1);

    /// <summary>Exercise 9: the soft threshold max(|x| − s, 0)·sign(x).</summary>
    [Differentiable]
    public static double SoftThreshold(double x, [NoDiff] double s) =>
        StableMath.Relu(x - s) - StableMath.Relu(-x - s);

    /// <summary>The same triangle with ReLU written as Math.Max(0, ·): same values, another rule at the kinks.</summary>
    [Differentiable]
    public static double TriangleWithMax(double x) =>
        Math.Max(0, -Math.Max(0, 2 * x - 1) - Math.Max(0, 1 - 2 * x) + 1);
}
