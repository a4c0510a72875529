namespace Tutor;

/// <summary>
/// The local derivatives of the ops with kinks (|a|, max, min, clamp, ReLU) and two guarded helpers (x·ln y, a/b).
/// They are ops of the shared rule table, so generated gradient code and the symbolic engine use the same conventions.
/// </summary>
/// <remarks>
/// Conventions at the kinks follow PyTorch: ReLU′(0) = 0, sgn′ via sgn(0) = 0, and ties of max/min split the gradient
/// evenly (½ to each operand). A NaN operand gives NaN wherever a derivative is asked of it, so a NaN in the forward
/// pass is never silently turned into a 0 or 1 in the backward pass.
/// </remarks>
public static class Partials
{
    /// <summary>The sign of a as a number: −1, 0 (for ±0) or +1; NaN for NaN. ∂|a|/∂a, with 0 at a = 0.</summary>
    public static double Sign(double a) => a > 0 ? 1.0 : a < 0 ? -1.0 : a == 0 ? 0.0 : double.NaN;

    /// <inheritdoc cref="Sign(double)"/>
    public static float Sign(float a) => a > 0 ? 1f : a < 0 ? -1f : a == 0 ? 0f : float.NaN;

    /// <summary>[a &gt; 0]: 1 for a &gt; 0, else 0, so ReLU′(0) = 0 (as in PyTorch); NaN for NaN.</summary>
    public static double Step(double a) => a > 0 ? 1.0 : double.IsNaN(a) ? double.NaN : 0.0;

    /// <inheritdoc cref="Step(double)"/>
    public static float Step(float a) => a > 0 ? 1f : float.IsNaN(a) ? float.NaN : 0f;

    /// <summary>∂max(a, b)/∂a: 1 if a &gt; b, ½ if a = b (ties split evenly, like torch.maximum), 0 if a &lt; b; NaN if either is NaN.</summary>
    public static double MaxFirst(double a, double b) => a > b ? 1.0 : a == b ? 0.5 : a < b ? 0.0 : double.NaN;

    /// <inheritdoc cref="MaxFirst(double, double)"/>
    public static float MaxFirst(float a, float b) => a > b ? 1f : a == b ? 0.5f : a < b ? 0f : float.NaN;

    /// <summary>∂max(a, b)/∂b: 1 if b &gt; a, ½ if a = b, 0 if b &lt; a; NaN if either is NaN.</summary>
    public static double MaxSecond(double a, double b) => MaxFirst(b, a);

    /// <inheritdoc cref="MaxSecond(double, double)"/>
    public static float MaxSecond(float a, float b) => MaxFirst(b, a);

    /// <summary>∂min(a, b)/∂a: 1 if a &lt; b, ½ if a = b (ties split evenly, like torch.minimum), 0 if a &gt; b; NaN if either is NaN.</summary>
    public static double MinFirst(double a, double b) => a < b ? 1.0 : a == b ? 0.5 : a > b ? 0.0 : double.NaN;

    /// <inheritdoc cref="MinFirst(double, double)"/>
    public static float MinFirst(float a, float b) => a < b ? 1f : a == b ? 0.5f : a > b ? 0f : float.NaN;

    /// <summary>∂min(a, b)/∂b: 1 if b &lt; a, ½ if a = b, 0 if b &gt; a; NaN if either is NaN.</summary>
    public static double MinSecond(double a, double b) => MinFirst(b, a);

    /// <inheritdoc cref="MinSecond(double, double)"/>
    public static float MinSecond(float a, float b) => MinFirst(b, a);

    /// <summary>∂clamp(a, lo, hi)/∂a: 1 if lo ≤ a ≤ hi (bounds included), else 0; NaN if any operand is NaN.</summary>
    public static double ClampValue(double a, double lo, double hi) =>
        AnyNaN(a, lo, hi) ? double.NaN : lo <= a && a <= hi ? 1.0 : 0.0;

    /// <inheritdoc cref="ClampValue(double, double, double)"/>
    public static float ClampValue(float a, float lo, float hi) => (float)ClampValue((double)a, lo, hi);

    /// <summary>∂clamp(a, lo, hi)/∂lo: 1 if a &lt; lo (the result is lo), else 0; NaN if any operand is NaN.</summary>
    public static double ClampLow(double a, double lo, double hi) =>
        AnyNaN(a, lo, hi) ? double.NaN : a < lo ? 1.0 : 0.0;

    /// <inheritdoc cref="ClampLow(double, double, double)"/>
    public static float ClampLow(float a, float lo, float hi) => (float)ClampLow((double)a, lo, hi);

    /// <summary>∂clamp(a, lo, hi)/∂hi: 1 if a &gt; hi (the result is hi), else 0; NaN if any operand is NaN.</summary>
    public static double ClampHigh(double a, double lo, double hi) =>
        AnyNaN(a, lo, hi) ? double.NaN : a > hi ? 1.0 : 0.0;

    /// <inheritdoc cref="ClampHigh(double, double, double)"/>
    public static float ClampHigh(float a, float lo, float hi) => (float)ClampHigh((double)a, lo, hi);

    /// <summary>
    /// x·ln y with the entropy convention 0·ln y = 0 (so 0·ln 0 = 0, where the plain product is NaN).
    /// NaN if x or y is NaN (0·ln NaN is NaN, as in torch.xlogy).
    /// </summary>
    public static double XLogY(double x, double y) =>
        double.IsNaN(y) ? double.NaN : x == 0 ? 0.0 : x * Math.Log(y);

    /// <inheritdoc cref="XLogY(double, double)"/>
    public static float XLogY(float x, float y) => (float)XLogY((double)x, y);

    /// <summary>a / b with 0 where b = 0 (used for ∂hypot at the origin); NaN if a or b is NaN.</summary>
    public static double SafeDiv(double a, double b) =>
        double.IsNaN(a) || double.IsNaN(b) ? double.NaN : b == 0 ? 0.0 : a / b;

    /// <inheritdoc cref="SafeDiv(double, double)"/>
    public static float SafeDiv(float a, float b) =>
        float.IsNaN(a) || float.IsNaN(b) ? float.NaN : b == 0 ? 0f : a / b;

    static bool AnyNaN(double a, double b, double c) => double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c);
}
