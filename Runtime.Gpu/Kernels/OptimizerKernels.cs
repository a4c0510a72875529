using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// One optimizer step on one parameter tensor, in one launch: the update rules of <c>Tutor.Training</c>'s
/// <c>Sgd</c>, <c>Momentum</c>, <c>Nesterov</c> and <c>Adam</c>, element for element, with the same operations in the
/// same order (so on a device without fused multiply-adds the results are the CPU's bits). Grid-stride; every
/// element is independent, so no barriers and no reductions.
/// </summary>
public static class OptimizerKernels
{
    /// <summary>Which rule <see cref="Step{T, M}"/> applies.</summary>
    public const int Sgd = 0, Momentum = 1, Nesterov = 2, Adam = 3;

    /// <summary>
    /// θ ← rule(θ, g, state) for every element: SGD θ −= α g; momentum v = μ v + g, θ −= α v; Nesterov v = μ v + g,
    /// θ −= α (g + μ v); Adam m = β₁ m + (1 − β₁) g, v = β₂ v + (1 − β₂) g², θ −= α (m / c₁) / (√(v / c₂) + ε).
    /// </summary>
    public static void Step<T, M>(OptimizerArgs<T> a) where T : unmanaged where M : struct, IReal<T>
    {
        M m = default;
        int stride = Grid.DimX * Group.DimX;
        for (int i = Grid.GlobalIndex.X; i < a.N; i += stride)
        {
            T g = a.Gradient[i];
            T theta = a.Theta[i];
            if (a.Rule == Sgd)
            {
                theta = m.Sub(theta, m.Mul(a.Alpha, g));
            }
            else if (a.Rule == Momentum || a.Rule == Nesterov)
            {
                T v = m.Add(m.Mul(a.Beta1, a.State1[i]), g);
                a.State1[i] = v;
                theta = a.Rule == Momentum
                    ? m.Sub(theta, m.Mul(a.Alpha, v))
                    : m.Sub(theta, m.Mul(a.Alpha, m.Add(g, m.Mul(a.Beta1, v))));
            }
            else
            {
                T first = m.Add(m.Mul(a.Beta1, a.State1[i]), m.Mul(a.OneMinusBeta1, g));
                T second = m.Add(m.Mul(a.Beta2, a.State2[i]), m.Mul(m.Mul(a.OneMinusBeta2, g), g));
                a.State1[i] = first;
                a.State2[i] = second;
                T mHat = m.Div(first, a.Correction1);
                T vHat = m.Div(second, a.Correction2);
                theta = m.Sub(theta, m.Div(m.Mul(a.Alpha, mHat), m.Add(m.Sqrt(vHat), a.Epsilon)));
            }
            a.Theta[i] = theta;
        }
    }
}

/// <summary>The operands of <see cref="OptimizerKernels.Step{T, M}"/>. State views a rule does not use point at θ and are not touched.</summary>
public struct OptimizerArgs<T> where T : unmanaged
{
    /// <summary>θ, updated in place.</summary>
    public ArrayView<T> Theta;
    /// <summary>∇θ L, read only.</summary>
    public ArrayView<T> Gradient;
    /// <summary>The velocity (momentum, Nesterov) or the first moment m (Adam).</summary>
    public ArrayView<T> State1;
    /// <summary>The second moment v (Adam).</summary>
    public ArrayView<T> State2;
    /// <summary>α, the learning rate.</summary>
    public T Alpha;
    /// <summary>μ (momentum, Nesterov) or β₁ (Adam).</summary>
    public T Beta1;
    /// <summary>β₂ (Adam).</summary>
    public T Beta2;
    /// <summary>1 − β₁ and 1 − β₂, each rounded once from double (Adam).</summary>
    public T OneMinusBeta1, OneMinusBeta2;
    /// <summary>The bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ, computed in double on the host (Adam).</summary>
    public T Correction1, Correction2;
    /// <summary>ε (Adam).</summary>
    public T Epsilon;
    /// <summary>Elements.</summary>
    public int N;
    /// <summary><see cref="OptimizerKernels.Sgd"/>, <see cref="OptimizerKernels.Momentum"/>, <see cref="OptimizerKernels.Nesterov"/> or <see cref="OptimizerKernels.Adam"/>.</summary>
    public int Rule;
}
