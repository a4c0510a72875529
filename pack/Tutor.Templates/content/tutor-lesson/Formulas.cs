using Tutor;

namespace TutorLesson;

/// <summary>
/// Your functions. For every method marked [Differentiable] (static, in this partial class) the Tutor generator
/// writes, right next to it:
///   FGradient(x, y)         → (value, ∂f/∂x, ∂f/∂y), by reverse mode (backpropagation)
///   FJvp(x, y, ẋ, ẏ)        → (value, ∂f/∂x·ẋ + ∂f/∂y·ẏ), by forward mode
///   FTrace(x, y)            → every forward step and every backward += with its numbers
///   FDerivation             → the derivatives as formulas (LaTeX and text)
/// After a build the generated code is in generated/…/Formulas.F.g.cs: open it, set a breakpoint, step through it.
/// </summary>
public static partial class Formulas
{
    /// <summary>f(x, y) = x·y + sin(x). Change it, build, and read the new backward code.</summary>
    [Differentiable]
    public static double F(double x, double y) => x * y + Math.Sin(x);
}
