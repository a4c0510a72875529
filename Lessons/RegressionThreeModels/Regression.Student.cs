namespace Tutor.Lessons.RegressionThreeModels;

/// <summary>
/// HW3 Q2 as a student writes it: the three models and the mean squared error, from scratch, in float32 like the
/// seed's PyTorch tensors. The gradients of the losses are generated (…LossGradient), never written by hand.
/// </summary>
public static partial class Regression
{
    /// <summary>Model 1: y = b + w1·x + w2·x².</summary>
    [Differentiable]
    public static float Quadratic(float x, float b, float w1, float w2) => b + w1 * x + w2 * x * x;

    /// <summary>Model 2: y = b + w1·x.</summary>
    [Differentiable]
    public static float Linear(float x, float b, float w1) => b + w1 * x;

    /// <summary>Model 3: y = w1·x.</summary>
    [Differentiable]
    public static float NoBias(float x, float w1) => w1 * x;

    /// <summary>Mean squared error of model 1 over the whole data set (batch gradient descent).</summary>
    [Differentiable]
    public static float QuadraticLoss(float b, float w1, float w2, [NoDiff] float[] x, [NoDiff] float[] y)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float error = Quadratic(x[i], b, w1, w2) - y[i];
            sum += error * error;
        }
        return sum / x.Length;
    }

    /// <summary>Mean squared error of model 2.</summary>
    [Differentiable]
    public static float LinearLoss(float b, float w1, [NoDiff] float[] x, [NoDiff] float[] y)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float error = Linear(x[i], b, w1) - y[i];
            sum += error * error;
        }
        return sum / x.Length;
    }

    /// <summary>Mean squared error of model 3.</summary>
    [Differentiable]
    public static float NoBiasLoss(float w1, [NoDiff] float[] x, [NoDiff] float[] y)
    {
        float sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            float error = NoBias(x[i], w1) - y[i];
            sum += error * error;
        }
        return sum / x.Length;
    }
}
