using System.Runtime.CompilerServices;
using ILGPU.Algorithms;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// Arithmetic on the element type inside a kernel. ILGPU compiles a kernel for concrete types, so every kernel is
/// generic in the element type <typeparamref name="T"/> and in a struct <c>M : IReal&lt;T&gt;</c> that does the
/// math: <see cref="F32"/> or <see cref="F64"/>. The calls inline to plain float or double instructions, and the
/// transcendental functions come from ILGPU.Algorithms' XMath, which has GPU implementations. (.NET's static
/// generic math, <c>T.Exp(x)</c>, gets through ILGPU's frontend on the CPU accelerator, but the BCL bodies behind
/// it are untried on the PTX backend; a struct's instance methods are ILGPU's documented functor pattern.)
/// </summary>
public interface IReal<T> where T : unmanaged
{
    /// <summary>0.</summary>
    T Zero { get; }
    /// <summary>1.</summary>
    T One { get; }
    /// <summary>−∞, the identity of max.</summary>
    T NegativeInfinity { get; }
    /// <summary>The nearest <typeparamref name="T"/> to <paramref name="n"/>.</summary>
    T FromInt(int n);
    /// <summary>a + b.</summary>
    T Add(T a, T b);
    /// <summary>a − b.</summary>
    T Sub(T a, T b);
    /// <summary>a·b.</summary>
    T Mul(T a, T b);
    /// <summary>a/b.</summary>
    T Div(T a, T b);
    /// <summary>−a.</summary>
    T Neg(T a);
    /// <summary>a &gt; b (false when either is NaN).</summary>
    bool Greater(T a, T b);
    /// <summary>a is NaN.</summary>
    bool IsNaN(T a);
    /// <summary>a is ±∞.</summary>
    bool IsInfinity(T a);
    /// <summary>eᵃ.</summary>
    T Exp(T a);
    /// <summary>ln a.</summary>
    T Log(T a);
    /// <summary>tanh a.</summary>
    T Tanh(T a);
    /// <summary>√a.</summary>
    T Sqrt(T a);
    /// <summary>aᵖ.</summary>
    T Pow(T a, T p);
    /// <summary>|a|.</summary>
    T Abs(T a);
}

/// <summary>float arithmetic for kernels.</summary>
public readonly struct F32 : IReal<float>
{
    /// <inheritdoc/>
    public float Zero => 0f;
    /// <inheritdoc/>
    public float One => 1f;
    /// <inheritdoc/>
    public float NegativeInfinity => float.NegativeInfinity;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float FromInt(int n) => n;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Add(float a, float b) => a + b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Sub(float a, float b) => a - b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Mul(float a, float b) => a * b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Div(float a, float b) => a / b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Neg(float a) => -a;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool Greater(float a, float b) => a > b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool IsNaN(float a) => XMath.IsNaN(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool IsInfinity(float a) => XMath.IsInfinity(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Exp(float a) => XMath.Exp(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Log(float a) => XMath.Log(a);
    /// <inheritdoc/>
    /// <remarks>
    /// Not <c>XMath.Tanh(float)</c>: on CUDA that is the hardware approximation (<c>tanh.approx.f32</c>, relative error
    /// up to 2⁻¹¹), which put an H100's tanh JVP 2.4e-5 away from the CPU's. Nor tanh in double: ILGPU's double exp
    /// is software and made tanh of a 1024×1024 batch take 0.53 ms on an H100 (float: 7 µs). This is Cephes' tanhf:
    /// below |a| = 0.625 the odd polynomial a + a³·P(a²), above it 1 − 2/(e^(2|a|) + 1), with a's sign; a few float
    /// ulps from the true value on every device (e^x from XMath.Exp). NaN stays NaN; ±∞ gives ±1.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Tanh(float a)
    {
        float z = XMath.Abs(a);
        if (z > 0.625f)
        {
            if (z > 20f) return a > 0 ? 1f : -1f;   // 1 − tanh 20 < 1e-17: ±1 in float
            float t = 1f - 2f / (XMath.Exp(2f * z) + 1f);
            return a < 0 ? -t : t;
        }
        float s = a * a;
        return ((((-5.70498872745e-3f * s + 2.06390887954e-2f) * s - 5.37397155531e-2f) * s + 1.33314422036e-1f) * s
            - 3.33332819422e-1f) * s * a + a;
    }
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Sqrt(float a) => XMath.Sqrt(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Pow(float a, float p) => XMath.Pow(a, p);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public float Abs(float a) => XMath.Abs(a);
}

/// <summary>double arithmetic for kernels.</summary>
public readonly struct F64 : IReal<double>
{
    /// <inheritdoc/>
    public double Zero => 0d;
    /// <inheritdoc/>
    public double One => 1d;
    /// <inheritdoc/>
    public double NegativeInfinity => double.NegativeInfinity;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double FromInt(int n) => n;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Add(double a, double b) => a + b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Sub(double a, double b) => a - b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Mul(double a, double b) => a * b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Div(double a, double b) => a / b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Neg(double a) => -a;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool Greater(double a, double b) => a > b;
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool IsNaN(double a) => XMath.IsNaN(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public bool IsInfinity(double a) => XMath.IsInfinity(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Exp(double a) => XMath.Exp(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Log(double a) => XMath.Log(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Tanh(double a) => XMath.Tanh(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Sqrt(double a) => XMath.Sqrt(a);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Pow(double a, double p) => XMath.Pow(a, p);
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public double Abs(double a) => XMath.Abs(a);
}
