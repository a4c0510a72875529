using ILGPU;

namespace Tutor.Gpu.Kernels;

/// <summary>
/// Reductions across the threads of one group, in a fixed tree order: thread t adds thread t + h's value for
/// h = G/2, G/4, …, 1. No atomics, so the same input on the same device and group size gives the same bits every
/// run. G (the group size) must be a power of two, at most <see cref="MaxGroupSize"/>.
/// </summary>
public static class GroupReduce
{
    /// <summary>The largest group the shared scratch holds.</summary>
    public const int MaxGroupSize = 1024;

    /// <summary>Σ of every thread's <paramref name="value"/>, returned to all threads of the group.</summary>
    public static T Sum<T, M>(T value) where T : unmanaged where M : struct, IReal<T>
    {
        var shared = SharedMemory.Allocate<T>(MaxGroupSize);
        int t = Group.IdxX;
        shared[t] = value;
        Group.Barrier();
        for (int h = Group.DimX / 2; h > 0; h /= 2)
        {
            if (t < h) shared[t] = default(M).Add(shared[t], shared[t + h]);
            Group.Barrier();
        }
        T total = shared[0];
        Group.Barrier();
        return total;
    }

    /// <summary>
    /// The largest of every thread's (<paramref name="value"/>, <paramref name="index"/>), the first index among
    /// equal values, NaN above everything (as TensorPrimitives.Max and IndexOfMax): returned to all threads.
    /// </summary>
    public static (T Value, int Index) ArgMax<T, M>(T value, int index) where T : unmanaged where M : struct, IReal<T>
    {
        var values = SharedMemory.Allocate<T>(MaxGroupSize);
        var indices = SharedMemory.Allocate<int>(MaxGroupSize);
        int t = Group.IdxX;
        values[t] = value;
        indices[t] = index;
        Group.Barrier();
        for (int h = Group.DimX / 2; h > 0; h /= 2)
        {
            if (t < h && Better<T, M>(values[t], indices[t], values[t + h], indices[t + h]))
            {
                values[t] = values[t + h];
                indices[t] = indices[t + h];
            }
            Group.Barrier();
        }
        var best = (values[0], indices[0]);
        Group.Barrier();
        return best;
    }

    /// <summary>Whether (v2, i2) beats the current best (v1, i1).</summary>
    public static bool Better<T, M>(T v1, int i1, T v2, int i2) where T : unmanaged where M : struct, IReal<T>
    {
        var m = default(M);
        if (m.IsNaN(v1)) return m.IsNaN(v2) && i2 < i1;
        if (m.IsNaN(v2)) return true;
        return m.Greater(v2, v1) || (!m.Greater(v1, v2) && i2 < i1);
    }
}
