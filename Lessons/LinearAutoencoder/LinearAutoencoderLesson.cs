using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Tutor.Data;
using Tutor.Gpu;
using Tutor.Lessons.Reports;
using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>One learning rate's run in part (b).</summary>
/// <param name="LearningRate">α.</param>
/// <param name="Losses">The loss before each step (ends early if the run diverged).</param>
/// <param name="Best">The smallest finite loss.</param>
/// <param name="Divergence">What <see cref="TrainingMonitor"/> found, or null.</param>
public sealed record LearningRateRun(double LearningRate, double[] Losses, double Best, DivergenceReport? Divergence);

/// <summary>The seed's own protocol: every learning rate continues from where the previous one left A and B, and "minimal loss" is Python's min().</summary>
public sealed record ChainedRun(double LearningRate, double PythonMin, double Last);

/// <summary>Part (c): one epoch over the MNIST images with a given batch size.</summary>
public sealed record ThroughputRun(int BatchSize, double LearningRate, int Images, int Steps, double Seconds, double FirstLoss, double LastLoss, DivergenceReport? Divergence)
{
    public double StepsPerSecond => Steps / Seconds;
    public double ImagesPerSecond => Images / Seconds;
}

/// <summary>Everything the lesson measured.</summary>
public sealed record AutoencoderMeasurements(
    double HalfNormSquared, double ZeroGradientMaxAbs, double ZeroGeneratedMaxAbs, double[] ZeroLosses, bool ZeroStayedZero,
    double GeneratedVsTensor, double FiniteDifferenceError, double[] SingularValues, double Bound,
    IReadOnlyList<LearningRateRun> Runs, double LambdaMax, double LambdaMaxTheory, IReadOnlyList<ChainedRun> Chained,
    IReadOnlyList<ThroughputRun> Mnist);

/// <summary>
/// Seed 000: the linear autoencoder f(z) = ABz on 100 Gaussian points in ℝ¹⁰⁰ with k = 50. (a) Zero initialisation
/// never moves; (b) a small random start reaches the Eckart–Young bound, and lr = 0.1 diverges because it exceeds
/// 2/λmax; (c) the same model on the 10 000 MNIST images, with an honest CPU throughput.
/// </summary>
[Lesson(7)]
public sealed class LinearAutoencoderLesson : ILesson
{
    public const int N = 100, M = 100, K = 50;
    public const int ZeroSteps = 10;
    public const double ZeroLearningRate = 1e-5;
    public static readonly double[] LearningRates = [1e-4, 1e-3, 1e-2, 1e-1];
    /// <summary>LESSONS.md: the best loss within 1% of the Eckart–Young bound.</summary>
    public const double BoundTolerance = 0.01;
    /// <summary>Part (c): the seed's CIFAR learning rate for one image per step; the batched run averages the loss over the batch.</summary>
    public const double MnistLearningRate = 1e-4, MnistBatchLearningRate = 1e-2;

    readonly LinearAutoencoderOptions options;

    public LinearAutoencoderLesson() : this(LinearAutoencoderOptions.Full) { }

    public LinearAutoencoderLesson(LinearAutoencoderOptions options) => this.options = options;

    public string Id => "linear-autoencoder";
    public string Title => "Linear autoencoder: zero start, the Eckart–Young bound, and a learning rate too large";
    public string Description => "HW 000: f(z) = ABz, ½‖z − ABz‖²; zero init never learns, GD reaches the SVD bound, lr 0.1 diverges; MNIST throughput.";

    /// <summary>The student's file, <c>Autoencoder.Student.cs</c>, exactly as compiled.</summary>
    public static string StudentSource => LessonSupport.StudentSource("LinearAutoencoder", "Autoencoder.Student.cs");

