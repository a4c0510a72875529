using Tutor.Tensors;
using Tutor.Training;

namespace Tutor.Lessons.DepthAndInitialisation;

/// <summary>
/// Seed 001 P4 as a student writes it: an MLP 784 → 50 (tanh) → … → 50 (tanh) → 10 with <c>depth</c> tanh layers,
/// cross-entropy on the logits, and its backward pass written by hand as the chain of the ops' vector–Jacobian
/// products, layer by layer from the loss back to the input. Float32, like PyTorch's default.
/// Layer l computes Z_l = H_{l−1} W_l + 1 b_lᵀ (a batch of rows), H_l = tanh(Z_l); the last layer has no tanh.
/// </summary>
public sealed class DeepTanhNet
{
    readonly Tensor<float>[] w, b, wBar, bBar;

    /// <summary>Creates the layers; weights and biases start at zero (see <see cref="Initialise"/>).</summary>
    public DeepTanhNet(int inputs, int hidden, int depth, int classes)
    {
        Sizes = [inputs, .. Enumerable.Repeat(hidden, depth), classes];
        int layers = Sizes.Length - 1;
        (w, b, wBar, bBar) = (new Tensor<float>[layers], new Tensor<float>[layers], new Tensor<float>[layers], new Tensor<float>[layers]);
        for (int l = 0; l < layers; l++)
        {
            float[] wv = new float[Sizes[l] * Sizes[l + 1]], wg = new float[wv.Length], bv = new float[Sizes[l + 1]], bg = new float[bv.Length];
            w[l] = Tensor<float>.Wrap(wv, TensorShape.Matrix(Sizes[l], Sizes[l + 1]));
            wBar[l] = Tensor<float>.Wrap(wg, TensorShape.Matrix(Sizes[l], Sizes[l + 1]));
            b[l] = Tensor<float>.Wrap(bv, TensorShape.Vector(Sizes[l + 1]));
            bBar[l] = Tensor<float>.Wrap(bg, TensorShape.Vector(Sizes[l + 1]));
            Parameters.Add($"W{l + 1}", wv, wg);
            Parameters.Add($"b{l + 1}", bv, bg);
        }
    }

    /// <summary>784, 50 × depth, 10.</summary>
    public int[] Sizes { get; }

    /// <summary>Weights and biases with their gradients, for the optimizer.</summary>
    public ParameterSet<float> Parameters { get; } = new();

    /// <summary>∂L/∂W_l after <see cref="LossAndGradient"/>.</summary>
    public Tensor<float> WeightGradient(int layer) => wBar[layer];

    /// <summary>Weights U(−d, d) in every layer (d = null: Xavier, d = √(6/(fan in + fan out)) per layer); biases 0.</summary>
    public void Initialise(double? d, TutorRandom random)
    {
        for (int l = 0; l < w.Length; l++)
        {
            double bound = d ?? Math.Sqrt(6.0 / (Sizes[l] + Sizes[l + 1]));
            Init.Uniform(w[l].AsSpan(), bound, random.Fork($"W{l + 1}"));
            b[l].Clear();
        }
    }

    /// <summary>The logits for a batch of images (rows of <paramref name="x"/>).</summary>
    public Tensor<float> Logits(Tensor<float> x)
    {
        var h = x;
        for (int l = 0; l < w.Length; l++)
        {
            var z = Ops.AddRowVector(Ops.MatMul(h, w[l]), b[l]);
            h = l < w.Length - 1 ? Ops.Tanh(z) : z;
        }
        return h;
    }

    /// <summary>Mean cross-entropy of the batch; fills every ∂L/∂W_l and ∂L/∂b_l (overwriting them).</summary>
    public float LossAndGradient(Tensor<float> x, int[] labels)
    {
        int layers = w.Length;
        var inputs = new Tensor<float>[layers];      // H_{l−1}, the input of layer l
        var products = new Tensor<float>[layers];    // H_{l−1} W_l
        var sums = new Tensor<float>[layers];        // Z_l = H_{l−1} W_l + 1 b_lᵀ
        var outputs = new Tensor<float>[layers];     // H_l = tanh(Z_l); the last layer's output is Z_l
        var h = x;
        for (int l = 0; l < layers; l++)
        {
            inputs[l] = h;
            products[l] = Ops.MatMul(h, w[l]);
            sums[l] = Ops.AddRowVector(products[l], b[l]);
            outputs[l] = l < layers - 1 ? Ops.Tanh(sums[l]) : sums[l];
            h = outputs[l];
        }
        var loss = Ops.CrossEntropyLoss(h, labels);

        // backward: L̄ = 1, then each op's VJP adds its contribution to its operands' adjoints
        var outputBar = Tensor<float>.ZerosLike(h);
        Ops.CrossEntropyLossVjp(Tensor<float>.Scalar(1f), h, labels, loss, outputBar);        // Z̄ += (softmax(Z) − onehot)/B
        for (int l = layers - 1; l >= 0; l--)
        {
            var sumBar = outputBar;
            if (l < layers - 1)
            {
                sumBar = Tensor<float>.ZerosLike(sums[l]);
                Ops.TanhVjp(outputBar, sums[l], outputs[l], sumBar);                          // Z̄_l += H̄_l ⊙ (1 − H_l²)
            }
            var productBar = Tensor<float>.ZerosLike(products[l]);
            Ops.AddRowVectorVjpLeft(sumBar, products[l], b[l], sums[l], productBar);           // (HW)‾ += Z̄_l
            bBar[l].Clear();
            Ops.AddRowVectorVjpRight(sumBar, products[l], b[l], sums[l], bBar[l]);             // b̄_l += Σ_rows Z̄_l
            wBar[l].Clear();
            Ops.MatMulVjpRight(productBar, inputs[l], w[l], products[l], wBar[l]);            // W̄_l += H_{l−1}ᵀ (HW)‾
            if (l > 0)
            {
                outputBar = Tensor<float>.ZerosLike(inputs[l]);
                Ops.MatMulVjpLeft(productBar, inputs[l], w[l], products[l], outputBar);       // H̄_{l−1} += (HW)‾ W_lᵀ
            }
        }
        return loss.ToScalar();
    }
}
