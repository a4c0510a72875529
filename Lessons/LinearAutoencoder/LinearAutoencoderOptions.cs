namespace Tutor.Lessons.LinearAutoencoder;

/// <summary>The sizes the lesson runs at: <see cref="Full"/> is LESSONS.md's; the tests use <see cref="Quick"/>.</summary>
/// <param name="Steps">Gradient steps per learning rate in part (b) (LESSONS.md: 1000).</param>
/// <param name="MnistImages">Images in part (c)'s epoch (all 10 000 in the full run).</param>
/// <param name="MnistBatch">Images per step in part (c)'s batched run.</param>
/// <param name="ReplaySeed">Whether to replay the seed's chained protocol (four learning rates one after another).</param>
public sealed record LinearAutoencoderOptions(int Steps, int MnistImages, int MnistBatch, bool ReplaySeed = true)
{
    public static LinearAutoencoderOptions Full { get; } = new(1000, 10000, 100);
    public static LinearAutoencoderOptions Quick { get; } = new(400, 300, 100, ReplaySeed: false);
}