    public LessonResult Run(LessonContext context)
    {
        var clock = Stopwatch.StartNew();
        var random = new TutorRandom((ulong)context.Seed).Fork(Id);
        var z = new double[N * M];
        Init.Normal<double>(z, 0, 1, random.Fork("z"));
        var zt = Tensor<double>.Matrix(N, M, z);

        context.Say($"{Id}: (a) zero initialisation");
        var (halfNorm, zeroTensor, zeroGenerated, zeroLosses, stayed) = ZeroStart(z, zt);

        context.Say($"{Id}: (b) gradient check, SVD bound, {options.Steps} steps per learning rate");
        var a0 = new double[N * K];
        var b0 = new double[K * N];
        Init.Normal<double>(a0, 0, 1.0 / K, random.Fork("A"));
        Init.Normal<double>(b0, 0, 1.0 / K, random.Fork("B"));
        var (generatedVsTensor, fdError) = GradientCheck(a0, b0, z, zt, random.Fork("fd"));
        var sigma = Matrix<double>.Build.DenseOfRowMajor(N, M, z).Svd(computeVectors: false).S.ToArray();
        double bound = 0.5 * sigma.Skip(K).Sum(s => s * s);

        var runs = new List<LearningRateRun>();
        foreach (var lr in LearningRates)
        {
            using var bar = context.Progress($"lr {lr}", options.Steps);
            runs.Add(Train(a0, b0, zt, lr, options.Steps, bar));
        }
        var best = runs.Where(r => r.Divergence is null).MinBy(r => r.Best) ?? runs.MinBy(r => r.Best)!;
        var (aBest, bBest) = TrainedWeights(a0, b0, zt, best.LearningRate, options.Steps);
        double lambdaMax = Sharpness(aBest, bBest, zt, random.Fork("power"));
        var chained = options.ReplaySeed ? Chained(a0, b0, zt, options.Steps) : [];

        var gpu = context.Device.Runtime;   // --device gpu: part (c) trains on the GPU (LinearAutoencoder.Gpu.cs)
        context.Say($"{Id}: (c) MNIST, {options.MnistImages} images, batch 1 and batch {options.MnistBatch} (float32, {(gpu is null ? "CPU" : "GPU")})");
        var mnist = new List<ThroughputRun>
        {
            Mnist(random.Fork("mnist"), 1, MnistLearningRate, gpu),
            Mnist(random.Fork("mnist"), options.MnistBatch, MnistBatchLearningRate, gpu),
        };

        var m = new AutoencoderMeasurements(halfNorm, zeroTensor, zeroGenerated, zeroLosses, stayed, generatedVsTensor, fdError, sigma, bound,
            runs, lambdaMax, 2 * sigma[0] * sigma[0], chained, mnist);
        var checks = Checks(m);
        var elapsed = clock.Elapsed;
        var figures = new AutoencoderFigures(context, Id, m).Draw();
        var markdown = new LinearAutoencoderReport(this, context, options, m, checks, figures, elapsed).Render();
        var path = ReportFile.Write(context.PathFor(Id + ".md"), markdown, Title);

        var values = new Dictionary<string, double>
        {
            ["seed"] = context.Seed,
            ["zero.half-norm"] = halfNorm,
            ["zero.max-gradient"] = Math.Max(zeroTensor, zeroGenerated),
            ["zero.last-loss"] = zeroLosses[^1],
            ["bound"] = bound,
            ["best-loss"] = best.Best,
            ["best-lr"] = best.LearningRate,
            ["lambda-max"] = lambdaMax,
            ["generated-vs-tensor"] = generatedVsTensor,
            ["seconds"] = elapsed.TotalSeconds,
        };
        foreach (var r in runs)
        {
            values[$"lr{r.LearningRate:0.####}.best"] = r.Best;
            values[$"lr{r.LearningRate:0.####}.diverged-at"] = r.Divergence?.Step ?? -1;
        }
        foreach (var t in mnist) values[$"mnist.batch{t.BatchSize}.images-per-second"] = t.ImagesPerSecond;
        var lr01 = runs.Single(r => r.LearningRate == 0.1);
        return new LessonResult
        {
            Id = Id,
            Headline = $"best loss {Num.Sig(best.Best, 7)} (lr {best.LearningRate}) vs Eckart–Young bound {Num.Sig(bound, 7)} " +
                       $"({Num.Sci((best.Best - bound) / bound)} above); lr 0.1 {(lr01.Divergence is { } d ? $"diverged at step {d.Step}" : "did not diverge")}; " +
                       $"MNIST {mnist[0].StepsPerSecond:0} it/s (batch 1, {(gpu is null ? "CPU" : "GPU")})",
            ReportPath = path,
            Checks = checks,
            Values = values,
        };
    }

