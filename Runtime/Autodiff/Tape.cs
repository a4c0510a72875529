namespace Tutor;

/// <summary>
/// The stack that generated reverse-mode code uses inside loops. Each iteration of a loop pushes, at its end, the
/// values its backward sweep will need (and which path through the loop body it took); the backward sweep pops them
/// in reverse. Integers (indices, counts) are stored exactly as doubles (|n| ≤ 2⁵³).
/// </summary>
public sealed class Tape
{
    double[] items = new double[64];
    int count;

    /// <summary>How many values are on the tape.</summary>
    public int Count => count;

    /// <summary>The largest number of values the tape has held: the memory cost of reverse mode through its loop.</summary>
    public int HighWater { get; private set; }

    /// <summary>Pushes a value.</summary>
    public void Push(double value)
    {
        if (count == items.Length) Array.Resize(ref items, items.Length * 2);
        items[count++] = value;
        if (count > HighWater) HighWater = count;
    }

    /// <summary>Pops the value pushed last.</summary>
    /// <exception cref="InvalidOperationException">The tape is empty: the backward sweep popped more than the forward sweep pushed (a generator bug).</exception>
    public double Pop()
    {
        if (count == 0) throw new InvalidOperationException("The tape is empty: the backward sweep popped more values than the forward sweep pushed. This is a bug in Tutor.Generator; please report it.");
        return items[--count];
    }

    /// <summary>Pops an integer (an index, a count or a path number).</summary>
    public int PopInt() => (int)Pop();

    readonly Stack<object> objects = new();

    /// <summary>Keeps a reference (an array created inside the loop, or an array gradient returned by a call).</summary>
    public void PushObject(object value) => objects.Push(value);

    /// <summary>Pops the reference pushed last.</summary>
    public object PopObject() =>
        objects.Count > 0 ? objects.Pop() : throw new InvalidOperationException("The tape holds no array: the backward sweep popped more than the forward sweep pushed. This is a bug in Tutor.Generator; please report it.");
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
