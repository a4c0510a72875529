using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// SGD with momentum, seed 004 §3: the velocity accumulates gradients,
/// v_{t+1} = μ v_t + ∇θ L(D_batch, θ_t), and the step follows it, θ_{t+1} = θ_t − α_t v_{t+1}, with v_0 = 0 and μ ≈ 0.9.
/// </summary>
/// <remarks>
/// The notes write the step as θ_t − α_t v_t; with v_0 = 0 that would make the first step zero, so the freshly updated
/// velocity v_{t+1} is meant, as in PyTorch's <c>torch.optim.SGD(momentum=μ)</c> (dampening 0), which this matches step
/// for step.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Momentum<T> : Optimizer<T> where T : IFloatingPointIeee754<T>
{
    readonly T mu;

    /// <summary>Creates SGD with momentum factor μ (the seed uses 0.9).</summary>
    public Momentum(IParameters<T> model, double learningRate, double momentum = 0.9) : base(model, learningRate, stateSlots: 1)
    {
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "μ must be in [0, 1)");
        MomentumFactor = momentum;
        mu = T.CreateChecked(momentum);
    }

    /// <summary>μ, the momentum factor.</summary>
    public double MomentumFactor { get; }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> theta, ReadOnlySpan<T> gradient, T alpha)
    {
        var v = State(index, 0);
        for (int i = 0; i < theta.Length; i++)
        {
            v[i] = mu * v[i] + gradient[i];
            theta[i] -= alpha * v[i];
        }
    }
}
