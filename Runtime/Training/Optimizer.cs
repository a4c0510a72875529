using System.Numerics;

namespace Tutor.Training;

/// <summary>
/// The shape every optimizer shares: bound to a model's parameters at construction (as in PyTorch), it applies its
/// update rule to each parameter when <see cref="Step"/> is called, reading the gradients the backward pass left in
/// <see cref="Parameter{T}.Gradient"/>. Update rules follow seed 004's notes; see docs/training.md.
/// </summary>
/// <typeparam name="T">float or double; the update runs in that precision, as PyTorch's does.</typeparam>
public abstract class Optimizer<T> where T : IFloatingPointIeee754<T>
{
    readonly IReadOnlyList<Parameter<T>> parameters;
    readonly T[]?[][] state;
    double learningRate;

    /// <summary>Binds the optimizer to <paramref name="model"/>'s parameters.</summary>
    /// <param name="model">The parameters to train.</param>
    /// <param name="learningRate">α, the step size; finite and positive.</param>
    /// <param name="stateSlots">How many per-element buffers the rule keeps (momentum: 1, Adam: 2).</param>
    protected Optimizer(IParameters<T> model, double learningRate, int stateSlots)
    {
        ArgumentNullException.ThrowIfNull(model);
        parameters = [.. model.Parameters];
        state = new T[]?[parameters.Count][];
        for (int i = 0; i < state.Length; i++) state[i] = new T[]?[stateSlots];
        LearningRate = learningRate;
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <summary>α, the learning rate; a schedule may change it between steps.</summary>
    public double LearningRate
    {
        get => learningRate;
        set => learningRate = Schedules.CheckRate(value);
    }

    /// <summary>t, the number of steps taken so far (Adam's bias correction uses it).</summary>
    public int StepCount { get; private set; }

    /// <summary>Applies one update θ ← θ − (rule) to every parameter, using the current gradients.</summary>
    public void Step()
    {
        StepCount++;
        T alpha = T.CreateChecked(learningRate);
        for (int i = 0; i < parameters.Count; i++)
            Update(i, parameters[i].Value.Span, parameters[i].Gradient.Span, alpha);
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGradients()
    {
        foreach (var p in parameters) p.Gradient.Span.Clear();
    }

    /// <summary>Applies the rule to one parameter.</summary>
    /// <param name="index">The parameter's position (for <see cref="State"/>).</param>
    /// <param name="theta">θ, updated in place.</param>
    /// <param name="gradient">∇θ L at the current θ.</param>
    /// <param name="alpha">α in the parameter's precision.</param>
    protected abstract void Update(int index, Span<T> theta, ReadOnlySpan<T> gradient, T alpha);

    /// <summary>The per-element buffer <paramref name="slot"/> of parameter <paramref name="index"/> (v, m, …), zero on first use.</summary>
    protected Span<T> State(int index, int slot) => state[index][slot] ??= new T[parameters[index].Length];
}
