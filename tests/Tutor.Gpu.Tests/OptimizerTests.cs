using System.Numerics;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Gpu.Tests;

/// <summary>
/// The device optimizers against their CPU twins in <c>Tutor.Training</c> (the reference): the same start, the same
/// gradient function, eight steps, the parameters compared after every step within <see cref="Compare"/>'s tolerance.
/// The gradient is that of a quadratic plus a per-step perturbation, g = d ⊙ (θ − c) + n_t, computed on the host from
/// each backend's own current θ, so a wrong rule moves the trajectories apart and the error compounds. After the
/// optimizer is constructed the steps allocate no device memory.
/// </summary>
[Collection(SimulatorCollection.Name)]
public class OptimizerTests(SimulatorFixture fixture)
{
    readonly GpuRuntime gpu = fixture.Runtime;

    const int Steps = 8;
    // A 7×11 matrix (77 elements: more than the simulator's 4 groups × 16 threads, so the grid-stride loop wraps) and a vector of 3.
    static readonly TensorShape[] Shapes = [TensorShape.Matrix(7, 11), TensorShape.Vector(3)];

    public static TheoryData<string, Type> Cases() => new()
    {
        { "sgd", typeof(float) }, { "momentum", typeof(float) }, { "nesterov", typeof(float) }, { "adam", typeof(float) },
        { "sgd", typeof(double) }, { "momentum", typeof(double) }, { "nesterov", typeof(double) }, { "adam", typeof(double) },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Steps_match_the_cpu_optimizer(string rule, Type element)
    {
        if (element == typeof(float)) Run<float>(rule);
        else Run<double>(rule);
    }

    void Run<T>(string rule) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new Random(rule.Length * 31 + (typeof(T) == typeof(float) ? 1 : 2));
        T[] Draw(int n, double lo, double hi) => [.. Enumerable.Range(0, n).Select(_ => T.CreateTruncating(lo + (hi - lo) * g.NextDouble()))];
        var start = Shapes.Select(s => Draw(s.Length, -1, 1)).ToArray();
        var curvature = Shapes.Select(s => Draw(s.Length, 0.5, 2)).ToArray();
        var centre = Shapes.Select(s => Draw(s.Length, -0.5, 0.5)).ToArray();
        var noise = Enumerable.Range(0, Steps).Select(_ => Shapes.Select(s => Draw(s.Length, -0.1, 0.1)).ToArray()).ToArray();
        void Gradient(int step, int p, ReadOnlySpan<T> theta, Span<T> gradient)
        {
            for (int i = 0; i < theta.Length; i++) gradient[i] = curvature[p][i] * (theta[i] - centre[p][i]) + noise[step][p][i];
        }

        var cpuModel = new ParameterSet<T>();
        for (int p = 0; p < Shapes.Length; p++) cpuModel.Add($"p{p}", (T[])start[p].Clone());
        var device = Shapes.Select((s, p) => new GpuParameter<T>($"p{p}", gpu.Upload(Tensor<T>.Wrap((T[])start[p].Clone(), s)), gpu.Zeros<T>(s))).ToArray();
        const double lr = 0.05;
        Optimizer<T> cpu = rule switch
        {
            "sgd" => new Sgd<T>(cpuModel, lr),
            "momentum" => new Momentum<T>(cpuModel, lr, 0.9),
            "nesterov" => new Nesterov<T>(cpuModel, lr, 0.8),
            _ => new Adam<T>(cpuModel, lr, 0.85, 0.99, 1e-6),
        };
        using GpuOptimizer<T> onDevice = rule switch
        {
            "sgd" => new GpuSgd<T>(gpu, device, lr),
            "momentum" => new GpuMomentum<T>(gpu, device, lr, 0.9),
            "nesterov" => new GpuNesterov<T>(gpu, device, lr, 0.8),
            _ => new GpuAdam<T>(gpu, device, lr, 0.85, 0.99, 1e-6),
        };
        long allocations = gpu.Pool.Allocations;
        for (int step = 0; step < Steps; step++)
        {
            for (int p = 0; p < Shapes.Length; p++)
            {
                var param = cpuModel.Parameters[p];
                Gradient(step, p, param.Value.Span, param.Gradient.Span);
                var theta = gpu.Download(device[p].Value);
                var grad = Tensor<T>.Zeros(Shapes[p]);
                Gradient(step, p, theta.AsReadOnlySpan(), grad.AsSpan());
                gpu.Upload(grad, device[p].Gradient);
            }
            cpu.Step();
            onDevice.Step();
            for (int p = 0; p < Shapes.Length; p++)
                Compare.Close(Tensor<T>.Wrap(cpuModel.Parameters[p].Value.ToArray(), Shapes[p]), gpu.Download(device[p].Value), $"{rule}, step {step + 1}, parameter {p}");
        }
        Assert.Equal(Steps, onDevice.StepCount);
        Assert.Equal(allocations, gpu.Pool.Allocations);
        // The start must have moved, or the comparison above proved nothing.
        Assert.NotEqual(start[0][0], cpuModel.Parameters[0].Value.Span[0]);
        foreach (var p in device) { p.Value.Dispose(); p.Gradient.Dispose(); }
    }

    [Fact]
    public void A_gradient_of_another_shape_is_refused_with_the_parameter_named()
    {
        using var value = gpu.Zeros<float>(3, 4);
        using var gradient = gpu.Zeros<float>(4, 3);
        var e = Assert.Throws<ArgumentException>(() => new GpuMomentum<float>(gpu, [new GpuParameter<float>("W1", value, gradient)], 0.1));
        Assert.Contains("'W1' is (3×4) but its gradient is (4×3)", e.Message);
    }
}
