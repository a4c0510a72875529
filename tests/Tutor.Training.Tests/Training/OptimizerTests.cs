using System.Numerics;

namespace Tutor.Training.Tests.Training;

/// <summary>
/// Each update rule against steps computed by hand on L(x, y) = ½(x² + 10y²), ∇L = (x, 10y), from θ₀ = (1, 1)
/// with α = 0.1 and μ = 0.9.
/// </summary>
public class OptimizerTests
{
    static (ParameterSet<T> Set, T[] Theta, T[] Gradient) Quadratic<T>() where T : IFloatingPointIeee754<T>
    {
        T[] theta = [T.One, T.One];
        var gradient = new T[2];
        var set = new ParameterSet<T> { new Parameter<T>("θ", theta, gradient) };
        return (set, theta, gradient);
    }

    static void Gradient<T>(T[] theta, T[] gradient) where T : IFloatingPointIeee754<T>
    {
        gradient[0] = theta[0];
        gradient[1] = T.CreateChecked(10) * theta[1];
    }

    static double[] Run<T>(Func<ParameterSet<T>, Optimizer<T>> create, int steps) where T : IFloatingPointIeee754<T>
    {
        var (set, theta, gradient) = Quadratic<T>();
        var optimizer = create(set);
        for (int t = 0; t < steps; t++)
        {
            Gradient(theta, gradient);
            optimizer.Step();
        }
        return [.. theta.Select(double.CreateChecked)];
    }

    [Fact]
    public void Sgd_takes_theta_minus_alpha_gradient()
    {
        // θ₁ = (1 − 0.1·1, 1 − 0.1·10) = (0.9, 0).
        AssertClose([0.9, 0.0], Run<double>(p => new Sgd<double>(p, 0.1), 1), 1e-15);
        AssertClose([0.9, 0.0], Run<float>(p => new Sgd<float>(p, 0.1), 1), 1e-7);
    }

    [Fact]
    public void Sgd_on_a_long_parameter_is_theta_minus_alpha_gradient_to_the_bit()
    {
        // The update is vectorised (1003 values: whole vectors and a tail); each element must still be θ − α·g rounded
        // once per operation, as the scalar rule computes it here.
        var g = new Random(11);
        float[] theta = [.. Enumerable.Range(0, 1003).Select(_ => (float)(g.NextDouble() * 2 - 1))];
        float[] gradient = [.. Enumerable.Range(0, 1003).Select(_ => (float)(g.NextDouble() * 2 - 1))];
        float alpha = (float)0.01;
        float[] expected = [.. theta.Select((t, i) => t - alpha * gradient[i])];
        new Sgd<float>(new ParameterSet<float> { new Parameter<float>("θ", theta, gradient) }, 0.01).Step();
        Assert.Equal(expected, theta);
    }

    [Fact]
    public void Momentum_accumulates_the_velocity_then_steps_along_it()
    {
        // v₁ = (1, 10), θ₁ = (0.9, 0); g₁ = (0.9, 0), v₂ = 0.9·(1, 10) + (0.9, 0) = (1.8, 9), θ₂ = (0.9 − 0.18, 0 − 0.9).
        AssertClose([0.9, 0.0], Run<double>(p => new Momentum<double>(p, 0.1, 0.9), 1), 1e-15);
        AssertClose([0.72, -0.9], Run<double>(p => new Momentum<double>(p, 0.1, 0.9), 2), 1e-15);
        AssertClose([0.72, -0.9], Run<float>(p => new Momentum<float>(p, 0.1, 0.9), 2), 1e-6);
    }

    [Fact]
    public void Nesterov_holds_the_look_ahead_point()
    {
        // g₀ = (1, 10), v₁ = (1, 10), φ₁ = φ₀ − α(g₀ + μv₁) = (1 − 0.19, 1 − 1.9) = (0.81, −0.9);
        // g₁ = (0.81, −9), v₂ = (0.9 + 0.81, 9 − 9) = (1.71, 0), φ₂ = (0.81 − 0.1·(0.81 + 1.539), −0.9 + 0.9) = (0.5751, 0).
        AssertClose([0.81, -0.9], Run<double>(p => new Nesterov<double>(p, 0.1, 0.9), 1), 1e-15);
        AssertClose([0.5751, 0.0], Run<double>(p => new Nesterov<double>(p, 0.1, 0.9), 2), 1e-15);
        AssertClose([0.5751, 0.0], Run<float>(p => new Nesterov<float>(p, 0.1, 0.9), 2), 1e-6);
    }