    static (double HalfNorm, double TensorMax, double GeneratedMax, double[] Losses, bool Stayed) ZeroStart(double[] z, Tensor<double> zt)
    {
        var a = Tensor<double>.Zeros(N, K);
        var b = Tensor<double>.Zeros(K, N);
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        double halfNorm = 0.5 * z.Sum(v => v * v);
        var (_, da, db) = Autoencoder.LossGradient(new double[N * K], new double[K * N], z, N, K, M);
        double generatedMax = Math.Max(da.Max(Math.Abs), db.Max(Math.Abs));
        double tensorMax = 0;
        var losses = new double[ZeroSteps];
        for (int step = 0; step < ZeroSteps; step++)
        {
            losses[step] = Autoencoder.LossAndGradient(a, b, zt, aBar, bBar);
            tensorMax = Math.Max(tensorMax, Math.Max(MaxAbs(aBar), MaxAbs(bBar)));
            Step(a, aBar, ZeroLearningRate);
            Step(b, bBar, ZeroLearningRate);
        }
        bool stayed = MaxAbs(a) == 0 && MaxAbs(b) == 0;
        return (halfNorm, tensorMax, generatedMax, losses, stayed);
    }

    static double MaxAbs(Tensor<double> t)
    {
        double m = 0;
        foreach (var v in t.AsReadOnlySpan()) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    static void Step(Tensor<double> theta, Tensor<double> gradient, double lr)
    {
        var t = theta.AsSpan();
        var g = gradient.AsReadOnlySpan();
        for (int i = 0; i < t.Length; i++) t[i] -= lr * g[i];
    }

    /// <summary>Generated gradient (loops) vs the tensor chain of VJPs, and central differences on a few coordinates.</summary>
    static (double GeneratedVsTensor, double FiniteDifference) GradientCheck(double[] a0, double[] b0, double[] z, Tensor<double> zt, TutorRandom random)
    {
        var (_, da, db) = Autoencoder.LossGradient(a0, b0, z, N, K, M);
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        Autoencoder.LossAndGradient(Tensor<double>.Matrix(N, K, a0), Tensor<double>.Matrix(K, N, b0), zt, aBar, bBar);
        double scale = Math.Max(da.Max(Math.Abs), db.Max(Math.Abs));
        double diff = 0;
        for (int i = 0; i < da.Length; i++) diff = Math.Max(diff, Math.Abs(da[i] - aBar[i]));
        for (int i = 0; i < db.Length; i++) diff = Math.Max(diff, Math.Abs(db[i] - bBar[i]));

        double fd = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            bool inA = trial % 2 == 0;
            var target = inA ? (double[])a0.Clone() : (double[])b0.Clone();
            int i = random.NextInt(target.Length);
            double h = 1e-4, x = target[i];
            target[i] = x + h;
            double up = inA ? Autoencoder.Loss(target, b0, z, N, K, M) : Autoencoder.Loss(a0, target, z, N, K, M);
            target[i] = x - h;
            double down = inA ? Autoencoder.Loss(target, b0, z, N, K, M) : Autoencoder.Loss(a0, target, z, N, K, M);
            double numeric = (up - down) / (2 * h);
            double analytic = inA ? da[i] : db[i];
            fd = Math.Max(fd, Math.Abs(numeric - analytic) / Math.Max(1e-3 * scale, Math.Abs(analytic)));
        }
        return (diff / scale, fd);
    }

