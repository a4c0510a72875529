using System.Runtime.CompilerServices;

namespace Tutor;

/// <summary>
/// The stack that generated reverse-mode code uses inside loops. Each iteration of a loop pushes, at its end, the
/// values its backward sweep will need (and which path through the loop body it took); the backward sweep pops them
/// in reverse. Integers (indices, counts) are stored exactly as doubles (|n| ≤ 2⁵³).
/// </summary>
public sealed class Tape
{
    double[] items = new double[256];
    int count;
    Stack<object>? objects;

    [ThreadStatic] static Stack<Tape>? pool;

    /// <summary>
    /// A tape from this thread's pool (or a new one). Generated gradients rent their tapes and return them when done,
    /// so a training loop does not regrow and re-zero megabytes of tape on every call.
    /// </summary>
    public static Tape Rent() => pool is { Count: > 0 } p ? p.Pop() : new Tape();

    /// <summary>Empties the tape and gives it back to this thread's pool.</summary>
    public static void Return(Tape tape)
    {
        tape.count = 0;
        tape.objects?.Clear();
        var p = pool ??= new Stack<Tape>();
        if (p.Count < 64) p.Push(tape);
    }

    /// <summary>How many values are on the tape.</summary>
    public int Count => count;

    /// <summary>How many values the tape can hold before it grows: after a gradient, the memory cost of reverse mode through its loop.</summary>
    public int Capacity => items.Length;

    /// <summary>Pushes a value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(double value)
    {
        var array = items;
        int n = count;
        if ((uint)n >= (uint)array.Length)
        {
            Grow();
            array = items;
        }
        array[n] = value;
        count = n + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void Grow() => Array.Resize(ref items, items.Length * 2);

    /// <summary>Pops the value pushed last.</summary>
    /// <exception cref="InvalidOperationException">The tape is empty: the backward sweep popped more than the forward sweep pushed (a generator bug).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Pop()
    {
        int n = count - 1;
        var array = items;
        if ((uint)n >= (uint)array.Length) ThrowEmpty();
        count = n;
        return array[n];
    }

    /// <summary>Pops an integer (an index, a count or a path number).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PopInt() => (int)Pop();

    /// <summary>Pushes a copy of every element of <paramref name="values"/> (a loop's snapshot of a local array).</summary>
    public void PushArray(double[] values)
    {
        Reserve(values.Length);
        values.AsSpan().CopyTo(items.AsSpan(count));
        count += values.Length;
    }

    /// <inheritdoc cref="PushArray(double[])"/>
    public void PushArray(float[] values)
    {
        Reserve(values.Length);
        var destination = items.AsSpan(count, values.Length);
        for (int i = 0; i < values.Length; i++) destination[i] = values[i];
        count += values.Length;
    }

    /// <summary>Pops the copy that <see cref="PushArray(double[])"/> pushed last back into <paramref name="values"/>.</summary>
    /// <exception cref="InvalidOperationException">The tape holds fewer values than the array (a generator bug).</exception>
    public void PopArray(double[] values)
    {
        int start = count - values.Length;
        if (start < 0) ThrowEmpty();
        items.AsSpan(start, values.Length).CopyTo(values);
        count = start;
    }

    /// <inheritdoc cref="PopArray(double[])"/>
    public void PopArray(float[] values)
    {
        int start = count - values.Length;
        if (start < 0) ThrowEmpty();
        var source = items.AsSpan(start, values.Length);
        for (int i = 0; i < values.Length; i++) values[i] = (float)source[i];
        count = start;
    }

    void Reserve(int extra)
    {
        if (items.Length - count >= extra) return;
        int size = items.Length;
        while (size - count < extra) size *= 2;
        Array.Resize(ref items, size);
    }

    /// <summary>Keeps a reference (an array created inside the loop, or an array gradient returned by a call).</summary>
    public void PushObject(object value) => (objects ??= new Stack<object>()).Push(value);

    /// <summary>Pops the reference pushed last.</summary>
    public object PopObject() =>
        objects is { Count: > 0 } ? objects.Pop() : throw new InvalidOperationException("The tape holds no array: the backward sweep popped more than the forward sweep pushed. This is a bug in Tutor.Generator; please report it.");

    static void ThrowEmpty() =>
        throw new InvalidOperationException("The tape is empty: the backward sweep popped more values than the forward sweep pushed. This is a bug in Tutor.Generator; please report it.");
}

/// <summary>Helpers the generated backward sweep calls for arrays.</summary>
public static class Adjoints
{
    /// <summary><c>target[i] += scale · source[i]</c> for every i: the chain rule through a call that returned an array gradient.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length.</exception>
    public static void AddScaled(double[] target, double scale, double[] source)
    {
        if (target.Length != source.Length)
            throw new ArgumentException($"Adjoint length mismatch: the adjoint has {target.Length} elements, the callee's gradient {source.Length}.");
        for (int i = 0; i < target.Length; i++) target[i] += scale * source[i];
    }

    /// <inheritdoc cref="AddScaled(double[], double, double[])"/>
    public static void AddScaled(float[] target, float scale, float[] source)
    {
        if (target.Length != source.Length)
            throw new ArgumentException($"Adjoint length mismatch: the adjoint has {target.Length} elements, the callee's gradient {source.Length}.");
        for (int i = 0; i < target.Length; i++) target[i] += scale * source[i];
    }
}
