using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// Nesterov accelerated gradient, seed 004 §4: the gradient is taken at the look-ahead point,
/// v_{t+1} = μ v_t + ∇θ L(D_batch, θ_t − α μ v_t) and θ_{t+1} = θ_t − α_t v_{t+1}.
/// </summary>
/// <remarks>
/// <para>
/// The notes write the look-ahead as θ_t − μ v_t; their velocity accumulates raw gradients (see
/// <see cref="Momentum{T}"/>), so the point the next momentum step is heading for is θ_t − α μ v_t, which is what is
/// used here. Their second line, θ_{t+1} = θ_t − α_t ∇θL, steps along the velocity v_{t+1}.
/// </para>
/// <para>
/// A training loop can only give the gradient at the parameters the model holds. So, as in PyTorch
/// (<c>SGD(nesterov=True)</c>, which this matches step for step), the parameters held are the look-ahead point
/// φ_t = θ_t − α μ v_t. Substituting into the two lines above gives the rule applied here:
/// v_{t+1} = μ v_t + ∇L(φ_t) and φ_{t+1} = φ_t − α (∇L(φ_t) + μ v_{t+1}).
/// With v_0 = 0 both start at φ_0 = θ_0, and θ_t = φ_t + α μ v_t recovers the notes' sequence exactly.
/// </para>
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Nesterov<T> : Optimizer<T> where T : IFloatingPointIeee754<T>
{
    readonly T mu;

    /// <summary>Creates Nesterov's method with momentum factor μ.</summary>
    public Nesterov(IParameters<T> model, double learningRate, double momentum = 0.9) : base(model, learningRate, stateSlots: 1)
    {
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "μ must be in [0, 1)");
        MomentumFactor = momentum;
        mu = T.CreateChecked(momentum);
    }

    /// <summary>μ, the momentum factor.</summary>
    public double MomentumFactor { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> phi, ReadOnlySpan<T> gradient, T alpha)
    {
        var v = State(index, 0);
        for (int i = 0; i < phi.Length; i++)
        {
            v[i] = mu * v[i] + gradient[i];
            phi[i] -= alpha * (gradient[i] + mu * v[i]);
        }
    }
}
