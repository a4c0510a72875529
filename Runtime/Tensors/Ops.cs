using System.Numerics;

namespace Tutor.Tensors;

/// <summary>
/// The tensor ops: forward values and their derivative rules. Every op <c>X</c> comes as
/// <list type="bullet">
/// <item><c>X(operands…, parameters…)</c>: a new tensor; and <c>X(operands…, parameters…, destination)</c>, which writes
/// into a buffer you own and returns it (training loops reuse buffers);</item>
/// <item><c>XVjp</c> (one operand) or <c>XVjpLeft</c>/<c>XVjpRight</c> (two): reverse mode, <em>accumulates</em> the
/// operand's adjoint: <c>XVjpLeft(resultAdjoint, operands…, parameters…, result, operandAdjoint)</c> does
/// <c>Ā += Ȳ·∂Y/∂A</c>;</item>
/// <item><c>XJvp(operands…, parameters…, result, operandTangents…, resultTangent)</c>: forward mode, <em>overwrites</em>
/// <c>resultTangent</c> with <c>Ẏ = Σ ∂Y/∂A·Ȧ</c>; a null operand tangent means zero (a constant operand).</item>
/// </list>
/// The same list, with each op's LaTeX and notation, is the table <c>Tutor.Rules.TensorRules</c> the generator reads.
/// </summary>
public static partial class Ops
{
    static Tensor<T> New<T>(TensorShape shape) where T : unmanaged, IFloatingPointIeee754<T> => Tensor<T>.Uninitialized(shape);

    static Tensor<T> Into<T>(string op, TensorShape expected, Tensor<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Shapes.RequireDestination(op, expected, destination.Shape);
        return destination;
    }

    /// <summary>Checks the arguments of a VJP: Ȳ has the result's shape, Ā the operand's.</summary>
    static void CheckVjp<T>(string op, Tensor<T> resultAdjoint, Tensor<T> result, Tensor<T> operand, Tensor<T> operandAdjoint)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Shapes.RequireVjp(op, resultAdjoint.Shape, result.Shape, operand.Shape, operandAdjoint.Shape);

    /// <summary>Checks the arguments of a JVP: each tangent has its operand's shape, Ẏ the result's.</summary>
    static void CheckJvp<T>(string op, Tensor<T> result, Tensor<T> resultTangent, Tensor<T> operand, Tensor<T>? tangent,
        Tensor<T>? operand2 = null, Tensor<T>? tangent2 = null) where T : unmanaged, IFloatingPointIeee754<T> =>
        Shapes.RequireJvp(op, result.Shape, resultTangent.Shape, operand.Shape, tangent?.Shape, operand2?.Shape, tangent2?.Shape);

    static T Count<T>(int n) where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(n);
}

/// <summary>Per-thread scratch spans for the derivative rules that need an intermediate (no allocation per call).</summary>
internal static class Scratch<T> where T : unmanaged
{
    [ThreadStatic] static T[]? first;
    [ThreadStatic] static T[]? second;

    public static Span<T> Get(int length) => Grow(ref first, length).AsSpan(0, length);

    public static Span<T> GetSecond(int length) => Grow(ref second, length).AsSpan(0, length);

    static T[] Grow(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length) buffer = GC.AllocateUninitializedArray<T>(Math.Max(length, 256));
        return buffer;
    }
}
