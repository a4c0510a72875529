namespace Tutor.Lessons.LogExpPrecision;

/// <summary>
/// HW3 Q3 as a student writes it: z = −log(eˣ / (eˣ + eʸ)) in float32, as PyTorch computes it by default.
/// The generator adds NaiveGradient, StableGradient, … to this class.
/// </summary>
public static partial class LogExp
{
    /// <summary>The seed's log_exp, word for word. The analyzer flags it (NUM0001); the pragma keeps it so the lesson can show why.</summary>
#pragma warning disable NUM0001
    [Differentiable]
    public static float Naive(float x, float y) => -MathF.Log(MathF.Exp(x) / (MathF.Exp(x) + MathF.Exp(y)));
#pragma warning restore NUM0001

    /// <summary>What the code fix makes of it: −(−Softplus(y − x)), tidied to softplus(y − x) = log(1 + e^(y−x)).</summary>
    [Differentiable]
    public static float Stable(float x, float y) => StableMath.Softplus(y - x);

    /// <summary>The seed's stable_log_exp, log(1 + e^(y−x)), word for word: stable at (50, 100), but the analyzer flags it too (NUM0006).</summary>
#pragma warning disable NUM0006
    [Differentiable]
    public static float SeedStable(float x, float y) => MathF.Log(1 + MathF.Exp(y - x));
#pragma warning restore NUM0006
}