    static LearningRateRun Train(double[] a0, double[] b0, Tensor<double> z, double lr, int steps, Progress? progress = null)
    {
        var a = Tensor<double>.Matrix(N, K, a0);
        var b = Tensor<double>.Matrix(K, N, b0);
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        var monitor = new TrainingMonitor();
        var losses = new List<double>(steps);
        DivergenceReport? divergence = null;
        for (int step = 0; step < steps; step++)
        {
            double loss = Autoencoder.LossAndGradient(a, b, z, aBar, bBar);
            losses.Add(loss);
            if (monitor.Check(step, loss, lr) is { } report) { divergence = report; break; }
            Step(a, aBar, lr);
            Step(b, bBar, lr);
            progress?.Report(step + 1, $"loss {loss:G4}");
        }
        return new LearningRateRun(lr, [.. losses], losses.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min(), divergence);
    }

    static (Tensor<double> A, Tensor<double> B) TrainedWeights(double[] a0, double[] b0, Tensor<double> z, double lr, int steps)
    {
        var a = Tensor<double>.Matrix(N, K, a0);
        var b = Tensor<double>.Matrix(K, N, b0);
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        for (int step = 0; step < steps; step++)
        {
            Autoencoder.LossAndGradient(a, b, z, aBar, bBar);
            Step(a, aBar, lr);
            Step(b, bBar, lr);
        }
        return (a, b);
    }

    /// <summary>
    /// λmax of the Hessian of L with respect to (A, B) at the trained point, by power iteration on Hessian–vector products
    /// taken as central differences of the gradient, Hv ≈ (∇L(θ + εv) − ∇L(θ − εv)) / 2ε.
    /// </summary>
    static double Sharpness(Tensor<double> a, Tensor<double> b, Tensor<double> z, TutorRandom random)
    {
        int na = a.Length, nb = b.Length;
        var v = new double[na + nb];
        Init.Normal<double>(v, 0, 1, random);
        Normalize(v);
        double lambda = 0;
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        double[] Gradient(double eps)
        {
            var ap = a.Clone();
            var bp = b.Clone();
            var aps = ap.AsSpan();
            var bps = bp.AsSpan();
            for (int i = 0; i < na; i++) aps[i] += eps * v[i];
            for (int i = 0; i < nb; i++) bps[i] += eps * v[na + i];
            Autoencoder.LossAndGradient(ap, bp, z, aBar, bBar);
            return [.. aBar.AsReadOnlySpan(), .. bBar.AsReadOnlySpan()];
        }
        for (int iteration = 0; iteration < 100; iteration++)
        {
            const double eps = 1e-5;
            var up = Gradient(eps);
            var down = Gradient(-eps);
            var hv = new double[v.Length];
            for (int i = 0; i < v.Length; i++) hv[i] = (up[i] - down[i]) / (2 * eps);
            lambda = hv.Zip(v, (x, y) => x * y).Sum();
            v = hv;
            Normalize(v);
        }
        return lambda;
    }

    static void Normalize(double[] v)
    {
        double n = Math.Sqrt(v.Sum(x => x * x));
        for (int i = 0; i < v.Length; i++) v[i] /= n;
    }

    /// <summary>The seed's notebook: the four learning rates one after another on the same A and B, "minimal loss" as Python's min().</summary>
    static List<ChainedRun> Chained(double[] a0, double[] b0, Tensor<double> z, int steps)
    {
        var a = Tensor<double>.Matrix(N, K, a0);
        var b = Tensor<double>.Matrix(K, N, b0);
        var aBar = Tensor<double>.Zeros(N, K);
        var bBar = Tensor<double>.Zeros(K, N);
        var result = new List<ChainedRun>();
        foreach (var lr in LearningRates)
        {
            double min = double.NaN, last = double.NaN;
            for (int step = 0; step < steps; step++)
            {
                last = Autoencoder.LossAndGradient(a, b, z, aBar, bBar);
                if (step == 0 || last < min) min = last;     // Python's min(): a NaN never replaces, but a NaN first stays
                Step(a, aBar, lr);
                Step(b, bBar, lr);
            }
            result.Add(new ChainedRun(lr, min, last));
        }
        return result;
    }

