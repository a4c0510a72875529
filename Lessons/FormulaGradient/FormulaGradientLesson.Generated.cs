namespace Tutor.Lessons.FormulaGradient;

// The one file of this lesson that calls what the generator wrote into Formula (FGradient, FJvp, FTrace, FDerivation).
public sealed partial class FormulaGradientLesson
{
    /// <summary>Runs the generated code at (x, y).</summary>
    public static Measurements Measure(double x, double y)
    {
        var (value, dx, dy) = Formula.FGradient(x, y);
        var (jvpValue, tangentX) = Formula.FJvp(x, y, 1, 0);
        var (_, tangentY) = Formula.FJvp(x, y, 0, 1);
        var (value32, dx32, dy32) = Formula.F32Gradient((float)x, (float)y);
        return new Measurements(
            Float64: new Gradient2(value, dx, dy),
            ForwardMode: new Gradient2(jvpValue, tangentX, tangentY),
            Float32: new Gradient2(value32, dx32, dy32),
            Trace64: Formula.FTrace(x, y),
            Derivation: Formula.FDerivation);
    }
}
