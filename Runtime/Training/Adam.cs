using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// Adam (Kingma and Ba, 2015, Algorithm 1), seed 004 §5. With g_t = ∇θ L(D_batch, θ_{t−1}):
/// m_t = β₁ m_{t−1} + (1 − β₁) g_t,  v_t = β₂ v_{t−1} + (1 − β₂) g_t²,
/// m̂_t = m_t / (1 − β₁ᵗ),  v̂_t = v_t / (1 − β₂ᵗ),  θ_t = θ_{t−1} − α m̂_t / (√v̂_t + ε).
/// </summary>
/// <remarks>
/// The notes name Adam without writing it out; these are the paper's equations, which are also what
/// <c>torch.optim.Adam</c> computes (ε added after the square root). The bias corrections undo the pull of m_0 = v_0 = 0
/// towards zero in the first steps; without them the first step would be (1 − β₁)/√(1 − β₂) ≈ 3 times too large.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Adam<T> : Optimizer<T> where T : IFloatingPointIeee754<T>
{
    readonly T beta1, beta2, oneMinusBeta1, oneMinusBeta2, epsilon;

    /// <summary>Creates Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e−8.</summary>
    public Adam(IParameters<T> model, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base(model, learningRate, stateSlots: 2)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must be in [0, 1)");
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");
        (Beta1, Beta2, Epsilon) = (beta1, beta2, epsilon);
        (this.beta1, this.beta2, this.epsilon) = (T.CreateChecked(beta1), T.CreateChecked(beta2), T.CreateChecked(epsilon));
        // 1 − β rounded once from double: in float, 1 − (float)0.999 is off by 1.3e−5 relative, (float)(1 − 0.999) is not.
        (oneMinusBeta1, oneMinusBeta2) = (T.CreateChecked(1 - beta1), T.CreateChecked(1 - beta2));
    }

    /// <summary>β₁, the decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ to keep the step finite.</summary>
    public double Epsilon { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> theta, ReadOnlySpan<T> gradient, T alpha)
    {
        var m = State(index, 0);
        var v = State(index, 1);
        // 1 − βᵗ in double: βᵗ underflows gracefully there, and the correction is one number per step.
        T correction1 = T.CreateChecked(1.0 - Math.Pow(Beta1, StepCount));
        T correction2 = T.CreateChecked(1.0 - Math.Pow(Beta2, StepCount));
        for (int i = 0; i < theta.Length; i++)
        {
            T g = gradient[i];
            m[i] = beta1 * m[i] + oneMinusBeta1 * g;
            v[i] = beta2 * v[i] + oneMinusBeta2 * g * g;
            T mHat = m[i] / correction1;
            T vHat = v[i] / correction2;
            theta[i] -= alpha * mHat / (T.Sqrt(vHat) + epsilon);
        }
    }
}
