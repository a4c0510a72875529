using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// Gradient descent, seed 004 §0 and §2 (full batch or mini-batch alike; the difference is only in which data the
/// gradient was computed on): θ_{t+1} = θ_t − α_t ∇θ L(D_batch, θ_t).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Sgd<T> : Optimizer<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates plain SGD with learning rate α.</summary>
    public Sgd(IParameters<T> model, double learningRate) : base(model, learningRate, stateSlots: 0) { }

    /// <inheritdoc/>
    protected override void Update(int index, Span<T> theta, ReadOnlySpan<T> gradient, T alpha)
    {
        // θ + (−α)·g, vectorised: the same bits as θ − α·g (negation is exact, and MultiplyAdd does not fuse).
        System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(gradient[..theta.Length], -alpha, theta, theta);
    }
}