    /// <summary>Part (c): one epoch of the same model on the MNIST images (columns of z), float32 tensors, timed.</summary>
    ThroughputRun Mnist(TutorRandom random, int batch, double lr, GpuRuntime? gpu = null)
    {
        var images = LoadMnist();
        int n = images.PixelsPerImage, count = Math.Min(options.MnistImages, images.Count);
        var pixels = images.ToSingle();
        var a = Tensor<float>.Zeros(n, K);
        var b = Tensor<float>.Zeros(K, n);
        Init.Normal<float>(a.AsSpan(), 0, 1.0 / K, random.Fork("A"));
        Init.Normal<float>(b.AsSpan(), 0, 1.0 / K, random.Fork("B"));
        var aBar = Tensor<float>.Zeros(n, K);
        var bBar = Tensor<float>.Zeros(K, n);
        var order = random.Fork("order").Permutation(images.Count)[..count];
        if (gpu is not null) return LinearAutoencoderGpu.Epoch(gpu, pixels, n, order, count, batch, lr, a, b).Run;
        var monitor = new TrainingMonitor();
        var losses = new List<double>();
        DivergenceReport? divergence = null;
        float step = (float)(lr / batch);
        var clock = Stopwatch.StartNew();
        int steps = 0;
        for (int start = 0; start + batch <= count; start += batch)
        {
            Tensor<float> z;
            if (batch == 1) z = Tensor<float>.Vector(pixels.AsSpan(order[start] * n, n));
            else
            {
                z = Tensor<float>.Zeros(n, batch);          // one image per column
                for (int c = 0; c < batch; c++)
                {
                    var image = pixels.AsSpan(order[start + c] * n, n);
                    for (int r = 0; r < n; r++) z[r, c] = image[r];
                }
            }
            double loss = Autoencoder.LossAndGradient(a, b, z, aBar, bBar) / batch;
            losses.Add(loss);
            if (monitor.Check(steps, loss, lr) is { } report) { divergence = report; break; }
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(aBar.AsReadOnlySpan(), -step, a.AsReadOnlySpan(), a.AsSpan());
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(bBar.AsReadOnlySpan(), -step, b.AsReadOnlySpan(), b.AsSpan());
            steps++;
        }
        double seconds = clock.Elapsed.TotalSeconds;
        int window = Math.Max(1, losses.Count / 10);
        return new ThroughputRun(batch, lr, steps * batch, steps, seconds, losses.Take(window).Average(), losses.TakeLast(window).Average(), divergence);
    }

    static IdxImages? mnist;

    static IdxImages LoadMnist() => mnist ??= IdxReader.ReadImages(Path.Combine(AppContext.BaseDirectory, "data", "mnist10k-images-idx3-ubyte.gz"));

    static List<LessonCheck> Checks(AutoencoderMeasurements m)
    {
        var best = m.Runs.Where(r => r.Divergence is null).Select(r => r.Best).DefaultIfEmpty(double.NaN).Min();
        var lr01 = m.Runs.Single(r => r.LearningRate == 0.1);
        return
        [
            new("(a) largest |gradient| entry with A = B = 0 (tensor chain and generated) is exactly 0", 0, Math.Max(m.ZeroGradientMaxAbs, m.ZeroGeneratedMaxAbs), 0),
            new("(a) loss after 10 steps equals the loss before them", m.ZeroLosses[0], m.ZeroLosses[^1], 0),
            new("(a) that loss is ½‖z‖² (up to summation order)", m.HalfNormSquared, m.ZeroLosses[^1], 1e-14),
            new("(b) best loss vs Eckart–Young bound (LESSONS.md: within 1%)", m.Bound, best, BoundTolerance),
            LessonSupport.Within("(b) generated gradient vs tensor VJP chain: max|Δ|/max|g| ≤ 1e-12", m.GeneratedVsTensor, 0, 1e-12),
            LessonSupport.Within("(b) central differences vs generated gradient (20 coordinates) ≤ 1e-5", m.FiniteDifferenceError, 0, 1e-5),
            LessonSupport.Within("(b) lr 0.1 diverges: TrainingMonitor reports a step (−1 if not)", lr01.Divergence?.Step ?? -1, 0, m.Runs[0].Losses.Length),
            LessonSupport.Within("(b) lr 0.1 is above 2/λmax: 0.1·λmax/2 > 1", 0.1 * m.LambdaMax / 2, 1, 1e9),
        ];
    }
}
