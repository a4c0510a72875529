using System.Numerics;
using Tutor.Tensors;

namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>
/// Seed 000 as a student writes it: the linear autoencoder f(z) = A B z with A (n×k) and B (k×n), trained on the
/// loss L(A, B) = ½‖z − A B z‖²_F, where the columns of z (n×m) are the data points.
/// </summary>
public static partial class Autoencoder
{
    /// <summary>
    /// The loss with loops over flat row-major arrays, so that the generator writes its gradient with respect to A and B
    /// (<c>LossGradient</c> returns the loss, ∂L/∂A and ∂L/∂B). z is data, not a parameter: [NoDiff].
    /// </summary>
    [Differentiable]
    public static double Loss(double[] a, double[] b, [NoDiff] double[] z, int n, int k, int m)
    {
        double[] code = new double[k * m];                  // B z, the k-dimensional code of every column
        for (int i = 0; i < k; i++)
            for (int c = 0; c < m; c++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += b[i * n + j] * z[j * m + c];
                code[i * m + c] = s;
            }
        double loss = 0;
        for (int r = 0; r < n; r++)
            for (int c = 0; c < m; c++)
            {
                double s = 0;
                for (int i = 0; i < k; i++) s += a[r * k + i] * code[i * m + c];
                double e = z[r * m + c] - s;                // the reconstruction error
                loss += 0.5 * e * e;
            }
        return loss;
    }

    /// <summary>
    /// The same loss with tensors, and its gradient by backpropagation written out as the chain of vector–Jacobian
    /// products of the ops, last op first. Each <c>…Vjp</c> adds Ȳ·∂Y/∂X into the adjoint X̄ of one operand.
    /// Writes ∂L/∂A into <paramref name="aBar"/> and ∂L/∂B into <paramref name="bBar"/> (they are cleared first).
    /// </summary>
    public static T LossAndGradient<T>(Tensor<T> a, Tensor<T> b, Tensor<T> z, Tensor<T> aBar, Tensor<T> bBar)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // forward
        var code = Ops.MatMul(b, z);                        // Y₁ = B z
        var reconstruction = Ops.MatMul(a, code);           // Y₂ = A Y₁
        var error = Ops.Sub(z, reconstruction);             // R  = z − Y₂
        var squares = Ops.Square(error);                    // Q  = R ⊙ R
        var sum = Ops.Sum(squares);                         // S  = Σ Q
        var loss = Ops.Scale(sum, T.CreateChecked(0.5));    // L  = ½ S

        // backward: start from L̄ = 1 and walk the ops in reverse
        var lossBar = Tensor<T>.Scalar(T.One);
        var sumBar = Tensor<T>.ZerosLike(sum);
        Ops.ScaleVjp(lossBar, sum, T.CreateChecked(0.5), loss, sumBar);           // S̄  += ½ L̄
        var squaresBar = Tensor<T>.ZerosLike(squares);
        Ops.SumVjp(sumBar, squares, sum, squaresBar);                             // Q̄  += S̄ · 1
        var errorBar = Tensor<T>.ZerosLike(error);
        Ops.SquareVjp(squaresBar, error, squares, errorBar);                      // R̄  += Q̄ ⊙ 2R
        var reconstructionBar = Tensor<T>.ZerosLike(reconstruction);
        Ops.SubVjpRight(errorBar, z, reconstruction, error, reconstructionBar);   // Ȳ₂ += −R̄
        aBar.Clear();
        bBar.Clear();
        var codeBar = Tensor<T>.ZerosLike(code);
        Ops.MatMulVjpLeft(reconstructionBar, a, code, reconstruction, aBar);      // Ā  += Ȳ₂ Y₁ᵀ
        Ops.MatMulVjpRight(reconstructionBar, a, code, reconstruction, codeBar);  // Ȳ₁ += Aᵀ Ȳ₂
        Ops.MatMulVjpLeft(codeBar, b, z, code, bBar);                             // B̄  += Ȳ₁ zᵀ
        return loss.ToScalar();
    }
}
