using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Tutor.Gpu.Kernels;
using Tutor.Training;

namespace Tutor.Gpu;

/// <summary>
/// A trainable tensor on the device: its values θ and the gradient ∂L/∂θ the backward pass writes, the device twin of
/// <c>Tutor.Training.Parameter</c>. The optimizer reads <see cref="Gradient"/> and updates <see cref="Value"/> in
/// place, so both must stay the same tensors for the optimizer's life (clear the gradient with
/// <see cref="GpuRuntime.Clear{T}"/> rather than replacing it).
/// </summary>
/// <param name="Name">The name used in error messages ("W1", "b2").</param>
/// <param name="Value">θ, updated in place.</param>
/// <param name="Gradient">∂L/∂θ, same shape, separate storage.</param>
public sealed record GpuParameter<T>(string Name, GpuTensor<T> Value, GpuTensor<T> Gradient) where T : unmanaged, IFloatingPointIeee754<T>;

/// <summary>
/// The optimizers of <c>Tutor.Training</c> on the device: bound to a model's parameters at construction (as on the
/// CPU), <see cref="Step"/> applies the update rule to every parameter with one kernel launch per parameter tensor
/// (<see cref="OptimizerKernels.Step{T, M}"/>), reading the gradients on the device. The state (velocities, moments)
/// is allocated on the device once, at construction, and starts at zero: a step allocates nothing and waits for
/// nothing. The rules and hyperparameters are exactly those of <c>Sgd</c>, <c>Momentum</c>, <c>Nesterov</c> and
/// <c>Adam</c> (see their documentation for the maths); the tests run each against its CPU twin.
/// </summary>
/// <typeparam name="T">float or double; the update runs in that precision.</typeparam>
public abstract class GpuOptimizer<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly GpuRuntime runtime;
    readonly GpuParameter<T>[] parameters;
    readonly GpuTensor<T>?[][] state;
    readonly Action<AcceleratorStream, KernelConfig, OptimizerArgs<T>> kernel;
    double learningRate;
    bool disposed;

    private protected GpuOptimizer(GpuRuntime runtime, IEnumerable<GpuParameter<T>> parameters, double learningRate, int stateSlots)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(parameters);
        this.runtime = runtime;
        this.parameters = [.. parameters];
        string kind = GetType().Name.Split('`')[0];
        if (this.parameters.Length == 0) throw new ArgumentException($"{kind}: no parameters to train; pass the model's (value, gradient) pairs.", nameof(parameters));
        foreach (var p in this.parameters)
        {
            ArgumentNullException.ThrowIfNull(p);
            runtime.Own(p.Value, $"{kind} parameter '{p.Name}'");
            runtime.Own(p.Gradient, $"{kind} parameter '{p.Name}' (gradient)");
            if (p.Value.Shape != p.Gradient.Shape)
                throw new ArgumentException($"{kind}: parameter '{p.Name}' is {p.Value.Shape} but its gradient is {p.Gradient.Shape}; they must match.", nameof(parameters));
            if (p.Value.Overlaps(p.Gradient))
                throw new ArgumentException($"{kind}: parameter '{p.Name}' and its gradient share device storage; give the gradient its own tensor.", nameof(parameters));
        }
        LearningRate = learningRate;
        kernel = runtime.Kernel<Action<AcceleratorStream, KernelConfig, OptimizerArgs<T>>>(
            new KernelKey(typeof(OptimizerKernels), nameof(OptimizerKernels.Step), typeof(void), typeof(void), typeof(T)),
            static k => typeof(OptimizerKernels).GetMethod(nameof(OptimizerKernels.Step))!
                .MakeGenericMethod(k.Element, k.Element == typeof(float) ? typeof(F32) : typeof(F64)));
        state = new GpuTensor<T>?[this.parameters.Length][];
        for (int i = 0; i < state.Length; i++)
        {
            state[i] = new GpuTensor<T>?[2];
            for (int s = 0; s < stateSlots; s++) state[i][s] = runtime.Zeros<T>(this.parameters[i].Value.Shape);
        }
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<GpuParameter<T>> Parameters => parameters;

    /// <summary>α, the learning rate; a schedule may change it between steps.</summary>
    public double LearningRate
    {
        get => learningRate;
        set => learningRate = Schedules.CheckRate(value);
    }

    /// <summary>t, the number of steps taken so far (Adam's bias correction uses it).</summary>
    public int StepCount { get; private set; }

    /// <summary>Queues one update θ ← θ − (rule) of every parameter from its current gradient: one kernel launch per parameter.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        StepCount++;
        var args = new OptimizerArgs<T> { Alpha = T.CreateChecked(learningRate) };
        Configure(ref args);
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            args.Theta = p.Value.View;
            args.Gradient = p.Gradient.View;
            args.State1 = state[i][0]?.View ?? args.Theta;
            args.State2 = state[i][1]?.View ?? args.Theta;
            args.N = p.Value.Length;
            kernel(runtime.Stream, runtime.Elementwise(args.N), args);
        }
    }

    /// <summary>Sets every parameter's gradient to zero on the device.</summary>
    public void ZeroGradients()
    {
        foreach (var p in parameters) runtime.Clear(p.Gradient);
    }

    /// <summary>Sets the rule and its hyperparameters (everything but the tensors and α).</summary>
    private protected abstract void Configure(ref OptimizerArgs<T> args);

    /// <summary>Gives the optimizer's state tensors back to the runtime's pool (the parameters stay yours).</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        foreach (var slots in state)
            foreach (var t in slots) t?.Dispose();
    }

    /// <summary>μ checked as the CPU optimizers check it.</summary>
    private protected static double CheckMomentum(double momentum) =>
        momentum >= 0 && momentum < 1 ? momentum : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "μ must be in [0, 1)");
}

