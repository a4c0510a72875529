namespace Tutor.Training;

/// <summary>
/// Jacobians J = ∂f/∂x (m outputs × n inputs) of f: ℝⁿ → ℝᵐ, built from the two primitives of automatic
/// differentiation (seed 001 P2):
/// forward mode, one Jacobian-vector product J·v per input direction v = eⱼ (column j), and
/// reverse mode, one vector-Jacobian product uᵀ·J per output direction u = eᵢ (row i).
/// </summary>
/// <remarks>
/// Cost model: a JVP or a VJP costs a small constant times one evaluation of f (reverse mode also stores the forward
/// pass). Forward mode therefore costs ∝ n (inputs) evaluations and reverse mode ∝ m (outputs). A loss has m = 1,
/// which is why training uses reverse mode: one backward pass gives the whole gradient however many parameters there
/// are. For seed 001's x ↦ W_F tanh(W_L … tanh(W_1 x)) with D = K = 1000 and P = 1, reverse needs one VJP against
/// forward's thousand JVPs; for P ≫ D the balance flips and forward wins.
/// </remarks>
public static class Jacobian
{
    /// <summary>The Jacobian by forward mode: column j is <paramref name="jvp"/>(x, eⱼ), for j = 0 … n−1.</summary>
    /// <param name="jvp">(x, v) ↦ J(x)·v, of length m.</param>
    /// <param name="x">The point, of length n.</param>
    /// <returns>J as an m × n array.</returns>
    public static double[,] Forward(Func<double[], double[], double[]> jvp, double[] x)
    {
        ArgumentNullException.ThrowIfNull(jvp);
        int n = x.Length;
        double[,]? jacobian = null;
        var direction = new double[n];
        for (int j = 0; j < n; j++)
        {
            direction[j] = 1;
            double[] column = jvp(x, direction);
            direction[j] = 0;
            jacobian ??= new double[column.Length, n];
            CheckLength(column.Length, jacobian.GetLength(0), "the JVP", j);
            for (int i = 0; i < column.Length; i++) jacobian[i, j] = column[i];
        }
        return jacobian ?? new double[0, 0];
    }

    /// <summary>The Jacobian by reverse mode: row i is <paramref name="vjp"/>(x, eᵢ), for i = 0 … m−1.</summary>
    /// <param name="vjp">(x, u) ↦ uᵀ·J(x), of length n.</param>
    /// <param name="x">The point, of length n.</param>
    /// <param name="outputs">m, the number of outputs of f.</param>
    /// <returns>J as an m × n array.</returns>
    public static double[,] Reverse(Func<double[], double[], double[]> vjp, double[] x, int outputs)
    {
        ArgumentNullException.ThrowIfNull(vjp);
        ArgumentOutOfRangeException.ThrowIfNegative(outputs);
        var jacobian = new double[outputs, x.Length];
        var direction = new double[outputs];
        for (int i = 0; i < outputs; i++)
        {
            direction[i] = 1;
            double[] row = vjp(x, direction);
            direction[i] = 0;
            CheckLength(row.Length, x.Length, "the VJP", i);
            for (int j = 0; j < row.Length; j++) jacobian[i, j] = row[j];
        }
        return jacobian;
    }

    /// <summary>
    /// The Jacobian by central differences, column j = (f(x + hⱼeⱼ) − f(x − hⱼeⱼ)) / 2hⱼ with
    /// hⱼ = ∛ε·max(1, |xⱼ|): for checking the other two (about 1e−10 relative agreement in float64).
    /// </summary>
    public static double[,] FiniteDifference(Func<double[], double[]> f, double[] x, double relativeStep = 6.055454452393343e-6)
    {
        ArgumentNullException.ThrowIfNull(f);
        var probe = (double[])x.Clone();
        double[,]? jacobian = null;
        for (int j = 0; j < x.Length; j++)
        {
            double xj = x[j];
            double h = (xj + relativeStep * Math.Max(1.0, Math.Abs(xj))) - xj;
            probe[j] = xj + h;
            double[] up = f(probe);
            probe[j] = xj - h;
            double[] down = f(probe);
            probe[j] = xj;
            jacobian ??= new double[up.Length, x.Length];
            for (int i = 0; i < up.Length; i++) jacobian[i, j] = (up[i] - down[i]) / (2 * h);
        }
        return jacobian ?? new double[0, 0];
    }

    /// <summary>max |aᵢⱼ − bᵢⱼ| (the two must have the same shape).</summary>
    public static double MaxAbsDifference(double[,] a, double[,] b)
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"shapes differ: {a.GetLength(0)}×{a.GetLength(1)} and {b.GetLength(0)}×{b.GetLength(1)}");
        double max = 0;
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++)
                max = Math.Max(max, Math.Abs(a[i, j] - b[i, j]));
        return max;
    }

    static void CheckLength(int actual, int expected, string what, int index)
    {
        if (actual != expected) throw new InvalidOperationException($"{what} returned {actual} entries for direction {index}, but {expected} were expected");
    }
}
