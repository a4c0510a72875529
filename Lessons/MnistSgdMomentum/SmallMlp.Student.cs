using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.MnistSgdMomentum;

/// <summary>
/// Seed 004 part 2 as a student writes it: 784 → 10 (ReLU) → 10, cross-entropy, in float32. The backward pass is the
/// chain of the ops' vector–Jacobian products, from the loss back to the first layer's weights.
/// </summary>
public sealed class SmallMlp
{
    readonly Tensor<float> w1, b1, w2, b2, w1Bar, b1Bar, w2Bar, b2Bar;

    public SmallMlp(int inputs, int hidden, int classes)
    {
        (w1, w1Bar) = Add("W1", TensorShape.Matrix(inputs, hidden));
        (b1, b1Bar) = Add("b1", TensorShape.Vector(hidden));
        (w2, w2Bar) = Add("W2", TensorShape.Matrix(hidden, classes));
        (b2, b2Bar) = Add("b2", TensorShape.Vector(classes));
    }

    (Tensor<float> Value, Tensor<float> Gradient) Add(string name, TensorShape shape)
    {
        float[] value = new float[shape.Length], gradient = new float[shape.Length];
        Parameters.Add(name, value, gradient);
        return (Tensor<float>.Wrap(value, shape), Tensor<float>.Wrap(gradient, shape));
    }

    /// <summary>The weights and biases with their gradients, for the optimizer.</summary>
    public ParameterSet<float> Parameters { get; } = new();

    /// <summary>PyTorch's default for nn.Linear: weights and biases U(−1/√fan_in, 1/√fan_in).</summary>
    public void Initialise(TutorRandom random)
    {
        Init.Uniform(w1.AsSpan(), 1 / Math.Sqrt(w1.Rows), random.Fork("W1"));
        Init.Uniform(b1.AsSpan(), 1 / Math.Sqrt(w1.Rows), random.Fork("b1"));
        Init.Uniform(w2.AsSpan(), 1 / Math.Sqrt(w2.Rows), random.Fork("W2"));
        Init.Uniform(b2.AsSpan(), 1 / Math.Sqrt(w2.Rows), random.Fork("b2"));
    }

    /// <summary>The logits of a batch (rows of <paramref name="x"/>).</summary>
    public Tensor<float> Logits(Tensor<float> x) =>
        Ops.AddRowVector(Ops.MatMul(Ops.Relu(Ops.AddRowVector(Ops.MatMul(x, w1), b1)), w2), b2);

    /// <summary>Mean cross-entropy of the batch; overwrites the four gradients.</summary>
    public float LossAndGradient(Tensor<float> x, int[] labels)
    {
        // forward
        var p1 = Ops.MatMul(x, w1);                 // P₁ = X W₁
        var z1 = Ops.AddRowVector(p1, b1);          // Z₁ = P₁ + 1 b₁ᵀ
        var h = Ops.Relu(z1);                       // H  = ReLU(Z₁)
        var p2 = Ops.MatMul(h, w2);                 // P₂ = H W₂
        var z2 = Ops.AddRowVector(p2, b2);          // Z₂ = P₂ + 1 b₂ᵀ (the logits)
        var loss = Ops.CrossEntropyLoss(z2, labels);

        // backward, last op first
        foreach (var g in new[] { w1Bar, b1Bar, w2Bar, b2Bar }) g.Clear();
        var z2Bar = Tensor<float>.ZerosLike(z2);
        Ops.CrossEntropyLossVjp(Tensor<float>.Scalar(1f), z2, labels, loss, z2Bar);   // Z̄₂ += (softmax(Z₂) − onehot)/B
        var p2Bar = Tensor<float>.ZerosLike(p2);
        Ops.AddRowVectorVjpLeft(z2Bar, p2, b2, z2, p2Bar);                            // P̄₂ += Z̄₂
        Ops.AddRowVectorVjpRight(z2Bar, p2, b2, z2, b2Bar);                           // b̄₂ += Σ_rows Z̄₂
        Ops.MatMulVjpRight(p2Bar, h, w2, p2, w2Bar);                                  // W̄₂ += Hᵀ P̄₂
        var hBar = Tensor<float>.ZerosLike(h);
        Ops.MatMulVjpLeft(p2Bar, h, w2, p2, hBar);                                    // H̄  += P̄₂ W₂ᵀ
        var z1Bar = Tensor<float>.ZerosLike(z1);
        Ops.ReluVjp(hBar, z1, h, z1Bar);                                              // Z̄₁ += H̄ ⊙ [Z₁ > 0]
        var p1Bar = Tensor<float>.ZerosLike(p1);
        Ops.AddRowVectorVjpLeft(z1Bar, p1, b1, z1, p1Bar);                            // P̄₁ += Z̄₁
        Ops.AddRowVectorVjpRight(z1Bar, p1, b1, z1, b1Bar);                           // b̄₁ += Σ_rows Z̄₁
        Ops.MatMulVjpRight(p1Bar, x, w1, p1, w1Bar);                                  // W̄₁ += Xᵀ P̄₁
        return loss.ToScalar();
    }
}
