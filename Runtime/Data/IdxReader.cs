using System.Buffers.Binary;

namespace Tutor.Data;

/// <summary>
/// Reads IDX files, the format of MNIST (LeCun et al.): a big-endian header — two zero bytes, a type code (0x08 for
/// unsigned bytes), the number of dimensions d — then d big-endian 32-bit sizes, then the data. For MNIST the magic
/// numbers are 2051 (0x00000803: images, dimensions count × rows × columns) and 2049 (0x00000801: labels, count).
/// Files may be gzip-compressed (.gz); every error names the file and what is wrong with it.
/// </summary>
public static class IdxReader
{
    /// <summary>The magic number of an image file: unsigned bytes, 3 dimensions.</summary>
    public const int ImagesMagic = 2051;

    /// <summary>The magic number of a label file: unsigned bytes, 1 dimension.</summary>
    public const int LabelsMagic = 2049;

    /// <summary>Reads any unsigned-byte IDX file.</summary>
    /// <exception cref="DataFormatException">Bad magic number, unsupported type, truncated header or data, or bytes after the data.</exception>
    public static IdxArray Read(string path) => Parse(DataFile.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Reads IDX bytes (gzip or not); <paramref name="fileName"/> is used in messages.</summary>
    public static IdxArray Parse(byte[] bytes, string fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        bytes = DataFile.Decompress(bytes, fileName);
        if (bytes.Length < 4) throw new DataFormatException(fileName, $"truncated: an IDX file starts with a 4-byte magic number, found {bytes.Length} bytes");
        int magic = BinaryPrimitives.ReadInt32BigEndian(bytes);
        int type = bytes[2], rank = bytes[3];
        if (bytes[0] != 0 || bytes[1] != 0 || rank == 0)
            throw new DataFormatException(fileName, $"bad magic number 0x{magic:X8} ({magic}): an IDX file starts with two zero bytes, a type code and the number of dimensions, e.g. {ImagesMagic} (0x00000803) for images and {LabelsMagic} (0x00000801) for labels; is this an IDX file?");
        if (type != 0x08)
            throw new DataFormatException(fileName, $"magic number 0x{magic:X8}: type code 0x{type:X2} ({TypeName(type)}) is not supported; only 0x08 (unsigned byte), as in MNIST");

        int headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new DataFormatException(fileName, $"truncated: the header of a {rank}-dimensional IDX file is {headerLength} bytes, found {bytes.Length}");
        var dimensions = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dimensions[d] < 0) throw new DataFormatException(fileName, $"dimension {d + 1} is negative ({dimensions[d]})");
            count *= dimensions[d];
        }
        long available = bytes.Length - headerLength;
        string shape = string.Join(" × ", dimensions);
        if (available < count)
            throw new DataFormatException(fileName, $"truncated: the header says {shape} = {count} bytes of data, found {available}");
        if (available > count)
            throw new DataFormatException(fileName, $"{available - count} unexpected bytes after the {shape} = {count} bytes of data the header describes");
        return new IdxArray(magic, dimensions, bytes.AsSpan(headerLength).ToArray());
    }

    /// <summary>Reads an MNIST image file (magic 2051, count × rows × columns).</summary>
    public static IdxImages ReadImages(string path) => Images(Read(path), Path.GetFileName(path));

    /// <summary>Reads an MNIST label file (magic 2049, count).</summary>
    public static byte[] ReadLabels(string path) => Labels(Read(path), Path.GetFileName(path));

    /// <summary>Reads an image file and its label file and checks that their counts agree.</summary>
    public static (IdxImages Images, byte[] Labels) ReadLabelledImages(string imagesPath, string labelsPath)
    {
        var images = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (images.Count != labels.Length)
            throw new DataFormatException(Path.GetFileName(labelsPath), $"{labels.Length} labels for the {images.Count} images of {Path.GetFileName(imagesPath)}");
        return (images, labels);
    }

    /// <summary>Interprets a parsed array as MNIST images.</summary>
    public static IdxImages Images(IdxArray array, string fileName)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Magic != ImagesMagic)
            throw new DataFormatException(fileName, $"magic number {array.Magic}{(array.Magic == LabelsMagic ? " is a label file" : "")}; expected {ImagesMagic} (images: count × rows × columns)");
        return new IdxImages(array.Dimensions[0], array.Dimensions[1], array.Dimensions[2], array.Data);
    }

    /// <summary>Interprets a parsed array as MNIST labels.</summary>
    public static byte[] Labels(IdxArray array, string fileName)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Magic != LabelsMagic)
            throw new DataFormatException(fileName, $"magic number {array.Magic}{(array.Magic == ImagesMagic ? " is an image file" : "")}; expected {LabelsMagic} (labels: count)");
        return array.Data;
    }

    static string TypeName(int type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown",
    };
}