/// <summary>Gradient descent on the device, θ ← θ − α ∇θ L: <c>Tutor.Training.Sgd</c>'s rule.</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class GpuSgd<T> : GpuOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates plain SGD with learning rate α over <paramref name="parameters"/>.</summary>
    public GpuSgd(GpuRuntime runtime, IEnumerable<GpuParameter<T>> parameters, double learningRate)
        : base(runtime, parameters, learningRate, stateSlots: 0) { }

    private protected override void Configure(ref OptimizerArgs<T> args) => args.Rule = OptimizerKernels.Sgd;
}

/// <summary>SGD with momentum on the device, v ← μ v + g, θ ← θ − α v (v₀ = 0): <c>Tutor.Training.Momentum</c>'s rule (PyTorch's, dampening 0).</summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class GpuMomentum<T> : GpuOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates SGD with momentum factor μ (the seed uses 0.9).</summary>
    public GpuMomentum(GpuRuntime runtime, IEnumerable<GpuParameter<T>> parameters, double learningRate, double momentum = 0.9)
        : base(runtime, parameters, learningRate, stateSlots: 1) => MomentumFactor = CheckMomentum(momentum);

    /// <summary>μ, the momentum factor.</summary>
    public double MomentumFactor { get; }

    private protected override void Configure(ref OptimizerArgs<T> args)
    {
        args.Rule = OptimizerKernels.Momentum;
        args.Beta1 = T.CreateChecked(MomentumFactor);
    }
}

/// <summary>
/// Nesterov's method on the device, v ← μ v + g, φ ← φ − α (g + μ v), the parameters held being the look-ahead point:
/// <c>Tutor.Training.Nesterov</c>'s rule (PyTorch's <c>SGD(nesterov=True)</c>).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class GpuNesterov<T> : GpuOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates Nesterov's method with momentum factor μ.</summary>
    public GpuNesterov(GpuRuntime runtime, IEnumerable<GpuParameter<T>> parameters, double learningRate, double momentum = 0.9)
        : base(runtime, parameters, learningRate, stateSlots: 1) => MomentumFactor = CheckMomentum(momentum);

    /// <summary>μ, the momentum factor.</summary>
    public double MomentumFactor { get; }

    private protected override void Configure(ref OptimizerArgs<T> args)
    {
        args.Rule = OptimizerKernels.Nesterov;
        args.Beta1 = T.CreateChecked(MomentumFactor);
    }
}

/// <summary>
/// Adam on the device (Kingma and Ba, Algorithm 1): <c>Tutor.Training.Adam</c>'s rule, with 1 − β rounded once from
/// double and the bias corrections 1 − βᵗ computed in double on the host each step, as there.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class GpuAdam<T> : GpuOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e−8.</summary>
    public GpuAdam(GpuRuntime runtime, IEnumerable<GpuParameter<T>> parameters, double learningRate = 1e-3, double beta1 = 0.9,
        double beta2 = 0.999, double epsilon = 1e-8)
        : base(runtime, parameters, learningRate, stateSlots: 2)
    {
        if (!(beta1 >= 0 && beta1 < 1)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must be in [0, 1)");
        if (!(beta2 >= 0 && beta2 < 1)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must be in [0, 1)");
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be non-negative");
        (Beta1, Beta2, Epsilon) = (beta1, beta2, epsilon);
    }

    /// <summary>β₁, the decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>β₂, the decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>ε, added to √v̂ to keep the step finite.</summary>
    public double Epsilon { get; }

    private protected override void Configure(ref OptimizerArgs<T> args)
    {
        args.Rule = OptimizerKernels.Adam;
        args.Beta1 = T.CreateChecked(Beta1);
        args.Beta2 = T.CreateChecked(Beta2);
        args.OneMinusBeta1 = T.CreateChecked(1 - Beta1);
        args.OneMinusBeta2 = T.CreateChecked(1 - Beta2);
        args.Epsilon = T.CreateChecked(Epsilon);
        args.Correction1 = T.CreateChecked(1.0 - Math.Pow(Beta1, StepCount));
        args.Correction2 = T.CreateChecked(1.0 - Math.Pow(Beta2, StepCount));
    }
}
