namespace Tutor.Lessons.ManualBackprop;

/// <summary>
/// HW3 Q4 as a student writes it: the 2-2-2 network (sigmoid hidden layer, linear outputs) and its squared error,
/// one ordinary C# function of the twelve parameters. The generator adds ErrorGradient, ErrorTrace, … to this class.
/// </summary>
public static partial class Network
{
    /// <summary>E = ½(ô₁ − o₁)² + ½(ô₂ − o₂)² for inputs (x1, x2) and targets (o1, o2).</summary>
    [Differentiable]
    public static double Error(double w1, double w2, double w3, double w4, double w5, double w6, double w7, double w8,
                               double bh1, double bh2, double bo1, double bo2,
                               [NoDiff] double x1, [NoDiff] double x2, [NoDiff] double o1, [NoDiff] double o2)
    {
        double h1 = StableMath.Sigmoid(w1 * x1 + w2 * x2 + bh1);
        double h2 = StableMath.Sigmoid(w3 * x1 + w4 * x2 + bh2);
        double out1 = w5 * h1 + w6 * h2 + bo1;
        double out2 = w7 * h1 + w8 * h2 + bo2;
        double e1 = 0.5 * (out1 - o1) * (out1 - o1);
        double e2 = 0.5 * (out2 - o2) * (out2 - o2);
        return e1 + e2;
    }
}