    [Fact]
    public void Nesterov_equals_the_notes_rule_with_the_gradient_at_theta_minus_alpha_mu_v()
    {
        // Seed 004 §4 written literally: v ← μv + ∇L(θ − αμv), θ ← θ − αv. The optimizer holds φ = θ − αμv.
        const double alpha = 0.05, mu = 0.9;
        double[] theta = [1.0, 1.0], v = [0.0, 0.0];
        var (set, phi, gradient) = Quadratic<double>();
        var optimizer = new Nesterov<double>(set, alpha, mu);
        for (int t = 0; t < 30; t++)
        {
            double[] lookAhead = [theta[0] - alpha * mu * v[0], theta[1] - alpha * mu * v[1]];
            double[] g = [lookAhead[0], 10 * lookAhead[1]];
            for (int i = 0; i < 2; i++)
            {
                v[i] = mu * v[i] + g[i];
                theta[i] -= alpha * v[i];
            }
            Gradient(phi, gradient);
            optimizer.Step();
            AssertClose([theta[0] - alpha * mu * v[0], theta[1] - alpha * mu * v[1]], [.. phi], 1e-13);
        }
    }

    [Fact]
    public void Adam_applies_bias_corrected_moments()
    {
        // t = 1: m = 0.1·g, v = 0.001·g², m̂ = g, v̂ = g², so each coordinate moves by α·|g|/(|g| + ε):
        // θ₁ = (1 − 0.1/(1 + 1e−8), 1 − 0.1·10/(10 + 1e−8)).
        AssertClose([1 - 0.1 / (1 + 1e-8), 1 - 1.0 / (10 + 1e-8)], Run<double>(p => new Adam<double>(p, 0.1), 1), 1e-15);
        // t = 2: g₁ = θ₁·(1, 10); m₂ = 0.9m₁ + 0.1g₁; v₂ = 0.999v₁ + 0.001g₁²; m̂ = m₂/0.19; v̂ = v₂/0.001999
        // (worked in exact arithmetic: θ₂ = (0.8004122297123382, 0.8004122278753567)).
        AssertClose([0.8004122297123382, 0.8004122278753567], Run<double>(p => new Adam<double>(p, 0.1), 2), 1e-15);
        AssertClose([0.8004122297123382, 0.8004122278753567], Run<float>(p => new Adam<float>(p, 0.1), 2), 1e-6);
    }

    [Fact]
    public void Adam_reaches_the_least_squares_optimum_to_1e_minus_6()
    {
        // 40 points, 3 features plus a bias, y = Xw + noise; the optimum w* = (XᵀX)⁻¹Xᵀy by Gaussian elimination.
        var random = new TutorRandom(2023);
        const int n = 40, d = 4;
        var x = new double[n * d];
        var y = new double[n];
        double[] truth = [0.5, -1.5, 2.0, 0.25];
        for (int i = 0; i < n; i++)
        {
            x[i * d] = 1;
            for (int j = 1; j < d; j++) x[i * d + j] = random.NextNormal();
            for (int j = 0; j < d; j++) y[i] += x[i * d + j] * truth[j];
            y[i] += 0.1 * random.NextNormal();
        }
        double[] optimum = LeastSquares.Solve(x, y, n, d);

        var w = new double[d];
        var set = new ParameterSet<double>();
        var parameter = set.Add("w", w);
        var adam = new Adam<double>(set, learningRate: 0.01);
        // 5000 steps reach ~1e−10. Run much longer with a constant α and Adam wanders off again (to ~1e−4 here after
        // 20k steps): once the gradients are tiny, v̂ forgets the large early ones within ~1/(1 − β₂) steps and the step
        // m̂/√v̂ is back to about α in size. Stop at convergence or decay α (docs/training.md).
        for (int step = 0; step < 5_000; step++)
        {
            LeastSquares.Gradient(x, y, w, parameter.Gradient.Span, n, d);
            adam.Step();
        }
        AssertClose(optimum, w, 1e-6);
    }

    [Fact]
    public void Sgd_lowers_the_loss_on_a_separable_set()
    {
        var (features, labels) = Separable.Make(new TutorRandom(8), 200);
        var w = new double[3];
        var set = new ParameterSet<double>();
        var parameter = set.Add("w", w);
        var sgd = new Sgd<double>(set, 0.5);
        var loader = new Tutor.Data.BatchLoader(labels.Length, 20, shuffle: true, random: new TutorRandom(8).Fork("batches"));
        double initial = Separable.Loss(features, labels, w);
        double previous = initial;
        for (int epoch = 0; epoch < 20; epoch++)
        {
            foreach (var batch in loader.NextEpoch())
            {
                Separable.Gradient(features, labels, w, batch.Span, parameter.Gradient.Span);
                sgd.Step();
            }
            double loss = Separable.Loss(features, labels, w);
            Assert.True(loss < previous, $"epoch {epoch}: loss {loss} did not go below {previous}");
            previous = loss;
        }
        Assert.True(previous < 0.1 * initial);
        Assert.Equal(1.0, Separable.Accuracy(features, labels, w));
    }

    [Fact]
    public void ZeroGradients_clears_and_learning_rate_is_validated()
    {
        var (set, _, gradient) = Quadratic<double>();
        gradient[0] = 3;
        var sgd = new Sgd<double>(set, 0.1);
        sgd.ZeroGradients();
        Assert.Equal([0.0, 0.0], gradient);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = double.NaN);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum<double>(set, 0.1, 1.0));
        Assert.Throws<ArgumentException>(() => set.Add("θ", new double[1]));
    }

    static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"coordinate {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
