namespace Tutor.Student.Tests;

/// <summary>Functions as a student writes them; the generator adds their Gradient and Trace members.</summary>
public static partial class Functions
{
    /// <summary>f(x, y) = x·y + sin(x): the template's first function.</summary>
    [Differentiable]
    public static double First(double x, double y) => x * y + Math.Sin(x);

    /// <summary>x used three times (x·x and ln x) and a branch: several += contributions to x̄.</summary>
    [Differentiable]
    public static double Branchy(double x)
    {
        double s = x * x;
        if (x > 1) s = s + Math.Log(x);
        return s;
    }
}
