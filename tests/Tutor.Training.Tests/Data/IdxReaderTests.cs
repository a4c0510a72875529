using System.Buffers.Binary;
using Tutor.Data;

namespace Tutor.Training.Tests.Data;

public sealed class IdxReaderTests : IDisposable
{
    readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>An IDX file: big-endian magic, sizes, then the bytes.</summary>
    static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (int d = 0; d < dimensions.Length; d++) BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        data.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    static byte[] Pixels(int count) => [.. Enumerable.Range(0, count).Select(i => (byte)(i * 7))];

    [Fact]
    public void Reads_images_and_labels_plain_and_gzipped()
    {
        byte[] images = Idx(2051, [3, 2, 4], Pixels(24));
        byte[] labels = Idx(2049, [3], [7, 0, 9]);
        var (read, readLabels) = IdxReader.ReadLabelledImages(files.Bytes("img.idx", images), files.Gzip("lbl.idx.gz", labels));
        Assert.Equal((3, 2, 4), (read.Count, read.Rows, read.Columns));
        Assert.Equal(Pixels(24), read.Pixels);
        Assert.Equal(Pixels(24)[8..16], read.Image(1).ToArray());
        Assert.Equal([7, 0, 9], readLabels);
        Assert.Equal(Pixels(24)[5] / 255f, read.ToSingle()[5]);

        var zipped = IdxReader.ReadImages(files.Gzip("img.idx.gz", images));
        Assert.Equal(read.Pixels, zipped.Pixels);
    }

    [Fact]
    public void A_bad_magic_number_is_named()
    {
        byte[] text = "hello, world, this is not IDX"u8.ToArray();
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Bytes("notes.idx", text)));
        Assert.StartsWith("notes.idx: bad magic number 0x68656C6C", e.Message);
        Assert.Contains("2051", e.Message);
    }

    [Fact]
    public void Labels_given_where_images_are_expected_are_named()
    {
        string path = files.Bytes("train-labels.idx", Idx(2049, [2], [1, 2]));
        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));
        Assert.Equal("train-labels.idx: magic number 2049 is a label file; expected 2051 (images: count × rows × columns)", e.Message);
    }

    [Fact]
    public void Truncated_header_and_truncated_data_are_named()
    {
        byte[] full = Idx(2051, [10, 28, 28], Pixels(7840));
        var header = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Bytes("a.idx", full[..9])));
        Assert.Equal("a.idx: truncated: the header of a 3-dimensional IDX file is 16 bytes, found 9", header.Message);

        var data = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Gzip("b.idx.gz", full[..(16 + 7000)])));
        Assert.Equal("b.idx.gz: truncated: the header says 10 × 28 × 28 = 7840 bytes of data, found 7000", data.Message);

        var tiny = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Bytes("c.idx", [0, 0])));
        Assert.StartsWith("c.idx: truncated", tiny.Message);
    }

    [Fact]
    public void Extra_bytes_unsupported_types_and_mismatched_counts_are_named()
    {
        var extra = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Bytes("x.idx", Idx(2049, [2], [1, 2, 3]))));
        Assert.Equal("x.idx: 1 unexpected bytes after the 2 = 2 bytes of data the header describes", extra.Message);

        var floats = Assert.Throws<DataFormatException>(() => IdxReader.Read(files.Bytes("f.idx", Idx(0x0D01, [1], [0, 0, 0, 0]))));
        Assert.StartsWith("f.idx: magic number 0x00000D01: type code 0x0D (float32) is not supported", floats.Message);

        var mismatch = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabelledImages(
            files.Bytes("i.idx", Idx(2051, [2, 1, 1], [1, 2])), files.Bytes("l.idx", Idx(2049, [3], [1, 2, 3]))));
        Assert.Equal("l.idx: 3 labels for the 2 images of i.idx", mismatch.Message);
    }

    [SharedDataFact("mnist10k-images-idx3-ubyte.gz", "mnist10k-labels-idx1-ubyte.gz")]
    public void Reads_the_shipped_10k_mnist_sample()
    {
        var (images, labels) = IdxReader.ReadLabelledImages(
            SharedData.Find("mnist10k-images-idx3-ubyte.gz")!, SharedData.Find("mnist10k-labels-idx1-ubyte.gz")!);
        Assert.Equal((10000, 28, 28), (images.Count, images.Rows, images.Columns));
        Assert.Equal(10, labels.Distinct().Count());
        Assert.All(labels, l => Assert.InRange(l, (byte)0, (byte)9));
    }
}
