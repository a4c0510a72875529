using Tutor.Gpu;
using Tutor.Lessons.DepthAndInitialisation;
using Tutor.Lessons.GdClosedForm;
using Tutor.Lessons.LinearAutoencoder;
using Tutor.Lessons.MnistSgdMomentum;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.Tests;

/// <summary>One ILGPU CPU simulator for the GPU-path tests (creating one and compiling its kernels is the slow part).</summary>
public sealed class GpuSimulatorFixture : IDisposable
{
    public GpuRuntime Gpu { get; } = GpuRuntime.CreateCpuSimulator();
    public void Dispose() => Gpu.Dispose();
}

/// <summary>
/// The lessons' GPU training paths (<c>--device gpu</c>), run on ILGPU's CPU simulator at reduced sizes (no GPU here),
/// against the CPU path's own code: the students' networks and the lessons' CPU functions, stepped the same way.
/// Tolerances: float32 paths 1e-4 relative (sums in another order, a few steps); float64 closed form 1e-12.
/// </summary>
public sealed class GpuLessonPathTests(GpuSimulatorFixture fixture) : IClassFixture<GpuSimulatorFixture>
{
    const double Float32Tolerance = 1e-4;
    readonly GpuRuntime gpu = fixture.Gpu;

    static void Close(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 0, diff = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            scale = Math.Max(scale, Math.Abs(expected[i]));
            diff = Math.Max(diff, Math.Abs(expected[i] - actual[i]));
        }
        Assert.True(diff <= tolerance * scale, $"{what}: max |GPU − CPU| = {diff:E3} > {tolerance:E0} · max |CPU| = {tolerance * scale:E3}");
    }

    static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"{what}: CPU {expected:R}, GPU {actual:R}");

    [Fact]
    public void Gd_closed_form_matrix_powers_on_the_device_match_the_cpu()
    {
        const int d = 4;
        var random = new TutorRandom(7);
        var x = new double[12 * d];
        for (int i = 0; i < x.Length; i++) x[i] = random.NextNormal();
        var X = Tensor<double>.Matrix(12, d, x);
        var A = Ops.MatMulTransposeA(X, X);
        var b = Tensor<double>.Matrix(d, 1, [1.0, -2.0, 0.5, 3.0]);
        double[] w0 = [0.1, 0.2, -0.3, 0.4];
        double alpha = 0.01;
        int[] ks = [1, 2, 10, 30];
        var cpu = GdClosedFormLesson.ClosedForm(A, b, w0, alpha, ks);
        var device = GdClosedFormGpu.ClosedForm(gpu, A, b, w0, alpha, ks);
        Assert.Equal(cpu.Count, device.Count);
        for (int i = 0; i < ks.Length; i++)
            for (int j = 0; j < d; j++)
                Close(cpu[i][j], device[i][j], 1e-12, $"w_{ks[i]}[{j}]");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Linear_autoencoder_epoch_on_the_device_matches_the_students_cpu_gradient_steps(int batch)
    {
        const int n = 12, k = 3, count = 8;
        const double lr = 0.05;
        var random = new TutorRandom(11);
        var pixels = new float[count * n];
        Init.Uniform<float>(pixels, 0, 1, random.Fork("pixels"));
        var a0 = Tensor<float>.Zeros(n, k);
        var b0 = Tensor<float>.Zeros(k, n);
        Init.Normal<float>(a0.AsSpan(), 0, 0.3, random.Fork("A"));
        Init.Normal<float>(b0.AsSpan(), 0, 0.3, random.Fork("B"));
        int[] order = [3, 1, 7, 0, 5, 2, 6, 4];

        // CPU: the student's LossAndGradient and the lesson's update, step for step
        var a = a0.Clone();
        var b = b0.Clone();
        var aBar = Tensor<float>.Zeros(n, k);
        var bBar = Tensor<float>.Zeros(k, n);
        var cpuLosses = new List<double>();
        float step = (float)(lr / batch);
        for (int start = 0; start + batch <= count; start += batch)
        {
            var z = Tensor<float>.Zeros(n, batch);
            for (int c = 0; c < batch; c++)
                for (int r = 0; r < n; r++) z[r, c] = pixels[order[start + c] * n + r];
            cpuLosses.Add(Autoencoder.LossAndGradient(a, b, z, aBar, bBar) / (double)batch);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(aBar.AsReadOnlySpan(), -step, a.AsReadOnlySpan(), a.AsSpan());
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(bBar.AsReadOnlySpan(), -step, b.AsReadOnlySpan(), b.AsSpan());
        }

        var (run, aGpu, bGpu, gpuLosses) = LinearAutoencoderGpu.Epoch(gpu, pixels, n, order, count, batch, lr, a0, b0);
        Assert.Equal(count / batch, run.Steps);
        Assert.Null(run.Divergence);
        Assert.Equal(cpuLosses.Count, gpuLosses.Count);
        for (int i = 0; i < cpuLosses.Count; i++) Close(cpuLosses[i], gpuLosses[i], Float32Tolerance, $"loss at step {i}");
        Close(a.AsReadOnlySpan(), aGpu.AsReadOnlySpan(), Float32Tolerance, "A after the epoch");
        Close(b.AsReadOnlySpan(), bGpu.AsReadOnlySpan(), Float32Tolerance, "B after the epoch");
        Assert.True(cpuLosses[^1] < cpuLosses[0] || batch == 1, "the loss should fall over the epoch");
    }

    [Fact]
    public void Mnist_momentum_network_on_the_device_matches_the_students_SmallMlp_with_momentum()
    {
        const int inputs = 12, hidden = 5, classes = 4, rows = 6;
        var random = new TutorRandom(3);
        var cpuNet = new SmallMlp(inputs, hidden, classes);
        cpuNet.Initialise(random.Fork("init"));
        var resultNet = new SmallMlp(inputs, hidden, classes);
        using var mlp = new GpuMlp(gpu, [inputs, hidden, classes], GpuActivation.Relu, cpuNet.Parameters);
        var optimizer = new Momentum<float>(cpuNet.Parameters, 0.1, 0.9);
        using var deviceOptimizer = new GpuMomentum<float>(gpu, mlp.Parameters, 0.1, 0.9);
        for (int step = 0; step < 3; step++)
        {
            var x = Tensor<float>.Zeros(rows, inputs);
            Init.Uniform(x.AsSpan(), 0, 1, random.Fork($"x{step}"));
            int[] y = [.. Enumerable.Range(0, rows).Select(i => (i + step) % classes)];
            float cpuLoss = cpuNet.LossAndGradient(x, y);
            optimizer.Step();
            using var xDevice = gpu.Upload(x);
            using var loss = mlp.LossAndGradient(xDevice, y);
            Close(cpuLoss, gpu.ReadScalar(loss), Float32Tolerance, $"loss at step {step}");
            deviceOptimizer.Step();
        }
        mlp.DownloadInto(resultNet.Parameters);
        foreach (var (cpu, device) in cpuNet.Parameters.Zip(resultNet.Parameters))
            Close(cpu.Value.Span, device.Value.Span, Float32Tolerance, cpu.Name + " after three momentum steps");
        using var probe = gpu.Upload(Tensor<float>.Zeros(1, inputs));
        var cpuLogits = cpuNet.Logits(Tensor<float>.Zeros(1, inputs));
        Assert.Equal(GpuTraining.ArgMaxRows(cpuLogits.AsReadOnlySpan(), 1, classes), mlp.Predict(probe));
    }

    [Fact]
    public void Deep_tanh_network_on_the_device_matches_the_students_DeepTanhNet_gradient_norms_and_sgd()
    {
        const int inputs = 10, hidden = 6, depth = 3, classes = 4, rows = 5;
        var random = new TutorRandom(5);
        var cpuNet = new DeepTanhNet(inputs, hidden, depth, classes);
        cpuNet.Initialise(null, random.Fork("init"));
        var resultNet = new DeepTanhNet(inputs, hidden, depth, classes);
        using var mlp = new GpuMlp(gpu, cpuNet.Sizes, GpuActivation.Tanh, cpuNet.Parameters);
        var optimizer = new Sgd<float>(cpuNet.Parameters, 0.5);
        using var deviceOptimizer = new GpuSgd<float>(gpu, mlp.Parameters, 0.5);
        for (int step = 0; step < 3; step++)
        {
            var x = Tensor<float>.Zeros(rows, inputs);
            Init.Uniform(x.AsSpan(), 0, 1, random.Fork($"x{step}"));
            int[] y = [.. Enumerable.Range(0, rows).Select(i => (2 * i + step) % classes)];
            float cpuLoss = cpuNet.LossAndGradient(x, y);
            using var xDevice = gpu.Upload(x);
            using var loss = mlp.LossAndGradient(xDevice, y);
            Close(cpuLoss, gpu.ReadScalar(loss), Float32Tolerance, $"loss at step {step}");
            for (int l = 0; l < cpuNet.Sizes.Length - 1; l++)
            {
                double norm = Math.Sqrt(cpuNet.WeightGradient(l).AsReadOnlySpan().ToArray().Sum(v => (double)v * v));
                Close(norm, mlp.WeightGradientNorm(l), Float32Tolerance, $"‖∂L/∂W{l + 1}‖ at step {step}");
            }
            optimizer.Step();
            deviceOptimizer.Step();
        }
        mlp.DownloadInto(resultNet.Parameters);
        foreach (var (cpu, device) in cpuNet.Parameters.Zip(resultNet.Parameters))
            Close(cpu.Value.Span, device.Value.Span, Float32Tolerance, cpu.Name + " after three SGD steps");
    }

    [Fact]
    public void Mlp_iris_grid_cell_on_the_device_matches_the_generated_gradient_descent()
    {
        var random = new TutorRandom(20240917);
        var data = MlpIris.MlpIrisLesson.Load(random, MlpIris.MlpIrisLesson.Preprocessing.Raw);
        var cpu = MlpIris.MlpIrisLesson.Train(data, 0.01, 1, 8, random);
        var device = MlpIris.MlpIrisGpu.Train(gpu, data, 0.01, 1, 8, random);
        for (int i = 0; i < cpu.Losses.Length; i++) Close(cpu.Losses[i], device.Losses[i], 1e-10, $"loss at iteration {i}");
        Assert.Equal(cpu.TrainFull, device.TrainFull);
        Assert.Equal(cpu.ValidationFull, device.ValidationFull);
        Assert.True(cpu.Losses[^1] < cpu.Losses[0], "the loss should fall");
    }
}
