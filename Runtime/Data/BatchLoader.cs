using Tutor.Training;

namespace Tutor.Data;

/// <summary>
/// Cuts a set of example indices into mini-batches, epoch after epoch (seed 004's loop: "shuffle D_train; for batches
/// from D_train"). It hands out indices, not data: gather the rows with <see cref="Rows"/>.Gather or a tensor's row
/// gather. With shuffling, each epoch's order is a fresh Fisher–Yates permutation from the generator given, so the
/// whole sequence of batches repeats exactly for the same seed.
/// </summary>
public sealed class BatchLoader
{
    readonly int[] order;
    readonly TutorRandom? random;

    /// <summary>Batches over the examples 0 … count−1.</summary>
    public BatchLoader(int count, int batchSize, bool shuffle = false, bool dropLast = false, TutorRandom? random = null)
        : this(Enumerable.Range(0, count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "the count must be non-negative")).ToArray(),
               batchSize, shuffle, dropLast, random) { }

    /// <summary>Batches over the given example indices (a training split, say).</summary>
    /// <param name="indices">The examples to draw from; copied.</param>
    /// <param name="batchSize">B, examples per batch.</param>
    /// <param name="shuffle">Reshuffle at the start of every epoch (needs <paramref name="random"/>).</param>
    /// <param name="dropLast">Leave out the last batch when it is smaller than B (PyTorch's drop_last).</param>
    /// <param name="random">The generator for shuffling.</param>
    public BatchLoader(IReadOnlyList<int> indices, int batchSize, bool shuffle = false, bool dropLast = false, TutorRandom? random = null)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (shuffle && random is null) throw new ArgumentException("shuffling needs a TutorRandom, so that the batches repeat run to run", nameof(random));
        order = [.. indices];
        (BatchSize, Shuffle, DropLast, this.random) = (batchSize, shuffle, dropLast, random);
    }

    /// <summary>B, examples per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch is reshuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a short last batch is left out.</summary>
    public bool DropLast { get; }

    /// <summary>The number of examples.</summary>
    public int Count => order.Length;

    /// <summary>Batches per epoch: ⌈n/B⌉, or ⌊n/B⌋ with <see cref="DropLast"/>.</summary>
    public int BatchCount => DropLast ? order.Length / BatchSize : (order.Length + BatchSize - 1) / BatchSize;

    /// <summary>How many epochs have been started.</summary>
    public int Epochs { get; private set; }

    /// <summary>
    /// Starts an epoch and returns its batches of example indices. The memory is the loader's own and is reused by
    /// the next epoch: use each batch before starting another epoch.
    /// </summary>
    public IEnumerable<ReadOnlyMemory<int>> NextEpoch()
    {
        Epochs++;
        if (Shuffle) random!.Shuffle<int>(order);
        return Batches(order, BatchSize, BatchCount);
    }

    static IEnumerable<ReadOnlyMemory<int>> Batches(int[] order, int batchSize, int batchCount)
    {
        for (int b = 0; b < batchCount; b++)
        {
            int start = b * batchSize;
            yield return order.AsMemory(start, Math.Min(batchSize, order.Length - start));
        }
    }
}
