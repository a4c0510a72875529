namespace Tutor.Lessons.FormulaGradient;

/// <summary>
/// HW3 Q1 as a student writes it: an ordinary C# function marked [Differentiable]. The generator adds
/// FGradient, FJvp, FTrace and FDerivation (and the same for F32) to this partial class.
/// </summary>
public static partial class Formula
{
    /// <summary>f(x, y) = (x + eʸ) / (ln x + (x − y)³), in double precision.</summary>
    [Differentiable]
    public static double F(double x, double y) => (x + Math.Exp(y)) / (Math.Log(x) + Math.Pow(x - y, 3));

    /// <summary>The same function in single precision, as PyTorch computes it by default.</summary>
    [Differentiable]
    public static float F32(float x, float y) => (x + MathF.Exp(y)) / (MathF.Log(x) + MathF.Pow(x - y, 3));
}
