using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using Tutor.Tensors;

namespace Tutor.Lessons.JacobianModes;

/// <summary>
/// Seed 001 P2 as a student writes it. The network x ↦ W_F tanh(W_L … tanh(W_2 tanh(W_1 x))) (x ∈ ℝᴰ, K hidden units,
/// P outputs, L weight matrices before W_F), three ways:
/// <list type="number">
/// <item><see cref="Project"/>: the network as an ordinary [Differentiable] method over double[] with loops. The
/// generator can only differentiate a method that returns one number, so it returns uᵀ f(x) for a constant
/// direction u: its generated <c>ProjectGradient</c> with u = eᵢ is row i of the Jacobian (one VJP), and its
/// <c>ProjectJvp</c> with tangent ẋ = eⱼ and u = eᵢ is the entry Jᵢⱼ.</item>
/// <item><see cref="ReverseJacobian"/>: reverse mode by hand, accumulating the chain rule from the output (P rows).</item>
/// <item><see cref="ForwardJacobian"/>: forward mode by hand, accumulating it from the input (D columns).</item>
/// </list>
/// The weights are one flat array: W_1 (K×D), then W_2 … W_L (K×K each), then W_F (P×K), each row-major.
/// </summary>
public static partial class Network
{
    /// <summary>uᵀ f(x), written with loops so that the generator differentiates it with respect to x.</summary>
    [Differentiable]
    public static double Project(double[] x, [NoDiff] double[] w, [NoDiff] double[] u, int d, int k, int p, int layers)
    {
        double[] h = new double[layers * k];                 // h[l·K + i] = tanh(a_l[i]), a_l the pre-activation of layer l
        for (int i = 0; i < k; i++)
        {
            double s = 0;
            for (int j = 0; j < d; j++) s += w[i * d + j] * x[j];
            h[i] = Math.Tanh(s);
        }
        for (int l = 1; l < layers; l++)
        {
            int offset = k * d + (l - 1) * k * k;
            for (int i = 0; i < k; i++)
            {
                double s = 0;
                for (int j = 0; j < k; j++) s += w[offset + i * k + j] * h[(l - 1) * k + j];
                h[l * k + i] = Math.Tanh(s);
            }
        }
        int final = k * d + (layers - 1) * k * k;
        double result = 0;
        for (int q = 0; q < p; q++)
        {
            double s = 0;
            for (int j = 0; j < k; j++) s += w[final + q * k + j] * h[(layers - 1) * k + j];
            result += u[q] * s;
        }
        return result;
    }

    /// <summary>
    /// Reverse mode by hand: run forward, keep every layer's tanh, then start from W_F (P×K) and multiply by each layer's
    /// local Jacobian from the output back to the input, G ← (G ⊙ (1 − h_l²)ᵀ) · W_l. Every product has P rows.
    /// </summary>
    public static Tensor<double> ReverseJacobian(Tensor<double> x, Tensor<double>[] weights)
    {
        int layers = weights.Length - 1;
        var h = new Tensor<double>[layers];
        var a = x;
        for (int l = 0; l < layers; l++)
        {
            h[l] = Ops.Tanh(MatVec(weights[l], a));                  // h_l = tanh(W_l h_{l−1})
            a = h[l];
        }
        var g = weights[layers].Clone();                              // ∂f/∂h_L = W_F        (P×K)
        for (int l = layers - 1; l >= 0; l--)
        {
            ScaleColumnsByTanhDerivative(g, h[l]);                    // ∂f/∂a_l = ∂f/∂h_l · diag(1 − h_l²)
            g = Product(g, weights[l]);                               // ∂f/∂h_{l−1} = ∂f/∂a_l · W_l
        }
        return g;                                                     // ∂f/∂x (P×D)
    }

    /// <summary>
    /// Forward mode by hand: carry the derivative of the current layer with respect to x, T ← W_l · (diag(1 − h_l²) T),
    /// from the input to the output. Every product has D columns.
    /// </summary>
    public static Tensor<double> ForwardJacobian(Tensor<double> x, Tensor<double>[] weights)
    {
        int layers = weights.Length - 1;
        var a = MatVec(weights[0], x);                            // a_1 = W_1 x
        var t = weights[0].Clone();                                   // ∂a_1/∂x = W_1        (K×D)
        for (int l = 1; l <= layers; l++)
        {
            var h = Ops.Tanh(a);
            ScaleRowsByTanhDerivative(t, h);                          // ∂h_l/∂x = diag(1 − h_l²) · ∂a_l/∂x
            a = MatVec(weights[l], h);                                // a_{l+1} = W_{l+1} h_l  (the last is f = W_F h_L)
            t = Ops.MatMul(weights[l], t);                            // ∂a_{l+1}/∂x = W_{l+1} · ∂h_l/∂x
        }
        return t;                                                     // ∂f/∂x (P×D)
    }

    /// <summary>
    /// G·W. Ops.MatMul sends a product with fewer than two rows (or four columns) to its plain reference loop, so a
    /// few rows times a matrix are written here as rows of axpy's (row r of G·W = Σ_p G[r, p]·W[p, :]) with SIMD.
    /// </summary>
    static Tensor<double> Product(Tensor<double> g, Tensor<double> w)
    {
        if (g.Rows >= 4) return Ops.MatMul(g, w);
        var result = Tensor<double>.Zeros(g.Rows, w.Columns);
        for (int r = 0; r < g.Rows; r++)
            for (int p = 0; p < w.Rows; p++) TensorPrimitives.MultiplyAdd(w.Row(p), g[r, p], result.Row(r), result.Row(r));
        return result;
    }

    /// <summary>W·a for a vector a: one dot product per row (the same reason as <see cref="Product"/>).</summary>
    static Tensor<double> MatVec(Tensor<double> w, Tensor<double> a)
    {
        var result = Tensor<double>.Zeros(w.Rows);
        var av = a.AsReadOnlySpan();
        for (int r = 0; r < w.Rows; r++) result[r] = TensorPrimitives.Dot<double>(w.Row(r), av);
        return result;
    }

    static void ScaleColumnsByTanhDerivative(Tensor<double> g, Tensor<double> h)
    {
        var hs = h.AsReadOnlySpan();
        for (int r = 0; r < g.Rows; r++)
        {
            var row = g.Row(r);
            for (int c = 0; c < row.Length; c++) row[c] *= 1 - hs[c] * hs[c];
        }
    }

    static void ScaleRowsByTanhDerivative(Tensor<double> t, Tensor<double> h)
    {
        for (int r = 0; r < t.Rows; r++)
        {
            double s = 1 - h[r] * h[r];
            var row = t.Row(r);
            for (int c = 0; c < row.Length; c++) row[c] *= s;
        }
    }
}
