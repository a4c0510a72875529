namespace Tutor.Data;

/// <summary>The content of an unsigned-byte IDX file: its magic number, its dimensions and its bytes in row-major order.</summary>
/// <param name="Magic">The magic number (2051 for images, 2049 for labels).</param>
/// <param name="Dimensions">The sizes from the header, outermost first.</param>
/// <param name="Data">The bytes, row-major.</param>
public sealed record IdxArray(int Magic, int[] Dimensions, byte[] Data);

/// <summary>MNIST-style images: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/> bytes (0 = background, 255 = ink).</summary>
/// <param name="Count">The number of images.</param>
/// <param name="Rows">Pixel rows per image (28 for MNIST).</param>
/// <param name="Columns">Pixel columns per image (28 for MNIST).</param>
/// <param name="Pixels">All pixels, image by image, row by row.</param>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels)
{
    /// <summary>Pixels per image (784 for MNIST).</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>The images as a float32 matrix (count × pixels) scaled to [0, 1] (divided by 255, like torchvision's ToTensor).</summary>
    public float[] ToSingle(float scale = 1f / 255f) => [.. Pixels.Select(p => p * scale)];

    /// <summary>The images as a float64 matrix (count × pixels) scaled to [0, 1].</summary>
    public double[] ToDouble(double scale = 1.0 / 255.0) => [.. Pixels.Select(p => p * scale)];

    /// <summary>The pixels of one image.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
}
